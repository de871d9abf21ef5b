// The link-kind registry: what each kind reads from ip's linkinfo, how it is wired, and how nsdeck makes it.
import {describe, expect, it} from 'vitest';
import {STACKED_FIELDS} from '../../source/model/link-kinds/creation.js';
import {CREATABLE, hasUnderlay, hubShape, isGroupKind, isStackedKind, kindFactsText, readLinkInfo, STACKED_KINDS, underlayOf} from '../../source/model/link-kinds/index.js';

describe('reading linkinfo', () => {
	it.each([
		['veth', undefined, 'veth', undefined],
		['tun', {type: 'tap', pi: false}, 'tap', {kind: 'tun', type: 'tap'}],
		['tun', {type: 'tun'}, 'tun', {kind: 'tun', type: 'tun'}],
		['macvtap', {mode: 'vepa'}, 'macvtap', {kind: 'macvlan', mode: 'vepa'}],
		['ipvtap', {mode: 'l2', bridge: true}, 'ipvtap', {kind: 'ipvlan', mode: 'l2'}],
		['vlan', {protocol: '802.1Q', id: 7, flags: ['REORDER_HDR']}, 'vlan', {kind: 'vlan', id: 7, protocol: '802.1Q'}],
		['vxlan', {id: 42, group: '239.1.1.1', link: 'eth0', port: 0, ttl: 0}, 'vxlan', {kind: 'vxlan', id: 42, group: '239.1.1.1', underlay: 'eth0', port: 0}],
		['bridge', {stp_state: 0, vlan_filtering: 1, forward_delay: 1500}, 'bridge', {kind: 'bridge', stpState: 0, vlanFiltering: true}],
		['ip6gre', {remote: 'fd00::2', local: 'any', ttl: 64}, 'ip6gre', {kind: 'gre', remote: 'fd00::2', local: 'any', ttl: 64}],
		['geneve', {id: 9, remote6: 'fd00::7', port: 6081}, 'geneve', {kind: 'geneve', id: 9, remote: 'fd00::7', port: 6081}],
		['wireguard', undefined, 'wireguard', undefined],
		['dummy', undefined, 'dummy', undefined],
	])('%s %j is a %s with %j', (infoKind, data, kind, facts) => {
		expect(readLinkInfo({info_kind: infoKind, ...(data ? {info_data: data} : {})}, 'ether')).toEqual(facts ? {kind, facts} : {kind});
	});

	it('calls a link without a kind a loopback or a device, by its link type', () => {
		expect(readLinkInfo(undefined, 'loopback')).toEqual({kind: 'loopback'});
		expect(readLinkInfo({info_slave_kind: 'bridge'}, 'ether')).toEqual({kind: 'device'});
	});

	it('gives a kind no facts when its data holds none it shows', () => {
		expect(readLinkInfo({info_kind: 'vlan', info_data: {}}, 'ether')).toEqual({kind: 'vlan'});
		expect(readLinkInfo({info_kind: 'macvlan', info_data: {flags: 'nopromisc'}}, 'ether')).toEqual({kind: 'macvlan'});
	});

	it('writes each kind\'s facts in its words; a bridge\'s and a tap\'s not at all', () => {
		const text = (infoKind: string, data: Record<string, unknown>): string => kindFactsText(readLinkInfo({info_kind: infoKind, info_data: data}, 'ether').facts);
		expect(text('vxlan', {id: 42, remote: '10.9.9.9', local: '10.1.1.1', port: 4789, link: 'eth0'})).toBe('id 42 remote 10.9.9.9 local 10.1.1.1 port 4789 dev eth0');
		expect(text('vlan', {protocol: '802.1ad', id: 20})).toBe('id 20 802.1ad');
		expect(text('bridge', {stp_state: 1})).toBe('');
		expect(text('tun', {type: 'tap', group: 'users'})).toBe('');
	});
});

describe('how kinds are wired', () => {
	it('knows which sit on a lower device, which group members, and which send through an underlay', () => {
		expect([...STACKED_KINDS].sort()).toEqual(['ipvlan', 'ipvtap', 'macvlan', 'macvtap', 'vlan']);
		expect(['bond', 'vrf', 'team', 'bridge', 'veth'].filter(isGroupKind)).toEqual(['bond', 'vrf', 'team']);
		expect(['vxlan', 'gre', 'geneve', 'macvlan'].filter(hasUnderlay)).toEqual(['vxlan']);
		expect(isStackedKind('vxlan')).toBe(false);
		expect(underlayOf({kind: 'vxlan', facts: {kind: 'vxlan', id: 1, underlay: 'eth0'}})).toBe('eth0');
	});

	it('shapes the hubs of graphs by kind', () => {
		expect(['bridge', 'bond', 'vrf', 'team', 'veth'].map((k) => hubShape(k)?.dot)).toEqual([', shape=hexagon', ', shape=octagon', ', shape=tab', ', shape=octagon', undefined]);
		expect(hubShape('vrf')?.mermaid('x')).toBe('[(x)]');
	});
});

describe('the kinds nsdeck makes', () => {
	it('offers them in the form\'s order, each reading fields the form has', () => {
		expect(CREATABLE.map(([name]) => name)).toEqual(['macvlan', 'macvtap', 'vxlan', 'vlan', 'ipvlan']);
		const ids = STACKED_FIELDS.map((f) => f.id);
		for (const [, how] of CREATABLE) for (const field of how.fields) expect(ids).toContain(field);
	});

	it('checks a vlan id and a VNI against their own ranges', () => {
		const check = (kind: string, id: string): string | undefined =>
			CREATABLE.find(([name]) => name === kind)?.[1].check?.({text: (f) => (f === 'id' ? id : f === 'dstport' ? '4789' : ''), parentNs: 'ns1', hasAddress: () => false}).id;
		expect(check('vlan', '4095')).toBeDefined();
		expect(check('vlan', '4094')).toBeUndefined();
		expect(check('vxlan', '4095')).toBeUndefined();
		expect(check('vxlan', '16777216')).toBeDefined();
	});
});
