// show --json's `reach` is shell text, as the log and exported scripts write commands: a namespace's name
// is quoted in it, so pasting it into a shell runs nothing the name holds.
import {describe, expect, it} from 'vitest';
import {worldToJson} from '../source/show.js';
import {HOST_ID} from '../source/model/types.js';
import {WorldBuilder} from './support/hand-world.js';

describe('show --json reach', () => {
	it('quotes a name as a shell would need it', () => {
		const world = new WorldBuilder().namespace(HOST_ID).namespace('x; rm -rf ~').namespace('sp ace').namespace('plain').build();
		const json = worldToJson(world) as {namespaces: Array<{id: string; reach: string}>};
		const reach = Object.fromEntries(json.namespaces.map((n) => [n.id, n.reach]));
		expect(reach).toEqual({[HOST_ID]: '', 'x; rm -rf ~': "ip netns exec 'x; rm -rf ~'", 'sp ace': "ip netns exec 'sp ace'", plain: 'ip netns exec plain'});
	});
});
