// Causes about addresses and IPv6's switches, on worlds built by hand (test/kernel/ping-causes-addresses
// builds them for real): a dadfailed source, disable_ipv6 on the way, IPv6 forwarding per interface
// (force_forwarding), and no address on the target's subnet, whose fix adds a free one.
import {describe, expect, it} from 'vitest';
import {explainPing} from '../../source/model/diagnosis/diagnose.js';
import {parseNetConf, type Evidence, type InterfaceConf} from '../../source/model/diagnosis/evidence.js';
import {freeAddressOn} from '../../source/model/diagnosis/places.js';
import type {PingOutcome} from '../../source/model/diagnosis/outcome.js';
import {interfaceConfLines} from '../../source/model/firewall/firewall-lines.js';
import type {Link, Netns, Route, World} from '../../source/model/types.js';
import {WorldBuilder} from '../support/hand-world.js';

const lost: PingOutcome = {summary: {transmitted: 2, received: 0, errors: 0, lossPercent: 100}, icmpErrors: [], stopped: false};
const connected = (dst: string, dev: string): Route => ({family: dst.includes(':') ? 6 : 4, dst, dev, table: 'main', type: 'unicast', scope: 'link', flags: []});
const via = (family: 4 | 6, dst: string, gateway: string, dev: string): Route => ({family, dst, gateway, dev, table: 'main', type: 'unicast', flags: []});
const withNs = (world: World, edits: Record<string, (n: Netns) => Partial<Netns>>): World => ({namespaces: world.namespaces.map((n) => (edits[n.id] ? {...n, ...edits[n.id](n)} : n))});
const setLink = (n: Netns, name: string, patch: (l: Link) => Partial<Link>): Partial<Netns> => ({links: n.links.map((l) => (l.name === name ? {...l, ...patch(l)} : l))});
const evidence = (byNs: Record<string, Record<string, InterfaceConf>>): Evidence => ({conf: new Map(Object.entries(byNs).map(([ns, c]) => [ns, {interfaces: new Map(Object.entries(c))}]))});

/** app —eth0/lan— rt —wan/eth0— srv over IPv6, rt forwarding by `all` as told. */
function routedV6(rtForwards: boolean): World {
	const w = new WorldBuilder().namespace('app').namespace('rt').namespace('srv').veth('app/eth0', 'rt/lan', {addresses: ['fd00:61::2/64', 'fd00:61::1/64']}).veth('rt/wan', 'srv/eth0', {addresses: ['fd00:62::1/64', 'fd00:62::2/64']}).build();
	return withNs(w, {
		app: () => ({routes: [connected('fd00:61::/64', 'eth0'), via(6, 'default', 'fd00:61::1', 'eth0')]}),
		rt: () => ({routes: [connected('fd00:61::/64', 'lan'), connected('fd00:62::/64', 'wan')], forwarding: {4: false, 6: rtForwards}}),
		srv: () => ({routes: [connected('fd00:62::/64', 'eth0'), via(6, 'default', 'fd00:62::1', 'eth0')]}),
	});
}

describe('IPv6 forwarding per interface', () => {
	it('names force_forwarding where it was read, and lets through what arrives where it is on', () => {
		const off = explainPing(routedV6(false), 'app', 'fd00:62::2', lost, evidence({rt: {lan: {forceForwarding6: false}, wan: {forceForwarding6: false}}}));
		expect(off.reasons[0]).toMatch(/^rt does not forward IPv6 \(net\.ipv6\.conf\.all\.forwarding is 0 and net\.ipv6\.conf\.lan\.force_forwarding is 0\)/);
		const lanForced = explainPing(routedV6(false), 'app', 'fd00:62::2', lost, evidence({rt: {lan: {forceForwarding6: true}, wan: {forceForwarding6: false}}}));
		expect(lanForced.reasons[0]).toMatch(/^rt does not forward IPv6 \(net\.ipv6\.conf\.all\.forwarding is 0 and net\.ipv6\.conf\.wan\.force_forwarding is 0\): it will not route from wan on to fd00:61::2/);
		// An older kernel without force_forwarding: only `all` is named.
		expect(explainPing(routedV6(false), 'app', 'fd00:62::2', lost).reasons[0]).toMatch(/^rt does not forward IPv6 \(net\.ipv6\.conf\.all\.forwarding is 0\):/);
	});
});

describe('disable_ipv6', () => {
	it("on the router's way out: its routes went with its addresses, and the command turns it back on", () => {
		const world = withNs(routedV6(true), {rt: (n) => ({...setLink(n, 'wan', () => ({addresses: []})), routes: [connected('fd00:61::/64', 'lan')]})});
		const explained = explainPing(world, 'app', 'fd00:62::2', lost, evidence({rt: {wan: {disableIpv6: true}}}));
		expect(explained.reasons[0]).toBe('IPv6 is disabled on wan in rt (net.ipv6.conf.wan.disable_ipv6 is 1): the kernel removed its IPv6 addresses and routes and drops IPv6 there, so rt has no route to fd00:62::2');
		expect(explained.fix).toEqual({kind: 'command', text: 'ip netns exec rt sysctl -w net.ipv6.conf.wan.disable_ipv6=0', why: 'nsdeck does not change this sysctl'});
	});

	it("on the target's interface, seen from the router's way out", () => {
		const world = withNs(routedV6(true), {srv: (n) => setLink(n, 'eth0', () => ({addresses: []}))});
		const explained = explainPing(world, 'app', 'fd00:62::2', lost, evidence({srv: {all: {disableIpv6: false}, eth0: {disableIpv6: true}}}));
		expect(explained.reasons[0]).toMatch(/^IPv6 is disabled on eth0 in srv .*, so fd00:62::2 cannot be reached by wan$/);
	});

	it('is read and shown in the interface detail, with force_forwarding and an accept_ra that ignores advertisements', () => {
		const conf = parseNetConf(['/proc/sys/net/ipv6/conf/all/forwarding:1', '/proc/sys/net/ipv6/conf/e0/disable_ipv6:1', '/proc/sys/net/ipv6/conf/e1/force_forwarding:1', '/proc/sys/net/ipv6/conf/e1/accept_ra:1', '/proc/sys/net/ipv6/conf/e1/disable_ipv6:0'].join('\n'));
		expect(conf.interfaces.get('e1')).toEqual({forceForwarding6: true, acceptRa: 1, disableIpv6: false});
		expect(interfaceConfLines(conf, 'e0')).toContainEqual(['IPv6', 'disabled (disable_ipv6 is 1): no IPv6 addresses, IPv6 dropped']);
		expect(interfaceConfLines(conf, 'e1')).toEqual([
			['rp_filter', '0 (off)'],
			['IPv6 forwarding', 'forced on for what arrives here (force_forwarding is 1)'],
			['accept_ra', '1: ignores router advertisements while IPv6 forwarding is on (2 takes them)'],
		]);
	});
});

describe('a dadfailed source', () => {
	it('is named as the cause', () => {
		const world = withNs(routedV6(true), {app: (n) => setLink(n, 'eth0', (l) => ({addresses: l.addresses.map((a) => ({...a, flags: ['dadfailed', 'tentative']}))}))});
		expect(explainPing(world, 'app', 'fd00:62::2', lost).reasons[0]).toBe('fd00:61::2/64 on eth0 in app is a duplicate (dadfailed): another host on the link has it, so the kernel will not use it');
	});

	it('offers a free address on the same subnet and link: the kernel sends from it instead', () => {
		const world = withNs(routedV6(true), {app: (n) => setLink(n, 'eth0', (l) => ({addresses: l.addresses.map((a) => ({...a, flags: ['dadfailed', 'tentative']}))}))});
		expect(explainPing(world, 'app', 'fd00:62::2', lost).fix).toEqual({kind: 'address', ns: 'app', link: 'eth0', cidr: 'fd00:61::3/64'});
	});
});

describe('no address on the target’s subnet', () => {
	/** h1 —e0/e0— h2 with h1's address elsewhere (or none); h3 holds .1 on another link. */
	function apart(own: string[]): World {
		const w = new WorldBuilder().namespace('h1').namespace('h2').namespace('h3').veth('h1/e0', 'h2/e0', {addresses: [own[0], '10.9.5.2/24']}).veth('h2/e1', 'h3/e0', {addresses: ['10.9.6.1/24', '10.9.5.1/24']}).build();
		return withNs(w, {h1: () => ({routes: own.length > 0 ? [connected('10.9.0.0/24', 'e0')] : []}), h2: () => ({routes: [connected('10.9.5.0/24', 'e0')]})});
	}

	it.each([[['10.9.0.1/24']], [[]]])('offers a free address on the link that leads there (own: %j)', (own) => {
		const world = own.length > 0 ? apart(own) : withNs(apart(['10.9.0.1/24']), {h1: (n) => ({...setLink(n, 'e0', () => ({addresses: []})), routes: []})});
		const explained = explainPing(world, 'h1', '10.9.5.2', lost);
		expect(explained.reasons[0]).toBe('no route in h1 covers 10.9.5.2');
		expect(explained.fix).toEqual({kind: 'address', ns: 'h1', link: 'e0', cidr: '10.9.5.3/24'});
	});

	it('offers none when the link there is down (setting it up comes first)', () => {
		const world = withNs(apart(['10.9.0.1/24']), {h1: (n) => setLink(n, 'e0', () => ({adminUp: false}))});
		expect(explainPing(world, 'h1', '10.9.5.2', lost).fix).not.toMatchObject({kind: 'address'});
	});

	it('freeAddressOn skips held addresses, the network and the broadcast, in both families', () => {
		const world = apart(['10.9.0.1/24']);
		expect(freeAddressOn(world, '10.9.5.2', 24)).toBe('10.9.5.3');
		expect(freeAddressOn(world, '10.9.7.9', 30)).toBe('10.9.7.9');
		expect(freeAddressOn(world, '10.9.7.2', 31)).toBeUndefined();
		expect(freeAddressOn(routedV6(true), 'fd00:62::2', 64)).toBe('fd00:62::3');
	});
});
