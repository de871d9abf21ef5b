// A ping whose echo leaves its server through a tunnel to another listed server: the fleet lab's shape (web
// behind br0, whose port vx0 goes to the other server) traced from h1's web to h2's web.
import {describe, expect, it} from 'vitest';
import {crossingLines, crossingOf, farNamespaces, type FarFirewalls} from '../../source/model/diagnosis/across-hosts.js';
import {explainPing} from '../../source/model/diagnosis/diagnose.js';
import type {PingOutcome} from '../../source/model/diagnosis/outcome.js';
import {traceLines} from '../../source/model/diagnosis/way-lines.js';
import {tracePing} from '../../source/model/diagnosis/path.js';
import {hostTunnels} from '../../source/model/host-tunnels.js';
import type {Firewall} from '../../source/model/firewall/types.js';
import type {Link, Route, World} from '../../source/model/types.js';
import {WorldBuilder} from '../support/hand-world.js';

/** Server i of the lab: eth0 with 192.168.50.i, vx0 (VNI `vni`) toward the other, bridged with web's veth. */
function server(i: 1 | 2, vni: number): World {
	const built = new WorldBuilder()
		.namespace('host')
		.namespace('web')
		.namespace('uplink')
		.veth('host/eth0', 'uplink/out', {addresses: [`192.168.50.${i}/24`]})
		.veth('host/to-web', 'web/eth0', {addresses: [undefined, `10.42.0.${i}/24`]})
		.build();
	const vx0: Link = {
		ifindex: 90,
		name: 'vx0',
		kind: 'vxlan',
		state: 'UNKNOWN',
		flags: ['UP'],
		adminUp: true,
		noCarrier: false,
		mac: '',
		mtu: 1450,
		addresses: [],
		facts: {kind: 'vxlan', id: vni, remote: `192.168.50.${3 - i}`, port: 4789, underlay: 'eth0'},
	};
	const bridge: Link = {...vx0, ifindex: 91, name: 'br0', kind: 'bridge', state: 'UP', facts: undefined};
	const route: Route = {family: 4, dst: '10.42.0.0/24', dev: 'eth0', table: 'main', type: 'unicast', protocol: 'kernel', scope: 'link', prefsrc: `10.42.0.${i}`, flags: []};
	return {
		namespaces: built.namespaces.map((ns) => {
			if (ns.id === 'host') return {...ns, links: [...ns.links.map((l) => (l.name === 'to-web' ? {...l, master: 'br0'} : l)), {...vx0, master: 'br0'}, bridge]};
			if (ns.id === 'web') return {...ns, routes: [route]};
			return ns;
		}),
	};
}

function crossing(h1: World, h2: World, far?: FarFirewalls) {
	const hosts = [
		{host: 'h1', world: h1},
		{host: 'h2', world: h2},
	];
	return crossingOf(tracePing(h1, 'web', '10.42.0.2'), 'h1', hosts, hostTunnels(hosts), far);
}

/** web's firewall on h2: an input chain with a counted drop of echo requests, `packets` so far. */
const dropping = (packets: number): Firewall => ({
	unread: [],
	tables: [{source: 'nft', family: 'inet', name: 'cut', chains: [{name: 'in', hook: 'input', policy: 'accept', rules: [{key: 'nft inet cut in 2', text: 'icmp type echo-request counter drop', packets, verdict: 'drop'}]}]}],
});

describe('a ping across a tunnel between servers', () => {
	it('names the tunnel the echo leaves through, and who holds the target on the other server', () => {
		const found = crossing(server(1, 42), server(2, 42));
		expect(found).toMatchObject({here: {host: 'h1', ns: 'host', name: 'vx0'}, host: 'h2', holder: {ns: 'web', link: 'eth0'}, cause: false});
		expect(found?.text).toBe("the echo leaves h1 through vx0 (vxlan VNI 42) to h2, where web/eth0 holds 10.42.0.2: select h2's web to look there");
	});

	it('gives a tunnel whose ends disagree as the cause', () => {
		const found = crossing(server(1, 42), server(2, 43));
		expect(found?.cause).toBe(true);
		expect(found?.text).toBe('the echo leaves h1 through vx0 (vxlan VNI 42) to h2, but the tunnel carries nothing: VNI 42 on h1, 43 on h2');
	});

	it('says when no namespace on the other server holds the target', () => {
		const h2 = server(2, 42);
		const without = {namespaces: h2.namespaces.filter((ns) => ns.id !== 'web')};
		expect(crossing(server(1, 42), without)?.text).toBe('the echo leaves h1 through vx0 (vxlan VNI 42) to h2, where no namespace holds 10.42.0.2');
	});

	it("gives a link down on the other server, between the tunnel and the target, as the cause", () => {
		const h2 = server(2, 42);
		const down = {namespaces: h2.namespaces.map((ns) => (ns.id === 'web' ? {...ns, links: ns.links.map((l) => (l.name === 'eth0' ? {...l, adminUp: false, state: 'DOWN'} : l))} : ns))};
		const found = crossing(server(1, 42), down);
		expect(found?.cause).toBe(true);
		expect(found?.text).toBe(
			'the echo leaves h1 through vx0 (vxlan VNI 42) to h2, where web/eth0 holds 10.42.0.2, but on h2: interface eth0 in web is down (select it and press Space to set it up)',
		);
		expect(crossingLines([], found).at(-1)?.evidence).toBe('interface eth0 in web is down (select it and press Space to set it up)');
	});

	it("follows the reply on the other server: a holder with no route back is the cause", () => {
		const h2 = server(2, 42);
		// web on h2 holds its address as a host address and has no route at all: its reply to 10.42.0.1 has no way.
		const lonely = {
			namespaces: h2.namespaces.map((ns) =>
				ns.id === 'web' ? {...ns, routes: [], links: ns.links.map((l) => (l.name === 'eth0' ? {...l, addresses: l.addresses.map((a) => ({...a, prefixlen: 32, cidr: `${a.local}/32`}))} : l))} : ns,
			),
		};
		const found = crossing(server(1, 42), lonely);
		expect(found?.cause).toBe(true);
		expect(found?.text).toBe(
			'the echo leaves h1 through vx0 (vxlan VNI 42) to h2, where web/eth0 holds 10.42.0.2, but on h2 the reply fails: web has no route back to 10.42.0.1: the replies cannot return (web has no IPv4 routes at all)',
		);
	});

	it("reads the other server's firewall where the echo goes: the tunnel's end there and the target's holder", () => {
		const found = crossing(server(1, 42), server(2, 42));
		expect(found && farNamespaces(found)).toEqual(['host', 'web']);
	});

	it("gives the rule on the other server whose counter rose by the lost echoes as the cause", () => {
		const evidence = {conf: new Map(), firewallBefore: new Map([['web', dropping(4)]]), firewallAfter: new Map([['web', dropping(7)]])};
		const found = crossing(server(1, 42), server(2, 42), {host: 'h2', evidence, lost: 3});
		expect(found?.cause).toBe(true);
		expect(found?.text).toBe(
			'the echo leaves h1 through vx0 (vxlan VNI 42) to h2, where web/eth0 holds 10.42.0.2, but on h2 the firewall of web dropped the 3 echoes: table inet cut, chain in (hook input), rule "icmp type echo-request counter drop" (its counter rose by 3)',
		);
		// A counter that rose by less than the lost echoes is not the proof.
		const less = {conf: new Map(), firewallBefore: new Map([['web', dropping(4)]]), firewallAfter: new Map([['web', dropping(5)]])};
		expect(crossing(server(1, 42), server(2, 42), {host: 'h2', evidence: less, lost: 3})?.cause).toBe(false);
	});

	it('finds nothing when the echo arrives on its own server, or no tunnel is on its way', () => {
		const h1 = server(1, 42);
		const hosts = [{host: 'h1', world: h1}, {host: 'h2', world: server(2, 42)}];
		expect(crossingOf(tracePing(h1, 'web', '10.42.0.1'), 'h1', hosts, hostTunnels(hosts))).toBeUndefined();
		const alone = [{host: 'h1', world: h1}];
		expect(crossingOf(tracePing(h1, 'web', '10.42.0.2'), 'h1', alone, hostTunnels(alone))).toBeUndefined();
	});

	const lost: PingOutcome = {summary: {transmitted: 1, received: 0, errors: 0, lossPercent: 100}, icmpErrors: [], stopped: false};
	const explain = (h1: World, h2: World) => {
		const hosts = [
			{host: 'h1', world: h1},
			{host: 'h2', world: h2},
		];
		return explainPing(h1, 'web', '10.42.0.2', lost, undefined, (trace) => crossingOf(trace, 'h1', hosts, hostTunnels(hosts)));
	};

	it('explains a lost ping by the tunnel first, and draws the way over it', () => {
		const explained = explain(server(1, 42), server(2, 43));
		expect(explained.reasons[0]).toBe('the echo leaves h1 through vx0 (vxlan VNI 42) to h2, but the tunnel carries nothing: VNI 42 on h1, 43 on h2');
		expect(crossingLines(traceLines(explained.trace), explained.crossing)).toEqual([
			{mark: 'on', text: 'web: 10.42.0.0/24 dev eth0 → host/to-web → host/br0'},
			{mark: 'broken', text: 'host: over vx0 to h2, where web holds it', evidence: 'VNI 42 on h1, 43 on h2'},
		]);
	});

	it('says where the way goes on when the tunnel is sound, not that nothing holds the target', () => {
		const {reasons} = explain(server(1, 42), server(2, 42));
		expect(reasons).toEqual([
			'100% loss, though every interface nsdeck sees on the way is up; its way goes on to h2: a firewall may drop ICMP, or nothing answers 10.42.0.2',
			"the echo leaves h1 through vx0 (vxlan VNI 42) to h2, where web/eth0 holds 10.42.0.2: select h2's web to look there",
		]);
	});
});
