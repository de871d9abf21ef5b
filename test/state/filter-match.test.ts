import {describe, expect, it} from 'vitest';
import type {Link, Netns, World} from '../../source/model/types.js';
import {filterNamespaces, linksMatchingNamespaceFilter} from '../../source/state/filter.js';
import {addressMatches, filterWords, linkMatches, matchNamespace} from '../../source/state/filter-match.js';
import {WorldBuilder} from '../support/hand-world.js';

/** ns1 and ns2 on a veth pair (and a link-local on ns2's end), web on a veth to the host (10.0.0.21, fd00::1 in the host), MACs of their own. */
function world(): World {
	const built = new WorldBuilder()
		.namespace('host')
		.namespace('ns1')
		.namespace('ns2')
		.namespace('web')
		.veth('ns1/veth_ns1', 'ns2/veth_ns2', {addresses: ['10.0.0.1/24', '10.0.0.2/24']})
		.veth('web/eth0', 'host/veth_web', {addresses: ['10.0.0.21/24', 'fd00::1/64']})
		.build();
	const macs: Record<string, string> = {veth_ns1: 'AA:BB:CC:00:00:01', veth_ns2: 'aa:bb:cc:00:00:02', eth0: '02:42:ac:11:00:02'};
	const linkLocal = {family: 6 as const, local: 'fe80::1', prefixlen: 64, scope: 'link', cidr: 'fe80::1/64'};
	return {
		namespaces: built.namespaces.map((ns) => ({
			...ns,
			links: ns.links.map((l) => ({...l, mac: macs[l.name] ?? l.mac, addresses: l.name === 'veth_ns2' ? [...l.addresses, linkLocal] : l.addresses})),
		})),
	};
}

const ns = (w: World, id: string): Netns => w.namespaces.find((n) => n.id === id)!;
const link = (w: World, id: string, name: string): Link => ns(w, id).links.find((l) => l.name === name)!;
const names = (links: readonly Link[]): string[] => links.map((l) => l.name);

describe('filter words', () => {
	it('tells whole addresses, address/prefix and other text apart', () => {
		expect(filterWords(' 10.0.0.2  VETH fd00::1/64 fe80:: ')).toEqual([
			{text: '10.0.0.2', ip: {family: 4, address: '10.0.0.2'}},
			{text: 'veth'},
			{text: 'fd00::1/64', cidr: {address: 'fd00::1', prefix: 64}},
			{text: 'fe80::'},
		]);
	});
});

describe('matching an interface', () => {
	const w = world();
	it.each([
		['10.0.0.2', 'veth_ns2', true],
		['10.0.0.2', 'eth0', false], // 10.0.0.21: a whole address is not a part of a longer one
		['10.0.0.21', 'eth0', true],
		['10.0.0.2/24', 'veth_ns2', true],
		['10.0.0.2/16', 'veth_ns2', false],
		['10.0.0.', 'eth0', true], // part of an address, as it is being typed
		['fe80::1', 'veth_ns2', true],
		['FE80:0:0::1', 'veth_ns2', true],
		['fe80::', 'veth_ns2', true],
		['fd00::1/64', 'veth_web', true],
		['fd00::1/48', 'veth_web', false],
		['fd00::1', 'veth_ns2', false],
		['aa:bb', 'veth_ns1', true], // MAC, part of it, any case
		['AA:BB:cc:00:00:02', 'veth_ns2', true],
		['02:42', 'eth0', true],
		['aa:bb', 'eth0', false],
		['veth', 'veth_ns1', true],
		['VETH NS2', 'veth_ns2', true],
		['veth 10.0.0.1', 'veth_ns2', false],
	])('%j on %s: %s', (filter, name, expected) => {
		const where = {eth0: 'web', veth_web: 'host', veth_ns1: 'ns1', veth_ns2: 'ns2'}[name] ?? '';
		expect(linkMatches(filterWords(filter), link(w, where, name))).toBe(expected);
	});

	it('compares addresses by value, not as typed', () => {
		const [word] = filterWords('FD00:0000::0001');
		expect(addressMatches(word, {family: 6, local: 'fd00::1', prefixlen: 64, scope: 'global', cidr: 'fd00::1/64'})).toBe(true);
	});
});

describe('matching a namespace', () => {
	const w = world();
	it('by its own name: all its interfaces', () => {
		expect(matchNamespace(ns(w, 'ns2'), filterWords('ns2'))).toEqual({byName: true, links: ns(w, 'ns2').links});
	});

	it('through an interface: only the interfaces that matched', () => {
		const match = matchNamespace(ns(w, 'ns2'), filterWords('10.0.0.2'));
		expect(match?.byName).toBe(false);
		expect(names(match?.links ?? [])).toEqual(['veth_ns2']);
		expect(matchNamespace(ns(w, 'ns1'), filterWords('10.0.0.2'))).toBeUndefined();
	});

	it('with words for the namespace and words for its interfaces', () => {
		expect(names(matchNamespace(ns(w, 'web'), filterWords('web 10.0.0.21'))?.links ?? [])).toEqual(['eth0']);
		expect(matchNamespace(ns(w, 'web'), filterWords('ns2 10.0.0.21'))).toBeUndefined();
	});

	it('across all namespaces: /10.0.0.2 finds ns2 only, /aa:bb finds ns1 and ns2, /fe80::1 finds ns2', () => {
		const all = w.namespaces;
		expect(filterNamespaces(all, '10.0.0.2').map((n) => n.id)).toEqual(['ns2']);
		expect(filterNamespaces(all, 'aa:bb').map((n) => n.id)).toEqual(['ns1', 'ns2']);
		expect(filterNamespaces(all, 'fe80::1').map((n) => n.id)).toEqual(['ns2']);
		expect(filterNamespaces(all, '10.0.0.').map((n) => n.id)).toEqual(['ns1', 'ns2', 'web']);
	});

	it('gives the interfaces pane what it matched through, the same array each time', () => {
		const ns2 = ns(w, 'ns2');
		const shown = linksMatchingNamespaceFilter(ns2, '10.0.0.2');
		expect(names(shown)).toEqual(['veth_ns2']);
		expect(linksMatchingNamespaceFilter(ns2, '10.0.0.2')).toBe(shown);
		expect(linksMatchingNamespaceFilter(ns2, 'ns2')).toBe(ns2.links);
		expect(linksMatchingNamespaceFilter(ns2, undefined)).toBe(ns2.links);
		expect(linksMatchingNamespaceFilter(ns2, 'nothing-here')).toBe(ns2.links);
	});
});
