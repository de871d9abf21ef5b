// Each cause the traced diagnosis names, on a small world built by hand (the kernel tests in
// test/kernel/ping-causes.test.ts build the same shapes for real): forwarding off toward an address no
// namespace holds, proxy ARP without forwarding, macvlan modes, a route only in a table no rule selects,
// rp_filter strict, the firewall rule whose counter rose, a chain's policy, the Docker-host trap, the
// firewall that could not be read; and the way hop by hop with the fix it offers.
import {describe, expect, it} from 'vitest';
import {explainPing} from '../../source/model/diagnosis/diagnose.js';
import {parseNetConf, type Evidence, type InterfaceConf, type NetConf} from '../../source/model/diagnosis/evidence.js';
import type {PingOutcome} from '../../source/model/diagnosis/outcome.js';
import {traceLines} from '../../source/model/diagnosis/way-lines.js';
import type {Firewall} from '../../source/model/firewall/types.js';
import type {Link, Netns, Route, Rule, World} from '../../source/model/types.js';
import {WorldBuilder} from '../support/hand-world.js';

const lost = (sent = 3): PingOutcome => ({summary: {transmitted: sent, received: 0, errors: 0, lossPercent: 100}, icmpErrors: [], stopped: false});
const connected = (dst: string, dev: string): Route => ({family: 4, dst, dev, table: 'main', type: 'unicast', scope: 'link', flags: []});
const via = (dst: string, gateway: string, dev?: string, table = 'main'): Route => ({family: 4, dst, gateway, dev, table, type: 'unicast', flags: []});
const mainRules: Rule[] = [
	{priority: 0, not: false, src: 'all', table: 'local'},
	{priority: 32766, not: false, src: 'all', table: 'main'},
	{priority: 32767, not: false, src: 'all', table: 'default'},
];

function withNs(world: World, edits: Record<string, (n: Netns) => Partial<Netns>>): World {
	return {namespaces: world.namespaces.map((n) => (edits[n.id] ? {...n, ...edits[n.id](n)} : n))};
}
const setLink = (n: Netns, name: string, patch: Partial<Link>): Partial<Netns> => ({links: n.links.map((l) => (l.name === name ? {...l, ...patch} : l))});
const conf = (entries: Record<string, InterfaceConf>, bridgeNfCallIptables?: boolean): NetConf => ({interfaces: new Map(Object.entries(entries)), bridgeNfCallIptables});

/** app — rt — isp; app's default via rt, rt's default via isp; 198.51.100.7 is in no namespace. */
function outside(rtForwards: boolean): World {
	const w = new WorldBuilder().namespace('app').namespace('rt').namespace('isp').veth('app/eth0', 'rt/lan', {addresses: ['10.50.1.2/24', '10.50.1.1/24']}).veth('rt/wan', 'isp/up', {addresses: ['203.0.113.2/24', '203.0.113.1/24']}).build();
	return withNs(w, {
		app: () => ({routes: [connected('10.50.1.0/24', 'eth0'), via('default', '10.50.1.1', 'eth0')], forwarding: {4: false, 6: false}}),
		rt: () => ({routes: [connected('10.50.1.0/24', 'lan'), connected('203.0.113.0/24', 'wan'), via('default', '203.0.113.1', 'wan')], forwarding: {4: rtForwards, 6: false}}),
		isp: () => ({routes: [connected('203.0.113.0/24', 'up')], forwarding: {4: true, 6: false}}),
	});
}

describe('causes from the kernel state', () => {
	it('forwarding off on a router toward an address no namespace holds, with the fix and the way', () => {
		const explained = explainPing(outside(false), 'app', '198.51.100.7', lost());
		expect(explained.reasons[0]).toBe('rt does not forward IPv4 (net.ipv4.ip_forward is 0): it will not route from lan on to 198.51.100.7 (select it and press f)');
		expect(explained.fix).toEqual({kind: 'forwarding', ns: 'rt', family: 4});
		expect(traceLines(explained.trace).map((l) => `${l.mark} ${l.text}`)).toEqual(['on app: default via 10.50.1.1 dev eth0 → rt/lan', 'broken rt (in lan): default via 203.0.113.1 dev wan → isp/up']);
	});

	it('with forwarding on, says where the echo leaves what nsdeck sees', () => {
		const world = withNs(outside(true), {isp: (n) => ({routes: [...n.routes, connected('198.51.100.0/24', 'up')]})});
		const explained = explainPing(world, 'app', '198.51.100.7', lost());
		expect(explained.reasons[0]).toMatch(/^100% loss/);
		expect(explained.reasons[1]).toBe('the echo leaves what nsdeck sees at up in isp (198.51.100.0/24 dev up)');
		expect(traceLines(explained.trace).at(-1)).toMatchObject({mark: 'leaves', text: 'isp (in up): 198.51.100.0/24 dev up → rt/wan → beyond what nsdeck sees'});
	});

	/** pod —eth0/cali1— node —n1/p1— peer; the pod's default via 169.254.1.1, which nobody holds. */
	function calico(): World {
		const w = new WorldBuilder().namespace('pod').namespace('node').namespace('peer').veth('pod/eth0', 'node/cali1', {addresses: ['10.70.0.5/32']}).veth('node/n1', 'peer/p1', {addresses: ['10.70.9.1/24', '10.70.9.2/24']}).build();
		return withNs(w, {
			pod: () => ({routes: [connected('169.254.1.1', 'eth0'), via('default', '169.254.1.1', 'eth0')]}),
			node: () => ({routes: [connected('10.70.0.5', 'cali1'), connected('10.70.9.0/24', 'n1')], forwarding: {4: false, 6: false}}),
			peer: () => ({routes: [connected('10.70.9.0/24', 'p1'), via('default', '10.70.9.1', 'p1')]}),
		});
	}

	it('proxy ARP answers only while the host forwards (Calico)', () => {
		const evidence: Evidence = {conf: new Map([['node', conf({cali1: {proxyArp: true, forwarding: false}})]])};
		const explained = explainPing(calico(), 'pod', '10.70.9.2', lost(), evidence);
		expect(explained.reasons[0]).toMatch(/^cali1 in node answers ARP for 169\.254\.1\.1 by proxy \(proxy_arp is 1\), but only while node forwards IPv4/);
		expect(explained.fix).toEqual({kind: 'forwarding', ns: 'node', family: 4});
	});

	it('proxy ARP off: nothing answers for the link-local gateway', () => {
		const evidence: Evidence = {conf: new Map([['node', conf({cali1: {proxyArp: false, forwarding: false}})]])};
		expect(explainPing(calico(), 'pod', '10.70.9.2', lost(), evidence).reasons[0]).toBe(
			'nothing answers ARP for 169.254.1.1 on eth0: no namespace holds it, and cali1 in node does not answer by proxy (proxy_arp is 0)',
		);
	});

	function macvlans(modeA: string, modeB: string): World {
		const w = new WorldBuilder().namespace('host').namespace('m1').namespace('m2').veth('host/up0', 'host/up1').stacked('m1/mv1', 'macvlan', 'host/up0').stacked('m2/mv2', 'macvlan', 'host/up0').build();
		const up = (cidr: string, mode: string) => (n: Netns) => setLink(n, n.id === 'm1' ? 'mv1' : 'mv2', {adminUp: true, state: 'UP', facts: {kind: 'macvlan', mode}, addresses: [{family: 4, local: cidr.split('/')[0], prefixlen: 24, scope: 'global', cidr}]});
		return withNs(w, {
			m1: (n) => ({...up('10.60.0.1/24', modeA)(n), routes: [connected('10.60.0.0/24', 'mv1')]}),
			m2: (n) => ({...up('10.60.0.2/24', modeB)(n), routes: [connected('10.60.0.0/24', 'mv2')]}),
		});
	}

	it.each([
		['private', 'bridge', /^mv1 in m1 is a macvlan in mode private on up0 in host: it cannot reach its sibling mv2 in m2 \(mode bridge\)/],
		['vepa', 'vepa', /^mv1 in m1 is a macvlan in mode vepa on up0 in host: its sibling mv2 in m2 is reached only if the switch beyond up0 sends the frame back/],
	])('macvlan siblings in mode %s and %s', (a, b, expected) => {
		expect(explainPing(macvlans(a, b), 'm1', '10.60.0.2', lost()).reasons[0]).toMatch(expected);
	});

	it('macvlan siblings both in mode bridge: nothing against them', () => {
		expect(explainPing(macvlans('bridge', 'bridge'), 'm1', '10.60.0.2', lost()).reasons[0]).toMatch(/^100% loss/);
	});

	function tables(rules: Rule[]): World {
		const w = new WorldBuilder().namespace('h1').namespace('h2').veth('h1/e0', 'h2/e0', {addresses: ['10.9.0.1/24', '10.9.0.2/24']}).build();
		return withNs(w, {h1: () => ({routes: [connected('10.9.0.0/24', 'e0'), via('10.9.1.0/24', '10.9.0.2', 'e0', '100')], rules: {4: rules}})});
	}

	it('a route only in table 100, which no rule selects', () => {
		expect(explainPing(tables(mainRules), 'h1', '10.9.1.1', lost()).reasons[0]).toBe(
			'no route in h1 covers 10.9.1.1 in the tables its rules select (local, main, default), but table 100 has 10.9.1.0/24 via 10.9.0.2 dev e0: no rule selects table 100 (ip -n h1 rule add to 10.9.1.0/24 lookup 100)',
		);
	});

	it('a rule that selects table 100 for another source only', () => {
		const rules = [mainRules[0], {priority: 100, not: false, src: '10.80.0.0/24', table: '100'}, ...mainRules.slice(1)];
		expect(explainPing(tables(rules), 'h1', '10.9.1.1', lost()).reasons[0]).toContain('rule 100 (from 10.80.0.0/24) selects it, but not for this packet from 10.9.0.1');
	});

	it('rp_filter strict on a router whose way back leaves by another interface', () => {
		const w = new WorldBuilder()
			.namespace('a')
			.namespace('r')
			.namespace('b')
			.veth('a/a0', 'r/r0', {addresses: ['10.1.0.1/24', '10.1.0.2/24']})
			.veth('a/a1', 'r/r1', {addresses: ['10.2.0.1/24', '10.2.0.2/24']})
			.veth('r/r2', 'b/b0', {addresses: ['10.3.0.1/24', '10.3.0.2/24']})
			.build();
		const world = withNs(w, {
			a: () => ({routes: [connected('10.1.0.0/24', 'a0'), connected('10.2.0.0/24', 'a1'), {...via('10.3.0.0/24', '10.2.0.2', 'a1'), prefsrc: '10.1.0.1'}]}),
			r: () => ({routes: [connected('10.1.0.0/24', 'r0'), connected('10.2.0.0/24', 'r1'), connected('10.3.0.0/24', 'r2')], forwarding: {4: true, 6: false}}),
			b: () => ({routes: [connected('10.3.0.0/24', 'b0'), via('default', '10.3.0.1', 'b0')]}),
		});
		const evidence: Evidence = {conf: new Map([['r', conf({all: {rpFilter: 1}, r1: {rpFilter: 0}})]])};
		expect(explainPing(world, 'a', '10.3.0.2', lost(), evidence).reasons[0]).toMatch(/^r drops it on r1: rp_filter is strict \(1\) and r's route back to 10\.1\.0\.1 leaves by r0, not r1/);
		expect(explainPing(world, 'a', '10.3.0.2', lost(), {conf: new Map([['r', conf({all: {rpFilter: 2}})]])}).reasons[0]).toMatch(/^100% loss/);
	});

	it('the target without a route back: the fix adds it by the link the echo came in on', () => {
		const world = withNs(outside(true), {isp: () => ({routes: []})});
		const explained = explainPing(world, 'app', '203.0.113.1', lost());
		expect(explained.reasons[0]).toMatch(/^isp has no route back to 10\.50\.1\.2: the replies cannot return/);
		expect(explained.fix).toEqual({kind: 'route', ns: 'isp', dst: '10.50.1.0/24', gateway: '203.0.113.2', dev: 'up'});
		// The way there arrives; the way back is drawn after it, broken where the reply starts.
		const lines = traceLines(explained.trace, explained.firewall);
		const back = lines.findIndex((l) => l.back);
		expect(back).toBeGreaterThan(0);
		expect(lines.slice(0, back).every((l) => l.mark !== 'broken')).toBe(true);
		expect(lines[back]).toMatchObject({mark: 'broken', back: true});
		expect(lines[back]?.evidence).toMatch(/^isp has no route back to 10\.50\.1\.2/);
	});
});

describe('firewalls on the way', () => {
	const pair = (): World => {
		const w = new WorldBuilder().namespace('c').namespace('s').veth('c/c0', 's/s0', {addresses: ['10.40.0.1/24', '10.40.0.2/24']}).build();
		return withNs(w, {c: () => ({routes: [connected('10.40.0.0/24', 'c0')]}), s: () => ({routes: [connected('10.40.0.0/24', 's0')]})});
	};
	const guard = (packets: number | undefined, policy = 'accept'): Firewall => ({
		unread: [],
		tables: [{source: 'nft', family: 'inet', name: 'guard', chains: [{name: 'input', hook: 'input', policy, rules: [{key: 'nft inet guard input 2', text: 'icmp type echo-request counter drop', packets, verdict: 'drop'}]}]}],
	});
	const fw = (before: Firewall, after: Firewall): Evidence => ({conf: new Map(), firewallBefore: new Map([['s', before]]), firewallAfter: new Map([['s', after]])});

	it('names the rule whose counter rose by the lost echoes, and the command to remove it', () => {
		const explained = explainPing(pair(), 'c', '10.40.0.2', lost(), fw(guard(5), guard(8)));
		expect(explained.reasons[0]).toBe('the firewall of s dropped the 3 echoes: table inet guard, chain input (hook input), rule "icmp type echo-request counter drop" (its counter rose by 3)');
		expect(explained.fix).toEqual({kind: 'command', text: 'ip netns exec s nft delete rule inet guard input handle 2'});
		// The way marks the namespace whose firewall dropped them, the rule on its line.
		const marked = traceLines(explained.trace, explained.firewall).find((l) => l.mark === 'broken');
		expect(marked).toMatchObject({text: 's (in s0) holds 10.40.0.2', evidence: explained.reasons[0]});
	});

	it('says "the echo" for one', () => {
		expect(explainPing(pair(), 'c', '10.40.0.2', lost(1), fw(guard(5), guard(6))).reasons[0]).toMatch(/^the firewall of s dropped the echo: table inet guard/);
	});

	it('without a counter, says which rule could drop it', () => {
		expect(explainPing(pair(), 'c', '10.40.0.2', lost(), fw(guard(undefined), guard(undefined))).reasons[0]).toBe(
			'the firewall of s: table inet guard, chain input (hook input) has a rule that could drop it (no counter to tell): "icmp type echo-request counter drop"',
		);
	});

	it('names a base chain whose policy drops', () => {
		const reasons = explainPing(pair(), 'c', '10.40.0.2', lost(), fw(guard(0, 'drop'), guard(0, 'drop'))).reasons;
		expect(reasons[0]).toBe('the firewall of s drops it by policy: table inet guard, chain input (hook input) has policy drop and no rule of it accepts the echoes');
	});

	it('says once when a firewall could not be read', () => {
		const unread: Firewall = {tables: [], unread: ['nft is not installed (apt-get install nftables)']};
		const reasons = explainPing(pair(), 'c', '10.40.0.2', lost(), fw(unread, unread)).reasons;
		expect(reasons.filter((r) => r.startsWith('could not read the firewall'))).toEqual(['could not read the firewall of s: nft is not installed (apt-get install nftables)']);
	});

	it('on a bridged way: the Docker-host trap, or its absence in a kernel without br_netfilter', () => {
		const w = new WorldBuilder().namespace('host').namespace('n1').namespace('n2').veth('n1/e0', 'host/p1', {addresses: ['10.1.1.1/24']}).veth('n2/e0', 'host/p2', {addresses: ['10.1.1.2/24']}).bridge('host/br0', ['p1', 'p2']).build();
		const world = withNs(w, {n1: () => ({routes: [connected('10.1.1.0/24', 'e0')]}), n2: () => ({routes: [connected('10.1.1.0/24', 'e0')]})});
		const docker: Firewall = {unread: [], tables: [{source: 'nft', family: 'ip', name: 'filter', chains: [{name: 'FORWARD', hook: 'forward', policy: 'drop', rules: []}]}]};
		const evidence = (nf: boolean | undefined): Evidence => ({conf: new Map([['host', conf({}, nf)]]), firewallBefore: new Map([['host', docker]]), firewallAfter: new Map([['host', docker]])});
		expect(explainPing(world, 'n1', '10.1.1.2', lost(), evidence(true)).reasons).toContain(
			"bridge br0 in host passes its frames through iptables (net.bridge.bridge-nf-call-iptables is 1), and table ip filter, chain FORWARD has policy drop: the Docker-host trap (iptables -I FORWARD -i br0 -o br0 -j ACCEPT lets the bridge's own traffic through)",
		);
		expect(explainPing(world, 'n1', '10.1.1.2', lost(), evidence(undefined)).reasons.join('\n')).toContain('net.bridge.bridge-nf-call-iptables is absent (no br_netfilter in this kernel)');
	});
});

describe('parseNetConf', () => {
	it('reads grep -H output, an interface name with a colon included', () => {
		const parsed = parseNetConf(['/proc/sys/net/ipv4/conf/all/rp_filter:1', '/proc/sys/net/ipv4/conf/a:b/proxy_arp:1', '/proc/sys/net/ipv4/conf/a:b/forwarding:0', '/proc/sys/net/bridge/bridge-nf-call-iptables:1'].join('\n'));
		expect(parsed.interfaces.get('all')).toEqual({rpFilter: 1});
		expect(parsed.interfaces.get('a:b')).toEqual({proxyArp: true, forwarding: false});
		expect(parsed.bridgeNfCallIptables).toBe(true);
	});
});
