// Why a ping failed, from worlds captured in the lab (and small changes to them, as the kernel would make).
import {describe, expect, it} from 'vitest';
import {diagnosePing} from '../../source/model/diagnosis/diagnose.js';
import {pingFailed, type PingOutcome} from '../../source/model/diagnosis/outcome.js';
import {lookupRoute} from '../../source/model/diagnosis/route-lookup.js';
import type {Link, Netns, Route, World} from '../../source/model/types.js';
import {fixtureWorld} from '../support/fixtures.js';
import {WorldBuilder} from '../support/hand-world.js';

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
			"ns2's IPv4 routes: 10.1.1.0/24 dev veth_ns2 proto kernel scope link src 10.1.1.2",
		]);
	});

	it('says the namespace has no address on the subnet where the target lives', () => {
		const reasons = diagnosePing(fixtureWorld('bridge'), 'ns2', 'fd00::1', unreachable);
		expect(reasons).toContain('no route in ns2 covers fd00::1');
		expect(reasons).toContain('ns2 has no address on fd00::/64, where fd00::1 lives (ns1/loop_a): add one, or a route via a gateway');
		expect(reasons).toContain("ns2's IPv6 routes: fe80::/64 dev veth_ns2 proto kernel metric 256 pref medium");
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

describe('diagnosePing: what only the full picture tells (rules, forwarding, neighbours, flags, stacked devices)', () => {
	const connected = (dst: string, dev: string): Route => ({family: 4, dst, dev, table: 'main', type: 'unicast', protocol: 'kernel', scope: 'link', flags: []});
	const via = (dst: string, gateway: string, dev: string, table = 'main'): Route => ({family: 4, dst, gateway, dev, table, type: 'unicast', flags: []});
	const mainRules = [
		{priority: 0, not: false, src: 'all', table: 'local'},
		{priority: 32766, not: false, src: 'all', table: 'main'},
	];

	/** a —(10.0.1.0/24)— router r —(10.0.2.0/24)— b, every route in place; r forwards unless told. */
	function routed(rForwards = true): World {
		const world = new WorldBuilder()
			.namespace('a')
			.namespace('r')
			.namespace('b')
			.veth('a/a0', 'r/r0', {addresses: ['10.0.1.1/24', '10.0.1.2/24']})
			.veth('r/r1', 'b/b0', {addresses: ['10.0.2.2/24', '10.0.2.1/24']})
			.build();
		const routes: Record<string, Route[]> = {
			a: [connected('10.0.1.0/24', 'a0'), via('10.0.2.0/24', '10.0.1.2', 'a0')],
			r: [connected('10.0.1.0/24', 'r0'), connected('10.0.2.0/24', 'r1')],
			b: [connected('10.0.2.0/24', 'b0'), via('10.0.1.0/24', '10.0.2.2', 'b0')],
		};
		return {namespaces: world.namespaces.map((n) => ({...n, routes: routes[n.id] ?? [], forwarding: {4: n.id === 'r' ? rForwards : false, 6: false}}))};
	}

	it('names the router namespace that does not forward', () => {
		expect(diagnosePing(routed(false), 'a', '10.0.2.1', lost())[0]).toBe(
			'r does not forward IPv4 (net.ipv4.ip_forward is 0): it will not route from r0 on to 10.0.2.1 (select it and press f)',
		);
		expect(diagnosePing(routed(true), 'a', '10.0.2.1', lost()).join('\n')).not.toContain('does not forward');
	});

	it('names a rule that blackholes the target before any table is looked at', () => {
		const world = change(routed(), 'a', () => ({rules: {4: [mainRules[0], {priority: 100, not: false, src: 'all', dst: '10.0.2.0/24', action: 'blackhole'}, mainRules[1]]}}));
		expect(diagnosePing(world, 'a', '10.0.2.1', unreachable)[0]).toBe('rule 100 in a drops the packets silently for 10.0.2.1: from all to 10.0.2.0/24');
	});

	it('follows a rule to its table, and names the unreachable route there', () => {
		const world = change(routed(), 'a', (n) => ({
			rules: {4: [mainRules[0], {priority: 100, not: false, src: 'all', table: 'vpn'}, mainRules[1]]},
			routes: [...n.routes, {family: 4, dst: '10.0.2.0/24', table: 'vpn', type: 'unreachable', flags: []}],
		}));
		expect(diagnosePing(world, 'a', '10.0.2.1', unreachable)[0]).toBe('the route unreachable 10.0.2.0/24 table vpn in a answers "unreachable"');
	});

	it('puts a duplicate (dadfailed) source address first', () => {
		const world = linkChange(routed(), 'a', 'a0', {
			addresses: [{family: 4, local: '10.0.1.1', prefixlen: 24, scope: 'global', cidr: '10.0.1.1/24', flags: ['dadfailed']}],
		});
		expect(diagnosePing(world, 'a', '10.0.2.1', lost())[0]).toMatch(/^10\.0\.1\.1\/24 on a0 in a is a duplicate \(dadfailed\)/);
	});

	it('names a neighbour that never answered', () => {
		const world = change(routed(), 'a', () => ({neighbours: [{family: 4, dst: '10.0.1.2', dev: 'a0', router: false, state: ['FAILED']}]}));
		expect(diagnosePing(world, 'a', '10.0.2.1', lost())[0]).toBe('10.0.1.2 on a0 did not answer ARP (neighbour entry FAILED): nothing on that link has the address, or it is down');
	});

	it('says a macvlan cannot reach its own parent in the host', () => {
		const built = new WorldBuilder().namespace('host').namespace('pod').veth('host/eth0', 'host/peer0').stacked('pod/mv0', 'macvlan', 'host/eth0').build();
		const world = linkChange(
			linkChange(change(built, 'pod', () => ({routes: [connected('192.0.2.0/24', 'mv0')]})), 'pod', 'mv0', {
				adminUp: true,
				state: 'UP',
				addresses: [{family: 4, local: '192.0.2.20', prefixlen: 24, scope: 'global', cidr: '192.0.2.20/24'}],
			}),
			'host',
			'eth0',
			{addresses: [{family: 4, local: '192.0.2.1', prefixlen: 24, scope: 'global', cidr: '192.0.2.1/24'}]},
		);
		expect(diagnosePing(world, 'pod', '192.0.2.1', lost())[0]).toMatch(/^mv0 is a macvlan on eth0 in host, which holds the target: a macvlan cannot reach its own parent/);
	});

	it('does not blame a link-local gateway that nothing shows (answered by proxy, as Calico does)', () => {
		const world = change(routed(), 'a', (n) => ({routes: [...n.routes, via('default', '169.254.1.1', 'a0')]}));
		const reasons = diagnosePing(world, 'a', '198.51.100.7', lost());
		expect(reasons.join('\n')).not.toContain('169.254.1.1 is in no namespace');
		expect(reasons[0]).toMatch(/^100% loss/);
	});
});
