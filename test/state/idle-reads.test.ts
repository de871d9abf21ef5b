// Issue 32: at 1,000 namespaces the app idled at 16 % of a core. The selected namespace is read again
// every two seconds; a read that says what the last one said must leave the state as it was (no new
// world, no topology rebuilt over every namespace, no render).
import {describe, expect, it} from 'vitest';
import {initialState, reducer} from '../../source/state/reducer.js';
import {fixtureNetns, fixtureWorld} from '../support/fixtures.js';

const loaded = () => reducer(initialState, {type: 'worldLoaded', world: fixtureWorld('bridge')});

describe('a namespace read again', () => {
	it('that did not change keeps the state (one read)', () => {
		const state = loaded();
		expect(reducer(state, {type: 'namespaceLoaded', id: 'ns1', netns: fixtureNetns('bridge', 'ns1')})).toBe(state);
	});

	it('that did not change keeps the state (a batch)', () => {
		const state = loaded();
		expect(reducer(state, {type: 'namespacesLoaded', namespaces: [fixtureNetns('bridge', 'ns1')]})).toBe(state);
	});

	it('that changed is shown', () => {
		const state = loaded();
		const read = fixtureNetns('bridge', 'ns1');
		const changed = {...read, links: read.links.map((l) => ({...l, mtu: l.mtu + 1}))};
		const next = reducer(state, {type: 'namespaceLoaded', id: 'ns1', netns: changed});
		expect(next).not.toBe(state);
		expect(next.world?.namespaces.find((n) => n.id === 'ns1')?.links[0].mtu).toBe(read.links[0].mtu + 1);
	});

	it('that is gone leaves the world', () => {
		const next = reducer(loaded(), {type: 'namespaceLoaded', id: 'ns1', netns: undefined});
		expect(next.world?.namespaces.some((n) => n.id === 'ns1')).toBe(false);
	});
});
