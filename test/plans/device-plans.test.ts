// e (name, MTU, MAC) and + (a stacked device): exact argv and undo argv for every kind and namespace, the
// forms' validation messages, and a refused step undoing the steps before it.
import {describe, expect, it} from 'vitest';
import type {Link} from '../../source/model/types.js';
import {editLinkForm, stackedDeviceForm} from '../../source/plans/forms/device-forms.js';
import type {FormSpec, FormValues} from '../../source/plans/forms/form-spec.js';
import {linkSettingsPlan} from '../../source/plans/link-settings-plan.js';
import type {Plan} from '../../source/plans/plan.js';
import {runPlan} from '../../source/plans/run-plan.js';
import {sessionRisk} from '../../source/plans/session-guard.js';
import {stackedDevicePlan, type StackedValues} from '../../source/plans/stacked-device-plan.js';
import {fixtureWorld} from '../support/fixtures.js';

const lines = (plan: Plan): string[] => plan.steps.map((s) => `${s.argv.join(' ')}  ⟲ ${s.undo?.join(' ') ?? '-'}`);

const world = fixtureWorld('bridge');
const linkIn = (ns: string, name: string): Link => {
	const link = world.namespaces.find((n) => n.id === ns)?.links.find((l) => l.name === name);
	if (!link) throw new Error(`no ${name} in ${ns}`);
	return link;
};

describe('interface settings plan: only what changed, each undone by the old value', () => {
	it.each<[string, Parameters<typeof linkSettingsPlan>[0], string[]]>([
		['MTU only, in a named namespace', {ns: 'ns1', link: 'veth_ns1', up: true, mtu: {from: 1500, to: 9000}}, ['ip -n ns1 link set dev veth_ns1 mtu 9000  ⟲ ip -n ns1 link set dev veth_ns1 mtu 1500']],
		[
			'MAC only, in the host',
			{ns: 'host', link: 'br0', up: true, mac: {from: '02:00:00:00:00:01', to: '02:aa:bb:cc:dd:ee'}},
			['ip link set dev br0 address 02:aa:bb:cc:dd:ee  ⟲ ip link set dev br0 address 02:00:00:00:00:01'],
		],
		['rename of a link that is down: no down/up', {ns: 'ns1', link: 'loop_b', up: false, name: 'wire0'}, ['ip -n ns1 link set dev loop_b name wire0  ⟲ ip -n ns1 link set dev wire0 name loop_b']],
		[
			'rename of an up link, with MTU and MAC: down, rename, the rest on the new name, up',
			{ns: 'ns1', link: 'veth_ns1', up: true, name: 'uplink', mtu: {from: 1500, to: 1400}, mac: {from: '02:00:00:00:00:01', to: '02:00:00:00:00:02'}},
			[
				'ip -n ns1 link set dev veth_ns1 down  ⟲ ip -n ns1 link set dev veth_ns1 up',
				'ip -n ns1 link set dev veth_ns1 name uplink  ⟲ ip -n ns1 link set dev uplink name veth_ns1',
				'ip -n ns1 link set dev uplink mtu 1400  ⟲ ip -n ns1 link set dev uplink mtu 1500',
				'ip -n ns1 link set dev uplink address 02:00:00:00:00:02  ⟲ ip -n ns1 link set dev uplink address 02:00:00:00:00:01',
				'ip -n ns1 link set dev uplink up  ⟲ ip -n ns1 link set dev uplink down',
			],
		],
		[
			'a namespace without a name: nsenter',
			{ns: '/run/docker/netns/abc', link: 'eth0', up: false, mtu: {from: 1500, to: 1450}},
			['nsenter --net=/run/docker/netns/abc ip link set dev eth0 mtu 1450  ⟲ nsenter --net=/run/docker/netns/abc ip link set dev eth0 mtu 1500'],
		],
	])('%s', (_what, values, expected) => {
		expect(lines(linkSettingsPlan(values))).toEqual(expected);
	});

	it('says why an up link goes down for a rename, asks twice, and selects the new name', () => {
		const plan = linkSettingsPlan({ns: 'ns1', link: 'veth_ns1', up: true, name: 'uplink'});
		expect(plan.consequences?.join('\n')).toContain('set down, renamed, set up again');
		expect(plan.destructive).toBe(true);
		expect(plan.touches).toEqual([{ns: 'ns1', link: 'veth_ns1', change: 'down'}]);
		expect(plan.select).toEqual({ns: 'ns1', link: 'uplink'});
	});

	it('says that an MTU below 1280 takes IPv6 away', () => {
		const plan = linkSettingsPlan({ns: 'ns1', link: 'veth_ns1', up: true, mtu: {from: 1500, to: 1000}, ipv6Addresses: ['fd00::1/64']});
		expect(plan.consequences).toEqual(['below 1280 bytes the kernel turns IPv6 off on it: fd00::1/64 go']);
		expect(plan.destructive).toBe(false);
		expect(plan.touches).toEqual([{ns: 'ns1', link: 'veth_ns1', change: 'settings'}]);
	});

	it('on the SSH session’s interface: the name is typed first, and the change undoes itself unless kept', () => {
		const path = {session: {client: '10.66.0.2', server: '10.66.0.1'}, ns: 'host', links: new Set(['uplink']), hops: new Set<string>()};
		expect(sessionRisk(linkSettingsPlan({ns: 'host', link: 'uplink', up: true, mtu: {from: 1500, to: 1400}}), path)).toEqual({
			reason: 'your SSH session from 10.66.0.2 to 10.66.0.1 runs over uplink: changing its MTU, MAC or name can cut off this very session',
			confirm: 'uplink',
			undoable: true,
		});
		expect(sessionRisk(linkSettingsPlan({ns: 'host', link: 'uplink', up: true, name: 'wan0'}), path)?.reason).toMatch(/setting it down can cut off/);
		expect(sessionRisk(linkSettingsPlan({ns: 'host', link: 'spare', up: true, mtu: {from: 1500, to: 1400}}), path)).toBeUndefined();
	});

	it('rolls back what ran when a later step is refused: the name back, then up again', async () => {
		const plan = linkSettingsPlan({ns: 'ns1', link: 'veth_ns1', up: true, name: 'uplink', mtu: {from: 1500, to: 70000}});
		const ran: string[] = [];
		const result = await runPlan(plan, {
			run: async (argv) => {
				ran.push(argv.join(' '));
				const refused = argv.includes('mtu') && argv.includes('70000');
				return {argv, exitCode: refused ? 2 : 0, stdout: '', stderr: refused ? 'Error: mtu greater than device maximum.' : ''};
			},
			log: () => undefined,
		});
		expect(result.ok).toBe(false);
		expect(result.error).toBe('Error: mtu greater than device maximum.');
		expect(ran).toEqual([
			'ip -n ns1 link set dev veth_ns1 down',
			'ip -n ns1 link set dev veth_ns1 name uplink',
			'ip -n ns1 link set dev uplink mtu 70000',
			'ip -n ns1 link set dev uplink name veth_ns1',
			'ip -n ns1 link set dev veth_ns1 up',
		]);
	});
});

const stacked = (v: Partial<StackedValues>): Plan => stackedDevicePlan({kind: 'macvlan', parentNs: 'ns1', parent: 'veth_ns1', name: 'macvlan0', into: 'ns1', up: true, ...v});

describe('stacked device plan: exact argv for every kind, undone by deleting the new device', () => {
	it.each<[string, Plan, string[]]>([
		[
			'macvlan, bridge mode, up, in the parent’s namespace',
			stacked({mode: 'bridge'}),
			[
				'ip -n ns1 link add link veth_ns1 name macvlan0 type macvlan mode bridge  ⟲ ip -n ns1 link del dev macvlan0',
				'ip -n ns1 link set dev macvlan0 up  ⟲ ip -n ns1 link del dev macvlan0',
			],
		],
		[
			'macvtap, private mode, made directly in another namespace',
			stacked({kind: 'macvtap', name: 'tap9', mode: 'private', into: 'ns2', up: false}),
			['ip -n ns1 link add link veth_ns1 name tap9 netns ns2 type macvtap mode private  ⟲ ip -n ns2 link del dev tap9'],
		],
		[
			'macvlan on a host interface, into a namespace, up there',
			stacked({parentNs: 'host', parent: 'br0', name: 'mv-ns1', mode: 'vepa', into: 'ns1'}),
			[
				'ip link add link br0 name mv-ns1 netns ns1 type macvlan mode vepa  ⟲ ip -n ns1 link del dev mv-ns1',
				'ip -n ns1 link set dev mv-ns1 up  ⟲ ip -n ns1 link del dev mv-ns1',
			],
		],
		[
			'macvlan from a namespace into the host: by the path of PID 1’s namespace',
			stacked({mode: 'passthru', into: 'host', up: false}),
			['ip -n ns1 link add link veth_ns1 name macvlan0 netns /proc/1/ns/net type macvlan mode passthru  ⟲ ip link del dev macvlan0'],
		],
		[
			'vlan 10 (plan only: this kernel has no 8021q)',
			stacked({kind: 'vlan', name: 'veth_ns1.10', id: 10}),
			[
				'ip -n ns1 link add link veth_ns1 name veth_ns1.10 type vlan id 10  ⟲ ip -n ns1 link del dev veth_ns1.10',
				'ip -n ns1 link set dev veth_ns1.10 up  ⟲ ip -n ns1 link del dev veth_ns1.10',
			],
		],
		[
			'ipvlan l3s in a namespace without a name',
			stacked({kind: 'ipvlan', parentNs: '/proc/42/ns/net', parent: 'eth0', name: 'ipvlan0', mode: 'l3s', into: '/proc/42/ns/net', up: false}),
			['nsenter --net=/proc/42/ns/net ip link add link eth0 name ipvlan0 type ipvlan mode l3s  ⟲ nsenter --net=/proc/42/ns/net ip link del dev ipvlan0'],
		],
		[
			'vxlan to a remote, from a local address, default port',
			stacked({kind: 'vxlan', name: 'vxlan0', id: 42, remote: '10.1.1.2', local: '10.1.1.1', up: false}),
			['ip -n ns1 link add name vxlan0 type vxlan id 42 dev veth_ns1 remote 10.1.1.2 local 10.1.1.1 dstport 4789  ⟲ ip -n ns1 link del dev vxlan0'],
		],
		[
			'vxlan on a multicast group, own port, into another namespace by path',
			stacked({kind: 'vxlan', name: 'vx', id: 16777215, group: '239.1.1.1', dstport: 8472, into: '/run/docker/netns/abc', up: false}),
			['ip -n ns1 link add name vx netns /run/docker/netns/abc type vxlan id 16777215 dev veth_ns1 group 239.1.1.1 dstport 8472  ⟲ nsenter --net=/run/docker/netns/abc ip link del dev vx'],
		],
	])('%s', (_what, plan, expected) => {
		expect(lines(plan)).toEqual(expected);
		expect(plan.dangerous).toBe(false);
		expect(plan.destructive).toBeFalsy();
	});

	it('reads both namespaces again and selects the new device where it lives', () => {
		const plan = stacked({into: 'ns2'});
		expect(plan.affects).toEqual(['ns1', 'ns2']);
		expect(plan.select).toEqual({ns: 'ns2', link: 'macvlan0'});
		expect(plan.title).toBe('Add macvlan macvlan0 on veth_ns1 in ns1, into ns2');
	});
});

/** A form's messages and plan for values typed over its initial ones. */
function fill(spec: FormSpec | string, values: FormValues): {errors: Record<string, string | undefined>; plan?: Plan} {
	if (typeof spec === 'string') throw new Error(spec);
	const all = {...spec.initial, ...values};
	const errors = spec.validate(all, world);
	return {errors, plan: Object.keys(errors).length === 0 ? spec.plan(all, world) : undefined};
}

describe('the e form: prefilled from the world, only changed fields become steps', () => {
	const veth = linkIn('ns1', 'veth_ns1');
	const edit = (values: FormValues) => fill(editLinkForm({world, ns: 'ns1', link: veth}), values);

	it('starts with what the kernel reports, and has nothing to run until something changes', () => {
		const spec = editLinkForm({world, ns: 'ns1', link: veth});
		if (typeof spec === 'string') throw new Error(spec);
		expect(spec.initial).toEqual({name: 'veth_ns1', mtu: '1500', mac: veth.mac});
		expect(edit({}).errors).toEqual({_nothing: 'these are its current values; edit its name, MTU or MAC'});
		expect(edit({mtu: '01500'}).errors).toEqual({_nothing: 'these are its current values; edit its name, MTU or MAC'});
	});

	it('normalises a MAC to lowercase with colons', () => {
		expect(lines(edit({mac: '02-AA-BB-CC-DD-EE'}).plan!)).toEqual([`ip -n ns1 link set dev veth_ns1 address 02:aa:bb:cc:dd:ee  ⟲ ip -n ns1 link set dev veth_ns1 address ${veth.mac}`]);
	});

	it('renames the up veth with down/up around it', () => {
		expect(edit({name: 'uplink'}).plan?.steps.map((s) => s.argv.join(' '))).toEqual([
			'ip -n ns1 link set dev veth_ns1 down',
			'ip -n ns1 link set dev veth_ns1 name uplink',
			'ip -n ns1 link set dev uplink up',
		]);
	});

	it.each<[string, FormValues, string, string]>([
		['letters for an MTU', {mtu: 'big'}, 'mtu', 'the MTU is a whole number of bytes, 68–65535'],
		['an MTU below IPv4’s 68', {mtu: '67'}, 'mtu', 'the MTU is 68–65535 (for veth_ns1 the kernel takes 68–65535; IPv4 needs at least 68)'],
		['an MTU above the driver’s max_mtu', {mtu: '65536'}, 'mtu', 'the MTU is 68–65535 (for veth_ns1 the kernel takes 68–65535; IPv4 needs at least 68)'],
		['no MTU', {mtu: ''}, 'mtu', 'an MTU is needed, 68–65535'],
		['a hex MTU', {mtu: '0x5dc'}, 'mtu', 'the MTU is a whole number of bytes, 68–65535'],
		['a MAC of five bytes', {mac: '02:00:00:00:01'}, 'mac', 'six bytes in hex, e.g. 02:00:00:00:00:01'],
		['a MAC with mixed separators', {mac: '02:00-00:00:00:01'}, 'mac', 'six bytes in hex, e.g. 02:00:00:00:00:01'],
		['a multicast MAC', {mac: '01:00:5E:00:00:01'}, 'mac', '01:00:5e:00:00:01 is a multicast address (its first byte is odd): an interface needs a unicast one, e.g. 02:…'],
		['the broadcast MAC', {mac: 'ff:ff:ff:ff:ff:ff'}, 'mac', 'ff:ff:ff:ff:ff:ff is a multicast address (its first byte is odd): an interface needs a unicast one, e.g. 02:…'],
		['an all-zero MAC', {mac: '00:00:00:00:00:00'}, 'mac', 'all zeros is no address'],
		['a name taken in its namespace', {name: 'loop_a'}, 'name', 'loop_a already exists in ns1'],
		['a name with a space', {name: 'a b'}, 'name', 'letters, digits, _ . - only (no spaces, / or :)'],
		['a 16-byte name', {name: 'x'.repeat(16)}, 'name', 'at most 15 characters (the kernel limit)'],
		['a command as a name', {name: '$(reboot)'}, 'name', 'must start with a letter or a digit'],
		['an empty name', {name: ''}, 'name', 'a name is needed'],
	])('refuses %s', (_what, values, field, message) => {
		const {errors, plan} = edit(values);
		expect(errors[field]).toBe(message);
		expect(plan).toBeUndefined();
	});

	it('takes a name that is taken only in another namespace', () => {
		expect(edit({name: 'veth_ns2'}).errors).toEqual({});
	});

	it('keeps lo’s name and hardware address, and allows its MTU above 65535 (no driver maximum)', () => {
		const lo = linkIn('ns1', 'lo');
		const spec = editLinkForm({world, ns: 'ns1', link: lo});
		expect(fill(spec, {name: 'loop'}).errors.name).toBe('lo keeps its name: programs expect it');
		expect(fill(spec, {mac: '02:00:00:00:00:01'}).errors.mac).toBe('lo has no hardware address to change');
		expect(lines(fill(spec, {mtu: '16384'}).plan!)).toEqual(['ip -n ns1 link set dev lo mtu 16384  ⟲ ip -n ns1 link set dev lo mtu 65536']);
	});

	it('says when no interface is selected', () => {
		expect(editLinkForm({world, ns: 'ns1'})).toBe('no interface selected in ns1');
	});
});

describe('the + form: a device stacked on the selected interface', () => {
	const parent = linkIn('ns1', 'veth_ns1');
	const add = (values: FormValues) => fill(stackedDeviceForm({world, ns: 'ns1', link: parent}), values);
	const argvs = (values: FormValues): string[] | undefined => add(values).plan?.steps.map((s) => s.argv.join(' '));

	it('makes a macvlan in bridge mode, up, under a free default name', () => {
		expect(argvs({})).toEqual(['ip -n ns1 link add link veth_ns1 name macvlan0 type macvlan mode bridge', 'ip -n ns1 link set dev macvlan0 up']);
	});

	it('names a vlan PARENT.ID by default, and takes a typed name as it is', () => {
		expect(argvs({kind: 'vlan', id: '10'})?.[0]).toBe('ip -n ns1 link add link veth_ns1 name veth_ns1.10 type vlan id 10');
		expect(argvs({kind: 'vlan', id: '10', name: 'v10'})?.[0]).toBe('ip -n ns1 link add link veth_ns1 name v10 type vlan id 10');
	});

	it('uses the ipvlan mode for ipvlan and the macvlan mode for macvtap', () => {
		expect(argvs({kind: 'ipvlan', ipvlanMode: 'l3', up: false})).toEqual(['ip -n ns1 link add link veth_ns1 name ipvlan0 type ipvlan mode l3']);
		expect(argvs({kind: 'macvtap', mode: 'vepa', into: 'ns2', up: false})).toEqual(['ip -n ns1 link add link veth_ns1 name macvtap0 netns ns2 type macvtap mode vepa']);
	});

	it('reads a multicast remote as the group, and a unicast one as the remote', () => {
		expect(argvs({kind: 'vxlan', id: '42', remote: '239.1.1.1', up: false})).toEqual(['ip -n ns1 link add name vxlan0 type vxlan id 42 dev veth_ns1 group 239.1.1.1 dstport 4789']);
		expect(argvs({kind: 'vxlan', id: '42', remote: 'fd00:0::2', up: false})).toEqual(['ip -n ns1 link add name vxlan0 type vxlan id 42 dev veth_ns1 remote fd00::2 dstport 4789']);
	});

	it('ignores the fields of other kinds', () => {
		expect(add({kind: 'macvlan', id: 'nonsense', dstport: '0', remote: 'x'}).errors).toEqual({});
	});

	it.each<[string, FormValues, string, string]>([
		['no VLAN id', {kind: 'vlan'}, 'id', 'a VLAN id is needed, 1–4094'],
		['VLAN id 0', {kind: 'vlan', id: '0'}, 'id', 'a VLAN id is 1–4094'],
		['VLAN id 4095', {kind: 'vlan', id: '4095'}, 'id', 'a VLAN id is 1–4094'],
		['a VLAN id in words', {kind: 'vlan', id: 'ten'}, 'id', 'a VLAN id is a whole number, 1–4094'],
		['VNI 0', {kind: 'vxlan', id: '0'}, 'id', 'a VNI is 1–16777215'],
		['VNI 2^24', {kind: 'vxlan', id: '16777216'}, 'id', 'a VNI is 1–16777215'],
		['port 0', {kind: 'vxlan', id: '1', dstport: '0'}, 'dstport', 'the UDP port is 1–65535'],
		['port 65536', {kind: 'vxlan', id: '1', dstport: '65536'}, 'dstport', 'the UDP port is 1–65535'],
		['a remote that is no address', {kind: 'vxlan', id: '1', remote: 'peer.example'}, 'remote', 'not an IP address, e.g. 10.0.0.2, or a group such as 239.1.1.1'],
		['the unspecified remote', {kind: 'vxlan', id: '1', remote: '0.0.0.0'}, 'remote', '0.0.0.0 is the unspecified address'],
		['a local address the namespace does not have', {kind: 'vxlan', id: '1', local: '10.9.9.9'}, 'local', '10.9.9.9 is on no interface in ns1: it could not send from it'],
		['a local of the other family', {kind: 'vxlan', id: '1', remote: 'fd00::2', local: '10.1.1.1'}, 'local', 'the remote is IPv6; the local address must be too'],
		['a name taken where it goes', {name: 'veth_ns2', into: 'ns2'}, 'name', 'veth_ns2 already exists in ns2'],
		['a bad name', {name: 'mv;reboot'}, 'name', 'letters, digits, _ . - only (no spaces, / or :)'],
	])('refuses %s', (_what, values, field, message) => {
		const {errors, plan} = add(values);
		expect(errors[field]).toBe(message);
		expect(plan).toBeUndefined();
	});

	it('offers nothing on lo', () => {
		expect(stackedDeviceForm({world, ns: 'ns1', link: linkIn('ns1', 'lo')})).toMatch(/^lo carries no stacked devices/);
	});
});
