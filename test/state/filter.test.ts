import {describe, expect, it} from 'vitest';
import {filterLinks, filterNamespaces, filterRoutes, matchesFilter} from '../../source/state/filter.js';
import {filterKey} from '../../source/state/filter-keys.js';
import {initialState, reducer} from '../../source/state/reducer.js';
import {type AppState} from '../../source/state/app-state.js';
import {selectedNsIndex, visibleNamespaces} from '../../source/state/selectors.js';
import {placeholder} from '../../source/state/world-updates.js';
import {fixtureNetns} from '../support/fixtures.js';

const many = (n: number) =>
	['host', ...Array.from({length: n}, (_, i) => `ns${i + 1}`)].map((id) => placeholder({id, kind: id === 'host' ? 'host' : 'named', path: `/run/netns/${id}`}));

describe('matchesFilter', () => {
	it.each([
		['veth_ns1 veth', 'veth', true],
		['veth_ns1 veth', 'VETH', true],
		['veth_ns1 veth 10.1.1.1/24', 'ns1 10.1', true],
		['veth_ns1 veth', 'ns1 bridge', false],
		['anything', '', true],
		['anything', '   ', true],
	])('%j matches %j: %s', (text, filter, expected) => {
		expect(matchesFilter(text, filter)).toBe(expected);
	});
});

describe('filtering lists', () => {
	it('filters namespaces by name and returns the same array for the same input', () => {
		const list = many(1000);
		const shown = filterNamespaces(list, 'ns99');
		expect(shown.map((n) => n.id)).toEqual(['ns99', 'ns990', 'ns991', 'ns992', 'ns993', 'ns994', 'ns995', 'ns996', 'ns997', 'ns998', 'ns999']);
		expect(filterNamespaces(list, 'ns99')).toBe(shown);
		expect(filterNamespaces(list, undefined)).toBe(list);
	});

	it('filters interfaces by name, kind, master and address', () => {
		const links = fixtureNetns('bridge', 'host').links;
		expect(filterLinks(links, 'bridge').map((l) => l.name)).toEqual(['br0']);
		expect(filterLinks(links, 'master-less').length).toBe(0);
		expect(filterLinks(links, '10.1.1.4').map((l) => l.name)).toEqual(['br0']);
		expect(filterLinks(links, 'br0').map((l) => l.name).sort()).toEqual(['br0', 'veth_ns1_br0', 'veth_ns2_br0']);
	});

	it('filters routes by their ip route text', () => {
		const routes = fixtureNetns('bridge', 'ns1').routes;
		expect(filterRoutes(routes, 'default').map((r) => r.dst)).toEqual(['default']);
	});
});

describe('filter in the state', () => {
	const loaded = (): AppState => reducer(initialState, {type: 'namespacesListed', listing: {places: many(30), unseen: {}}});

	it('typing narrows the namespace list and moves the selection onto it; Esc shows all again', () => {
		let state = reducer(loaded(), {type: 'filterStart'});
		expect(state.filtering).toBe('namespaces');
		for (const ch of 'ns2') state = reducer(state, {type: 'filterText', text: (state.filters.namespaces ?? '') + ch});
		expect(visibleNamespaces(state).map((n) => n.id)).toEqual(['ns2', 'ns20', 'ns21', 'ns22', 'ns23', 'ns24', 'ns25', 'ns26', 'ns27', 'ns28', 'ns29']);
		expect(state.selectedNs).toBe('ns2');
		expect(selectedNsIndex(state)).toBe(0);
		state = reducer(state, {type: 'filterClear'});
		expect(state.filtering).toBeUndefined();
		expect(visibleNamespaces(state)).toHaveLength(31);
		expect(state.selectedNs).toBe('ns2');
	});

	it('maps keys while typing: letters are text, Backspace erases, Enter keeps, Esc clears, arrows move', () => {
		const state = {...reducer(loaded(), {type: 'filterStart'}), filters: {namespaces: 'ns'}};
		expect(filterKey(state, 'j', 'j')).toEqual({action: {type: 'filterText', text: 'nsj'}});
		expect(filterKey(state, 'backspace', '')).toEqual({action: {type: 'filterText', text: 'n'}});
		expect(filterKey(state, 'return', '\r')).toEqual({action: {type: 'filterEnd'}});
		expect(filterKey(state, 'escape', '')).toEqual({action: {type: 'filterClear'}});
		expect(filterKey(state, 'down', '')).toEqual({move: 'down'});
		expect(filterKey(state, 'ctrl+c', 'c')).toBeUndefined();
	});
});
