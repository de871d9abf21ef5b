// A route's identity: every word ip prints goes into its row key and into the words that delete and add it.
import {describe, expect, it} from 'vitest';
import {fdbText, formatRoute, nexthopText} from '../../source/model/format.js';
import {parseFdbEntry, parseNexthopObjects, parseRoute} from '../../source/model/parse-route.js';
import {routeArgv, routeKey} from '../../source/model/route-identity.js';
import {deleteRoutePlan} from '../../source/plans/route-plans.js';

// As `ip -j -d route show table all` printed them (iproute2 6.1).
const tos0 = parseRoute({type: 'unicast', dst: '10.80.0.0/24', dev: 'd0', table: 'main', protocol: 'boot', scope: 'link', flags: []});
const tos10 = parseRoute({type: 'unicast', dst: '10.80.0.0/24', tos: '0x10', dev: 'd0', table: 'main', protocol: 'boot', scope: 'link', flags: []});
const fromAll = parseRoute({type: 'unicast', dst: '2001:db8:80::/64', dev: 'd0', table: 'main', protocol: 'boot', scope: 'global', metric: 1024, flags: [], pref: 'medium'});
const from9 = parseRoute({type: 'unicast', dst: '2001:db8:80::/64', from: '2001:db8:9::/64', dev: 'd0', table: 'main', protocol: 'boot', scope: 'global', metric: 1024, flags: [], pref: 'medium'});
const nhid7 = parseRoute({type: 'unicast', dst: '10.204.0.0/16', nhid: 7, gateway: '10.0.6.1', dev: 'r1', table: 'main', protocol: 'static', scope: 'global', flags: []});
const onlink = parseRoute({
	type: 'unicast',
	dst: '10.206.0.0/16',
	gateway: '10.9.6.1',
	dev: 'd0',
	table: 'main',
	protocol: 'static',
	scope: 'global',
	prefsrc: '10.0.6.2',
	flags: ['onlink'],
	metrics: [{mtu: 1400, advmss: 1360, rtt: 10, congestion: 'cubic'}],
});

describe('route identity', () => {
	it('gives routes that differ only in tos, or in their source prefix, their own row keys', () => {
		expect(routeKey(tos0)).not.toBe(routeKey(tos10));
		expect(routeKey(fromAll)).not.toBe(routeKey(from9));
	});

	it('deletes and adds with every word that tells the route apart', () => {
		expect(routeArgv(tos10, 'del')).toEqual(['route', 'del', '10.80.0.0/24', 'tos', '0x10', 'table', 'main', 'proto', 'boot', 'scope', 'link', 'dev', 'd0']);
		expect(routeArgv(from9, 'add')).toEqual(['-6', 'route', 'add', '2001:db8:80::/64', 'from', '2001:db8:9::/64', 'table', 'main', 'metric', '1024', 'proto', 'boot', 'scope', 'global', 'dev', 'd0', 'pref', 'medium']);
		expect(routeArgv(onlink, 'add')).toEqual([
			'route', 'add', '10.206.0.0/16', 'table', 'main', 'proto', 'static', 'scope', 'global', 'via', '10.9.6.1', 'dev', 'd0', 'onlink', 'src', '10.0.6.2',
			'mtu', '1400', 'advmss', '1360', 'rtt', '10ms', 'congctl', 'cubic',
		]);
	});

	it('names a route through a nexthop object by its nhid, not by the gateway ip shows for it', () => {
		expect(formatRoute(nhid7)).toBe('10.204.0.0/16 nhid 7 via 10.0.6.1 dev r1 proto static');
		const plan = deleteRoutePlan('ns1', nhid7);
		expect(plan.steps[0].argv).toEqual(['ip', '-n', 'ns1', 'route', 'del', '10.204.0.0/16', 'table', 'main', 'proto', 'static', 'scope', 'global', 'nhid', '7']);
		expect(plan.steps[0].undo).toEqual(['ip', '-n', 'ns1', 'route', 'add', '10.204.0.0/16', 'table', 'main', 'proto', 'static', 'scope', 'global', 'nhid', '7']);
	});

	it('prints every word as ip does, defaults left out', () => {
		expect(formatRoute(tos10)).toBe('10.80.0.0/24 tos 0x10 dev d0 scope link');
		expect(formatRoute(from9)).toBe('2001:db8:80::/64 from 2001:db8:9::/64 dev d0 metric 1024 pref medium');
		expect(formatRoute(onlink)).toBe('10.206.0.0/16 via 10.9.6.1 dev d0 proto static src 10.0.6.2 onlink mtu 1400 advmss 1360 rtt 10ms congctl cubic');
		const expiring = parseRoute({dst: '2001:db8:77::/64', gateway: '2001:db8:1::5', dev: 'd0', metric: 1024, flags: [], expires: 299, pref: 'high'});
		expect(formatRoute(expiring)).toBe('2001:db8:77::/64 via 2001:db8:1::5 dev d0 metric 1024 expires 299sec pref high');
		// An undo puts back the seconds it had left; a delete does not need them.
		expect(routeArgv(expiring, 'add').slice(-2)).toEqual(['expires', '299']);
		expect(routeArgv(expiring, 'del')).not.toContain('expires');
		// What changes while the route stays itself is not part of it.
		expect(routeKey(expiring)).toBe(routeKey({...expiring, expires: 12, flags: ['linkdown']}));
	});
});

describe('nexthop objects and a vxlan FDB', () => {
	it('reads objects and groups as `ip -j -d nexthop` prints them', () => {
		const objects = parseNexthopObjects([
			{id: 7, gateway: '10.0.6.1', dev: 'd0', scope: 'link', protocol: 'unspec', flags: []},
			{id: 9, group: [{id: 7, weight: 2}, {id: 8}], scope: 'global', protocol: 'unspec', flags: []},
			{id: 10, blackhole: null, scope: 'global', protocol: 'static', flags: []},
		]);
		expect(objects.map(nexthopText)).toEqual(['id 7 via 10.0.6.1 dev d0 scope link', 'id 9 group 7,2/8', 'id 10 blackhole proto static']);
	});

	it('reads a vxlan entry with its remote end', () => {
		const entry = parseFdbEntry({mac: '00:00:00:00:00:00', ifname: 'vx0', dst: '10.60.0.2', port: 4790, vni: 43, viaIf: 'eth0', flags: ['self'], state: 'permanent'});
		expect(entry && fdbText(entry)).toBe('00:00:00:00:00:00 dev vx0 dst 10.60.0.2 port 4790 vni 43 via eth0 self permanent');
	});
});
