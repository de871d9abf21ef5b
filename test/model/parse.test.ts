import {describe, expect, it} from 'vitest';
import {factsText, formatRoute, relationText, visibleAddresses} from '../../source/model/format.js';
import {BUILTIN_NAMES, withNames} from '../../source/model/iproute-names.js';
import {parseBatchRead, parseHelperRecords, parseLinks, parseRoutes} from '../../source/model/parse.js';
import {buildTopology} from '../../source/model/topology.js';
import type {Link} from '../../source/model/types.js';
import {fixtureText} from '../support/fixtures.js';

describe('parseBatchRead on real ip -j -d -b output', () => {
	const ns1 = parseBatchRead(fixtureText('bridge.ns1.txt'));
	const host = parseBatchRead(fixtureText('bridge.host.txt'));

	it('reads every link with type, state, MAC, MTU and addresses', () => {
		expect(ns1.links.map((l) => l.name).sort()).toEqual(['lo', 'loop_a', 'loop_b', 'veth_ns1']);
		const veth = ns1.links.find((l) => l.name === 'veth_ns1');
		expect(veth).toMatchObject({kind: 'veth', state: 'UP', adminUp: true, mtu: 1500});
		expect(veth?.mac).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
		expect(veth?.addresses.map((a) => a.cidr)).toContain('10.1.1.1/24');
		expect(veth?.addresses.some((a) => a.family === 6 && a.scope === 'link')).toBe(true);
		expect(ns1.links.find((l) => l.name === 'lo')?.kind).toBe('loopback');
	});

	it('sees LOWERLAYERDOWN / NO-CARRIER on an up veth whose peer is down', () => {
		const loopA = ns1.links.find((l) => l.name === 'loop_a');
		expect(loopA).toMatchObject({state: 'LOWERLAYERDOWN', adminUp: true, noCarrier: true});
		expect(loopA?.addresses.map((a) => a.cidr)).toEqual(['fd00::1/64']);
	});

	it('keeps peer hints: nsid and ifindex across namespaces, name within one', () => {
		const veth = ns1.links.find((l) => l.name === 'veth_ns1');
		expect(veth?.peerHint?.netnsid).toBe(0);
		expect(typeof veth?.peerHint?.ifindex).toBe('number');
		expect(ns1.links.find((l) => l.name === 'loop_a')?.peerHint).toMatchObject({name: 'loop_b', netnsid: undefined});
	});

	it('reads bridge kind and master', () => {
		expect(host.links.find((l) => l.name === 'br0')?.kind).toBe('bridge');
		expect(host.links.find((l) => l.name === 'veth_ns1_br0')?.master).toBe('br0');
	});

	it('reads IPv4 and IPv6 routes of all tables but local, with their family', () => {
		const shown = ns1.routes.map((r) => `${r.family} ${r.dst} ${r.gateway ?? '-'}`);
		expect(shown).toContain('4 default 10.1.1.4');
		expect(shown).toContain('4 10.1.1.0/24 -');
		expect(shown).toContain('6 fd01::/64 fd00::2');
		expect(shown).toContain('6 fd00::/64 -');
		expect(ns1.routes.every((r) => r.table !== 'local')).toBe(true);
	});

	it('reads the nsid table: names for named namespaces, none for the host', () => {
		expect(host.nsids).toEqual([
			{nsid: 0, name: 'ns1'},
			{nsid: 1, name: 'ns2'},
		]);
		expect(ns1.nsids).toEqual([{nsid: 0, name: undefined}]);
	});

	it('tells an IPv6 default route without a gateway by its pref field', () => {
		const routes = parseRoutes('[{"type":"unicast","dst":"default","dev":"a1","table":"main","metric":1024,"flags":[],"pref":"medium"}]');
		expect(routes[0].family).toBe(6);
	});

	it('rejects output that is not ip batch JSON', () => {
		expect(() => parseBatchRead('Cannot open network namespace "x": No such file or directory\n')).toThrow();
	});
});

describe('kinds this kernel cannot make, from fixtures in ip -j -d link format', () => {
	// Keys and values as iproute2 prints them: vlan_print_opt (ip/iplink_vlan.c: protocol, id), ipvlan_print_opt
	// (ip/iplink_ipvlan.c: mode), bond_print_opt (ip/iplink_bond.c: mode), vrf_print_opt (ip/iplink_vrf.c:
	// table), print_linkinfo (ip/ipaddress.c: info_kind, info_slave_kind), gre_print_opt (ip/link_gre.c).
	const links = parseLinks(fixtureText('kinds-not-made-here.json'));
	const byName = new Map(links.map((l) => [l.name, l]));

	it('reads each kind with its facts and its lower device', () => {
		expect(byName.get('bond0.10')).toMatchObject({kind: 'vlan', facts: {id: 10, protocol: '802.1Q'}, peerHint: {name: 'bond0'}});
		expect(byName.get('bond0.20')?.facts).toEqual({kind: 'vlan', id: 20, protocol: '802.1ad'});
		expect(byName.get('ipvl0')).toMatchObject({kind: 'ipvlan', facts: {mode: 'l3'}, peerHint: {name: 'eth0'}});
		expect(byName.get('bond0')).toMatchObject({kind: 'bond', facts: {mode: '802.3ad'}});
		expect(byName.get('vrf-blue')).toMatchObject({kind: 'vrf', facts: {table: 10}});
		expect(byName.get('gre1')).toMatchObject({kind: 'gre', facts: {remote: '198.51.100.1', local: '203.0.113.1'}, mac: '203.0.113.1'});
		expect(byName.get('wg0')?.kind).toBe('wireguard');
		expect(byName.get('wg0')?.facts).toBeUndefined();
		expect(byName.get('dummy0')?.kind).toBe('dummy');
		expect(byName.get('dummy0')?.facts).toBeUndefined();
		expect(byName.get('gnv0')?.facts).toEqual({kind: 'geneve', id: 5, remote: '198.51.100.7', port: 6081, ttl: 0});
		expect(byName.get('gretap1')?.facts).toEqual({kind: 'gre', remote: '198.51.100.2', local: 'any', underlay: 'bond0', ttl: 0});
		expect(byName.get('bond0')?.facts).toEqual({kind: 'bond', mode: '802.3ad', miimon: 100});
	});

	it('says each kind\'s facts in its own words, as the ip reader always showed them', () => {
		const text = (name: string): string => factsText(byName.get(name) as Link);
		expect(['ipvl0', 'bond0', 'vrf-blue', 'bond0.20', 'gre1', 'gnv0', 'gretap1', 'wg0', 'dummy0', 'team0'].map(text)).toEqual([
			'mode l3',
			'mode 802.3ad',
			'table 10',
			'id 20 802.1ad',
			'remote 198.51.100.1 local 203.0.113.1',
			'id 5 remote 198.51.100.7 port 6081',
			'remote 198.51.100.2 local any dev bond0',
			'',
			'',
			'',
		]);
	});

	it('reads a kind it does not name by the keys kinds share, as before it knew any', () => {
		const [link] = parseLinks(JSON.stringify([{ifindex: 3, ifname: 'tnl0', flags: [], mtu: 1480, operstate: 'UNKNOWN', link_type: 'ipip', linkinfo: {info_kind: 'ipip', info_data: {remote: '192.0.2.9', local: 'any', ttl: 0}}, addr_info: []}]));
		expect(link).toMatchObject({kind: 'ipip', facts: {kind: 'other', remote: '192.0.2.9', local: 'any'}});
		expect(factsText(link)).toBe('remote 192.0.2.9 local any');
	});

	it('reads an IPv6 vxlan\'s remote6 and local6 as its remote and local', () => {
		const [link] = parseLinks(JSON.stringify([{ifindex: 4, ifname: 'vx6', flags: [], mtu: 1430, operstate: 'DOWN', link_type: 'ether', linkinfo: {info_kind: 'vxlan', info_data: {id: 8, remote6: 'fd00::9', local6: 'fd00:1::1', port: 4789}}, addr_info: []}]));
		expect(factsText(link)).toBe('id 8 remote fd00::9 local fd00:1::1 port 4789');
	});

	it('says what kind of master each port has: bond and vrf members are not bridge ports', () => {
		expect(byName.get('eth0')).toMatchObject({master: 'bond0', masterKind: 'bond'});
		expect(byName.get('bond0.20')).toMatchObject({master: 'vrf-blue', masterKind: 'vrf'});
		const link = byName.get('eth0');
		expect(link && relationText(link, 'host', undefined, [])).toBe('bond bond0');
		const vlan = byName.get('bond0.10');
		expect(vlan && relationText(vlan, 'host', undefined, [])).toBe('on bond0');
		expect(byName.get('bond0.10') && factsText(byName.get('bond0.10') as Link)).toBe('id 10 802.1Q');
	});
});

describe('the helper records: the same schema, numbers named as ip names them', () => {
	const names = withNames(BUILTIN_NAMES, {tables: '100 vpn\n'});
	const helper = JSON.stringify({
		links: [
			{ifindex: 4, link: 'eth0', ifname: 'tap0', flags: ['BROADCAST'], mtu: 1500, operstate: 'DOWN', link_type: 'ether', address: '02:00:00:00:00:01', linkinfo: {info_kind: 'tun', info_data: {type: 'tap'}}, altnames: ['uplink'], addr_info: [{family: 'inet6', local: 'fd00::1', prefixlen: 64, scope: 0, dadfailed: true, tentative: true}]},
		],
		routes: [
			{type: 'unicast', dst: '10.5.0.0/16', table: 100, protocol: 4, scope: 0, flags: [], nexthops: [{dev: 'eth0', gateway: '10.0.0.2', weight: 2, flags: []}, {dev: 'eth1', gateway: '10.0.1.2', weight: 1, flags: []}]},
			{type: 'unicast', dst: '10.6.0.0/16', via: {family: 'inet6', host: 'fd00::2'}, dev: 'eth0', table: 254, protocol: 3, scope: 0, flags: []},
			{type: 'local', dst: '10.0.0.1', dev: 'eth0', table: 255, protocol: 2, scope: 254, flags: []},
		],
	});
	const read = parseHelperRecords(helper, names);

	it('tells tap from tun, and keeps altnames and address flags', () => {
		expect(read.links[0]).toMatchObject({kind: 'tap', altnames: ['uplink']});
		expect(read.links[0].addresses[0]).toMatchObject({scope: 'global', flags: ['dadfailed', 'tentative']});
		expect(visibleAddresses(read.links[0])).toEqual(['fd00::1/64[dadfailed,tentative]']);
	});

	it('reads every next hop, and a gateway of the other family as ip prints it', () => {
		expect(read.routes.map(formatRoute)).toEqual(['10.5.0.0/16 table vpn proto static nexthop via 10.0.0.2 dev eth0 weight 2 nexthop via 10.0.1.2 dev eth1 weight 1', '10.6.0.0/16 via inet6 fd00::2 dev eth0']);
		expect(read.routes.map((r) => `${r.family} ${r.table} ${r.protocol}`)).toEqual(['4 vpn static', '4 main boot']);
		expect(read.named).toBe(false);
	});
});

describe('bond and vrf members in the topology', () => {
	it('are not bridge ports', () => {
		const links = parseLinks(fixtureText('kinds-not-made-here.json'));
		const topology = buildTopology({namespaces: [{id: 'host', kind: 'host', path: '/proc/self/ns/net', links, routes: [], nsids: []}]});
		expect([...topology.ports.values()]).toEqual([]);
	});
});
