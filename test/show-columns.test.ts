// `nsdeck show`: the kind column starts in one column whatever the name before it (CJK, a bidi override).
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {worldToText} from '../source/show.js';
import {WorldBuilder} from './support/hand-world.js';

describe('show text', () => {
	it('pads names by the columns they take as shown', () => {
		const world = new WorldBuilder().namespace('host').veth('host/网桥0', 'host/a\u202Eb').veth('host/eth0', 'host/🐳x').build();
		const rows = worldToText(world).split('\n').filter((line) => line.includes(' veth '));
		expect(rows).toHaveLength(4);
		const kindColumns = rows.map((line) => stringWidth(line.slice(0, line.indexOf(' veth '))));
		expect(new Set(kindColumns)).toEqual(new Set([17]));
	});
});
