import {describe, expect, it} from 'vitest';
import {buildTopology} from '../../source/model/topology.js';
import type {World} from '../../source/model/types.js';
import {type AppState} from '../../source/state/app-state.js';
import {otherEnd} from '../../source/state/other-end.js';
import {initialState, reducer} from '../../source/state/reducer.js';
import {WorldBuilder} from '../support/hand-world.js';

const at = (world: World, ns: string, link: string): AppState => ({
	...reducer(initialState, {type: 'worldLoaded', world}),
	topology: buildTopology(world),
	focus: 'interfaces',
	selectedNs: ns,
	selectedLink: {[ns]: link},
});

describe('the other end', () => {
	it('of a vxlan is the device it sends through (ip names it by name, in its own namespace)', () => {
		const built = new WorldBuilder().namespace('host').bridge('host/br0', []).build();
		const host = built.namespaces[0];
		const vxlan = {...host.links[1], ifindex: 9, name: 'vx0', kind: 'vxlan', master: undefined, facts: {kind: 'vxlan' as const, id: 42, underlay: 'br0'}};
		const world: World = {namespaces: [{...host, links: [...host.links, vxlan]}]};
		expect(otherEnd(at(world, 'host', 'vx0'))).toMatchObject({to: {ns: 'host', name: 'br0'}, what: 'lower'});
	});

	it('goes back where it came from, and forgets a jump whose start is gone', () => {
		const world = new WorldBuilder().namespace('host').namespace('pod').bridge('host/br0', []).stacked('pod/mv0', 'macvlan', 'host/br0').build();
		const there = reducer(at(world, 'pod', 'mv0'), {type: 'otherEnd'});
		expect([there.selectedNs, there.selectedLink.host, there.focus]).toEqual(['host', 'br0', 'interfaces']);
		expect(otherEnd(there)).toMatchObject({to: {ns: 'pod', name: 'mv0'}, what: 'back'});
		const podGone: World = {namespaces: world.namespaces.filter((n) => n.id !== 'pod')};
		const after = reducer(there, {type: 'worldLoaded', world: podGone});
		expect(otherEnd(after)).toEqual({none: 'br0 has no other end: o is for veths and stacked devices'});
	});

	it('drops its "o goes back" once the selection moves off where it went, where o no longer goes back', () => {
		const world = new WorldBuilder().namespace('host').namespace('pod').bridge('host/br0', []).stacked('pod/mv0', 'macvlan', 'host/br0').build();
		const there = reducer(at(world, 'pod', 'mv0'), {type: 'otherEnd'});
		expect(there.message?.text).toContain('o goes back');
		const moved = reducer(there, {type: 'selectLink', name: 'lo'});
		expect(moved.message).toBeUndefined();
		const otherNs = reducer(there, {type: 'selectNs', id: 'pod'});
		expect(otherNs.message).toBeUndefined();
		// Another message (a plan's result) is not the jump's: it stays.
		const said = reducer(there, {type: 'message', text: '✓ done', tone: 'info'});
		expect(reducer(said, {type: 'selectLink', name: 'lo'}).message?.text).toBe('✓ done');
	});
});
