import {describe, expect, it} from 'vitest';
import {parseBatchRead, parseRoutes} from '../../source/model/parse.js';
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
