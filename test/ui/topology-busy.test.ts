// The map marks links that carry traffic (issue 32), from the rates already read for the selected
// namespace: the row ends with ⇅ and its veth line is heavy; quiet and down links are drawn as before.
import {describe, expect, it} from 'vitest';
import {buildTopology, linkKey} from '../../source/model/topology.js';
import type {World} from '../../source/model/types.js';
import {layoutTopology} from '../../source/ui/topology/layout.js';
import {WorldBuilder} from '../support/hand-world.js';

const world = (): World =>
	new WorldBuilder()
		.namespace('host')
		.namespace('a')
		.namespace('b')
		.namespace('c')
		.veth('a/ab', 'b/ba', {addresses: ['10.0.0.1/30', '10.0.0.2/30']})
		.veth('a/ac', 'c/ca', {addresses: ['10.0.1.1/30', '10.0.1.2/30']})
		.build();

const ifindexOf = (w: World, ns: string, name: string): number => w.namespaces.find((n) => n.id === ns)?.links.find((l) => l.name === name)?.ifindex ?? -1;
const draw = (w: World, busy: readonly string[] = []): string[] => [...layoutTopology(w, buildTopology(w), {width: 80, busy: new Set(busy)}).lines];
const rowOf = (lines: readonly string[], name: string): string => lines.find((l) => new RegExp(`[│║] ${name} `).test(l)) ?? '';

describe('busy links on the map', () => {
	it('mark the busy end’s row and draw its veth line heavy, the quiet one as before', () => {
		const w = world();
		const lines = draw(w, [linkKey('a', ifindexOf(w, 'a', 'ab'))]);
		expect(rowOf(lines, 'ab')).toContain('→ b/ba ⇅ ├');
		expect(rowOf(lines, 'ac')).not.toContain('⇅');
		// The far end (b, whose counters were not read) is on the heavy line, its row unmarked.
		expect(rowOf(lines, 'ba')).not.toContain('⇅');
		expect(rowOf(lines, 'ab')).toMatch(/├━+┓/);
		expect(rowOf(lines, 'ba')).toMatch(/├━+┛/);
		expect(rowOf(lines, 'ac')).toMatch(/├──┃──┐/); // passes under the busy lane
		expect(rowOf(lines, 'ca')).toMatch(/├─+┘/);
		expect(lines.join('\n')).toContain('┃');
	});

	it('without traffic the map is what it was', () => {
		const w = world();
		const quiet = draw(w);
		expect(quiet.join('\n')).not.toMatch(/[━┃┓┛⇅]/);
		expect(draw(w, [linkKey('z', 99)])).toEqual(quiet);
	});

	it('keeps every box where it was when traffic starts or stops', () => {
		const w = world();
		const boxes = (busy: readonly string[]): unknown => layoutTopology(w, buildTopology(w), {width: 80, busy: new Set(busy)}).boxes;
		expect(boxes([linkKey('a', ifindexOf(w, 'a', 'ab'))])).toEqual(boxes([]));
	});

	it('a link that is down is drawn down even if its counters moved', () => {
		const w = new WorldBuilder().namespace('host').namespace('a').namespace('b').veth('a/ab', 'b/ba', {up: [true, false]}).build();
		const lines = draw(w, [linkKey('a', ifindexOf(w, 'a', 'ab'))]);
		expect(rowOf(lines, 'ab')).toMatch(/├╌+┐/);
	});
});

describe('a busy row cut short', () => {
	it('keeps its mark at the end', () => {
		const w = new WorldBuilder().namespace('host').namespace('a').namespace('b').veth('a/a-very-long-interface-name', 'b/b-very-long-interface-name', {addresses: ['10.0.0.1/30', '10.0.0.2/30']}).build();
		const key = linkKey('a', ifindexOf(w, 'a', 'a-very-long-interface-name'));
		const row = layoutTopology(w, buildTopology(w), {width: 40, busy: new Set([key])}).lines.find((l) => l.includes('a-very-long')) ?? '';
		expect(row).toMatch(/… ⇅ ├/);
	});
});
