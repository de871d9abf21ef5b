// Why a ping failed, from worlds captured in the lab (and small changes to them, as the kernel would make).
import {describe, expect, it} from 'vitest';
import {diagnosePing, lookupRoute, pingFailed, type PingOutcome} from '../../source/model/ping-diagnosis.js';
import type {Link, Netns, Route, World} from '../../source/model/types.js';
import {fixtureWorld} from '../support/fixtures.js';

const lost = (sent = 4): PingOutcome => ({summary: {transmitted: sent, received: 0, errors: 0, lossPercent: 100}, icmpErrors: [], stopped: false});
const fine: PingOutcome = {summary: {transmitted: 4, received: 4, errors: 0, lossPercent: 0}, icmpErrors: [], stopped: false};
const unreachable: PingOutcome = {errorText: 'ping: connect: Network is unreachable', icmpErrors: [], stopped: false};

function change(world: World, ns: string, edit: (n: Netns) => Partial<Netns>): World {
	return {namespaces: world.namespaces.map((n) => (n.id === ns ? {...n, ...edit(n)} : n))};
}

function linkChange(world: World, ns: string, name: string, patch: Partial<Link>): World {
	return change(world, ns, (n) => ({links: n.links.map((l) => (l.name === name ? {...l, ...patch} : l))}));
}

/** What the kernel does when veth_ns2_br0 (host) is set down: veth_ns2 in ns2 loses its carrier. */
const bridgePortDown = (): World =>
	linkChange(linkChange(fixtureWorld('bridge'), 'host', 'veth_ns2_br0', {adminUp: false, state: 'DOWN'}), 'ns2', 'veth_ns2', {noCarrier: true, state: 'LOWERLAYERDOWN'});

describe('pingFailed', () => {
	it.each([
		['all replies', fine, false],
		['no reply', lost(), true],
		['could not run', unreachable, true],
		['stopped after replies, one in flight', {summary: {transmitted: 3, received: 2, errors: 0, lossPercent: 33}, icmpErrors: [], stopped: true}, false],
		['stopped with no reply at all', {summary: {transmitted: 3, received: 0, errors: 0, lossPercent: 100}, icmpErrors: [], stopped: true}, true],
		['stopped before it printed anything', {icmpErrors: [], stopped: true}, false],
	] as Array<[string, PingOutcome, boolean]>)('%s', (_what, outcome, failed) => {
		expect(pingFailed(outcome)).toBe(failed);
	});
});

describe('lookupRoute', () => {
	const ns1 = fixtureWorld('bridge').namespaces.find((n) => n.id === 'ns1') as Netns;
	it.each([
		['10.1.1.2', '10.1.1.0/24'],
		['192.0.2.7', 'default'],
		['fd01::9', 'fd01::/64'],
		['fd00::2', 'fd00::/64'],
	])('%s goes by %s', (target, dst) => {
		const family = target.includes(':') ? 6 : 4;
		expect((lookupRoute(ns1, {family, address: target}) as Route).dst).toBe(dst);
	});
});

describe('diagnosePing', () => {
	it('says nothing when every reply came', () => {
		expect(diagnosePing(fixtureWorld('bridge'), 'ns1', '10.1.1.2', fine)).toEqual([]);
	});

	it('names the bridge port that is down on the way (ns1 → 10.1.1.2)', () => {
		const reasons = diagnosePing(bridgePortDown(), 'ns1', '10.1.1.2', lost());
		expect(reasons[0]).toBe('interface veth_ns2_br0 in host is down (select it and press Space to set it up)');
		// veth_ns2's lost carrier follows from it: said once, by the port's own line.
		expect(reasons.join('\n')).not.toContain('veth_ns2 in ns2 has no carrier');
	});

	it('names the peer in another namespace that took the carrier away (test → 10.0.0.2)', () => {
		expect(diagnosePing(fixtureWorld('hostpair'), 'test', '10.0.0.2', lost())).toEqual(['interface pair-host in host is down (select it and press Space to set it up)']);
	});

	it('says the link on the target subnet is down when its route is gone with it (host → 10.0.0.1)', () => {
		const reasons = diagnosePing(fixtureWorld('hostpair'), 'host', '10.0.0.1', unreachable);
		expect(reasons[0]).toBe('interface pair-host in host is down: its subnet has no route while it is down (select it and press Space)');
		expect(reasons).toContain('host has no IPv4 routes at all');
	});

	it('says no route covers an unknown address, and shows the routes', () => {
		expect(diagnosePing(fixtureWorld('bridge'), 'ns2', '10.9.9.9', unreachable)).toEqual([
			'no route in ns2 covers 10.9.9.9',
			'no namespace nsdeck can see holds 10.9.9.9',
			"ns2's IPv4 routes: 10.1.1.0/24 dev veth_ns2",
		]);
	});

	it('says the namespace has no address on the subnet where the target lives', () => {
		const reasons = diagnosePing(fixtureWorld('bridge'), 'ns2', 'fd00::1', unreachable);
		expect(reasons).toContain('no route in ns2 covers fd00::1');
		expect(reasons).toContain('ns2 has no address on fd00::/64, where fd00::1 lives (ns1/loop_a): add one, or a route via a gateway');
		expect(reasons).toContain("ns2's IPv6 routes: fe80::/64 dev veth_ns2 metric 256");
	});

	it('follows a gateway route to its device and says the gateway is unknown', () => {
		expect(diagnosePing(fixtureWorld('bridge'), 'ns1', 'fd01::5', lost())).toEqual([
			'interface loop_b in ns1 is down (select it and press Space to set it up)',
			'the gateway fd00::2 is in no namespace nsdeck can see',
		]);
	});

	it('says when the target has no route back', () => {
		const world = change(fixtureWorld('bridge'), 'ns2', () => ({routes: []}));
		expect(diagnosePing(world, 'ns1', '10.1.1.2', lost())[0]).toMatch(/^ns2 has no route back to 10\.1\.1\.1: the replies cannot return/);
	});

	it('explains a blackhole route', () => {
		const world = change(fixtureWorld('bridge'), 'ns1', (n) => ({
			routes: [...n.routes, {family: 4, dst: '10.1.1.2', table: 'main', type: 'blackhole', flags: []}],
		}));
		expect(diagnosePing(world, 'ns1', '10.1.1.2', lost())).toEqual(['the route blackhole 10.1.1.2 in ns1 drops the packets silently']);
	});

	it('says 100% loss plainly when everything it can see is up', () => {
		expect(diagnosePing(fixtureWorld('bridge'), 'ns1', '10.1.1.2', lost())).toEqual([
			'100% loss, though every interface nsdeck sees on the way is up; 10.1.1.2 is on ns2/veth_ns2: a firewall may drop ICMP, or nothing answers 10.1.1.2',
		]);
	});

	it('turns Destination Host Unreachable into words', () => {
		const outcome: PingOutcome = {...lost(), icmpErrors: ['Destination Host Unreachable']};
		expect(diagnosePing(fixtureWorld('bridge'), 'ns2', '10.1.1.77', outcome)).toEqual([
			'nothing on veth_ns2 answered for 10.1.1.77 (Destination Host Unreachable: no neighbour has that address)',
		]);
	});

	it('says lo is down when a namespace pings its own address', () => {
		expect(diagnosePing(fixtureWorld('hostpair'), 'test', '10.0.0.1', lost())[0]).toBe('lo in test is down: a namespace reaches its own addresses (10.0.0.1 on pair-test) through lo');
	});

	it('says which package brings ping when it is missing', () => {
		const outcome: PingOutcome = {errorText: 'exec of "ping" failed: No such file or directory', icmpErrors: [], stopped: false};
		expect(diagnosePing(fixtureWorld('bridge'), 'ns1', '10.1.1.2', outcome)).toEqual(['ping is not installed: install the iputils-ping package (apt-get install iputils-ping)']);
	});

	it('says when the namespace is gone', () => {
		expect(diagnosePing(fixtureWorld('bridge'), 'ns9', '10.1.1.2', lost())).toEqual(['namespace ns9 no longer exists']);
	});
});
