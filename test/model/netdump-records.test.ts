// nsdeck-netdump writes tables, protocols and scopes as numbers; the app names them as ip would and drops
// the routes nsdeck never shows (the local table, multicast).
import {describe, expect, it} from 'vitest';
import {BUILTIN_NAMES, withNames} from '../../source/model/iproute-names.js';
import {namespaceRecords} from '../../source/model/netdump-records.js';

const route = (table: number, type: string) => ({family: 4, dst: '10.0.0.0/8', dev: 'eth0', table, type, protocol: 4, scope: 0, flags: []});
const dump = {
	links: [{ifindex: 2, name: 'eth0', kind: 'veth', state: 'UP', flags: ['UP'], adminUp: true, noCarrier: false, mac: '02:00:00:00:00:01', mtu: 1500, addresses: [{family: 4, local: '10.0.0.1', prefixlen: 8, scope: 0, cidr: '10.0.0.1/8'}], peerHint: {ifindex: 7, netnsid: 0}}],
	routes: [route(254, 'unicast'), route(100, 'blackhole'), route(255, 'local'), route(254, 'multicast')],
};

describe('namespaceRecords', () => {
	it('names tables, protocols and scopes from iproute2 and keeps the routes nsdeck shows', () => {
		const names = withNames(BUILTIN_NAMES, {tables: '100 vpn\n'});
		const {links, routes} = namespaceRecords(new TextEncoder().encode(JSON.stringify(dump)), names);
		expect(links[0].addresses[0].scope).toBe('global');
		expect(links[0].peerHint).toEqual({ifindex: 7, netnsid: 0});
		expect(routes.map((r) => `${r.table} ${r.type} ${r.protocol} ${r.scope}`)).toEqual(['main unicast static global', 'vpn blackhole static global']);
	});

	it('passes the nsid table on when the helper named it, and has none when it was not asked', () => {
		const encode = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));
		const nsids = [{nsid: 0, name: 'ns1'}, {nsid: 3}];
		expect(namespaceRecords(encode({...dump, nsids}), BUILTIN_NAMES).nsids).toEqual(nsids);
		expect(namespaceRecords(encode(dump), BUILTIN_NAMES)).not.toHaveProperty('nsids');
	});
});
