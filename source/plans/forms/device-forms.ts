// e: change the selected interface's name, MTU or MAC; +: a new device stacked on it (macvlan, macvtap,
// vxlan, vlan, ipvlan). The fields are the same for every kind; a field only one kind uses says so in its
// label, and the others ignore it (the preview shows exactly what runs).
import {HOST_ID, type Link, type World} from '../../model/types.js';
import {checkExistingNamespace, checkNewInterface, findNs, parseIp} from '../../model/validate.js';
import {checkMac, checkMtu, checkRename, checkUnicastIp, checkWhole, isMulticast, parseMac, parseWhole} from '../../model/validate-device.js';
import {hostPathProblem} from '../../plans/link-plans.js';
import {linkSettingsPlan} from '../../plans/link-settings-plan.js';
import {IPVLAN_MODES, MACVLAN_MODES, STACKED_KINDS, stackedDevicePlan, VXLAN_PORT, type StackedKind} from '../../plans/stacked-device-plan.js';
import {errorsOf, flag, text, type FormContext, type FormSpec, type FormValues} from './form-spec.js';

export function editLinkForm(ctx: FormContext): FormSpec | string {
	const link = ctx.link;
	if (!link) return `no interface selected in ${ctx.ns}`;
	const ns = ctx.ns;
	/** What the user changed, normalised (`01500` is 1500, `02-AA-…` is 02:aa:…); undefined where it is the same. */
	const changed = (v: FormValues): {name?: string; mtu?: number; mac?: string} => {
		const mtu = parseWhole(text(v, 'mtu'));
		const mac = parseMac(text(v, 'mac'));
		return {
			name: text(v, 'name') !== link.name ? text(v, 'name') : undefined,
			mtu: mtu !== link.mtu ? mtu : undefined,
			mac: mac !== link.mac ? mac : undefined,
		};
	};
	const isLoopback = link.kind === 'loopback';
	return {
		title: `Change ${link.name} in ${ns}`,
		fields: [
			{id: 'name', label: 'Name', kind: 'text', placeholder: `now ${link.name}`},
			{id: 'mtu', label: 'MTU', kind: 'text', placeholder: `now ${link.mtu}`},
			{id: 'mac', label: 'MAC', kind: 'text', placeholder: `now ${link.mac || 'none'}`},
		],
		initial: {name: link.name, mtu: String(link.mtu), mac: link.mac},
		validate(v, world) {
			const want = changed(v);
			const typed = (id: string, now: string): boolean => text(v, id) !== now;
			const fields = errorsOf({
				name: !typed('name', link.name) ? undefined : isLoopback ? 'lo keeps its name: programs expect it' : checkRename(world, ns, link, text(v, 'name')),
				mtu: typed('mtu', String(link.mtu)) ? checkMtu(text(v, 'mtu'), link) : undefined,
				mac: !typed('mac', link.mac) ? undefined : isLoopback || link.mac === '' ? `${link.name} has no hardware address to change` : checkMac(text(v, 'mac')),
			});
			const nothing = Object.keys(fields).length === 0 && want.name === undefined && want.mtu === undefined && want.mac === undefined;
			return nothing ? {_form: 'nothing to change yet: edit its name, MTU or MAC'} : fields;
		},
		plan(v) {
			const want = changed(v);
			return linkSettingsPlan({
				ns,
				link: link.name,
				up: link.adminUp,
				name: want.name,
				mtu: want.mtu === undefined ? undefined : {from: link.mtu, to: want.mtu},
				mac: want.mac === undefined ? undefined : {from: link.mac, to: want.mac},
				ipv6Addresses: link.addresses.filter((a) => a.family === 6 && a.scope === 'global').map((a) => a.cidr),
			});
		},
	};
}

const ID_RANGE: Partial<Record<StackedKind, {min: number; max: number; what: string}>> = {
	vlan: {min: 1, max: 4094, what: 'a VLAN id'},
	vxlan: {min: 1, max: 16777215, what: 'a VNI'},
};

const NAME_STEM: Record<StackedKind, string> = {macvlan: 'macvlan', macvtap: 'macvtap', vxlan: 'vxlan', vlan: 'vlan', ipvlan: 'ipvlan'};

const nameFree = (world: World, ns: string, name: string): boolean => !findNs(world, ns)?.links.some((l) => l.name === name || l.altnames?.includes(name));

/** A free name for the new device in `into`: PARENT.ID for a vlan (as vconfig named them), else KIND0, KIND1, … */
export function defaultStackedName(world: World, into: string, kind: StackedKind, parent: string, id: number | undefined): string {
	if (kind === 'vlan' && id !== undefined) {
		const dotted = `${parent}.${id}`;
		if (Buffer.byteLength(dotted) <= 15 && nameFree(world, into, dotted)) return dotted;
	}
	for (let n = 0; ; n++) {
		const name = `${NAME_STEM[kind]}${n}`;
		if (nameFree(world, into, name)) return name;
	}
}

const kindOf = (v: FormValues): StackedKind => {
	const kind = text(v, 'kind');
	return (STACKED_KINDS as readonly string[]).includes(kind) ? (kind as StackedKind) : 'macvlan';
};

/** The new device's name: as typed, or the default for its kind when left empty. */
function stackedName(v: FormValues, world: World, parent: Link): string {
	return text(v, 'name') || defaultStackedName(world, text(v, 'into'), kindOf(v), parent.name, parseWhole(text(v, 'id')));
}

export function stackedDeviceForm(ctx: FormContext): FormSpec | string {
	const parent = ctx.link;
	if (!parent) return `no interface selected in ${ctx.ns}`;
	if (parent.kind === 'loopback') return 'lo carries no stacked devices: select an Ethernet-like interface (a veth, a bridge, …)';
	const parentNs = ctx.ns;
	const ids = ctx.world.namespaces.map((n) => n.id);
	return {
		title: `New device on ${parent.name} in ${parentNs}`,
		fields: [
			{id: 'kind', label: 'Kind', kind: 'choice', options: [...STACKED_KINDS]},
			{id: 'name', label: 'Name', kind: 'text', placeholder: 'empty: macvlan0, eth0.10'},
			{id: 'mode', label: 'Mode (macvlan/tap)', kind: 'choice', options: [...MACVLAN_MODES]},
			{id: 'ipvlanMode', label: 'Mode (ipvlan)', kind: 'choice', options: [...IPVLAN_MODES]},
			{id: 'id', label: 'VLAN id / VNI', kind: 'text', placeholder: 'vlan ≤4094, VNI ≤16777215'},
			{id: 'dstport', label: 'Port (vxlan)', kind: 'text'},
			{id: 'remote', label: 'Remote (vxlan)', kind: 'text', placeholder: 'optional; or a group'},
			{id: 'local', label: 'Local (vxlan)', kind: 'text', placeholder: 'optional'},
			{id: 'into', label: 'Into namespace', kind: 'choice', options: ids},
			{id: 'up', label: 'Bring up', kind: 'toggle'},
		],
		initial: {kind: 'macvlan', name: '', mode: 'bridge', ipvlanMode: 'l2', id: '', dstport: String(VXLAN_PORT), remote: '', local: '', into: parentNs, up: true},
		validate(v, world) {
			const kind = kindOf(v);
			const into = text(v, 'into');
			const range = ID_RANGE[kind];
			const vxlan = kind === 'vxlan';
			const remote = text(v, 'remote');
			const local = text(v, 'local');
			const remoteIp = parseIp(remote);
			const localIp = parseIp(local);
			return errorsOf({
				kind: findNs(world, parentNs)?.links.some((l) => l.name === parent.name) ? undefined : `${parent.name} is no longer in ${parentNs}`,
				name: text(v, 'name') === '' ? undefined : checkNewInterface(world, text(v, 'name'), [into]),
				id: range ? checkWhole(text(v, 'id'), range.min, range.max, range.what) : undefined,
				dstport: vxlan ? checkWhole(text(v, 'dstport'), 1, 65535, 'the UDP port') : undefined,
				remote: !vxlan || remote === '' ? undefined : !remoteIp ? 'not an IP address, e.g. 10.0.0.2, or a group such as 239.1.1.1' : isMulticast(remoteIp.address) ? undefined : checkUnicastIp(remote),
				local: !vxlan || local === '' ? undefined : (checkUnicastIp(local) ??
					(localIp && remoteIp && localIp.family !== remoteIp.family ? `the remote is IPv${remoteIp.family}; the local address must be too` : undefined) ??
					(localIp && !findNs(world, parentNs)?.links.some((l) => l.addresses.some((a) => a.local === localIp.address)) ? `${localIp.address} is on no interface in ${parentNs}: ${text(v, 'name') || 'it'} could not send from it` : undefined)),
				// Made straight into the host from elsewhere: ip names the host by PID 1's namespace.
				into: checkExistingNamespace(world, into) ?? (into === HOST_ID && parentNs !== HOST_ID ? hostPathProblem(world) : undefined),
			});
		},
		plan(v, world) {
			const kind = kindOf(v);
			const remote = parseIp(text(v, 'remote'))?.address;
			const group = remote && isMulticast(remote);
			return stackedDevicePlan({
				kind,
				parentNs,
				parent: parent.name,
				name: stackedName(v, world, parent),
				into: text(v, 'into'),
				up: flag(v, 'up'),
				mode: kind === 'ipvlan' ? text(v, 'ipvlanMode') : kind === 'macvlan' || kind === 'macvtap' ? text(v, 'mode') : undefined,
				id: ID_RANGE[kind] ? parseWhole(text(v, 'id')) : undefined,
				...(kind === 'vxlan'
					? {dstport: parseWhole(text(v, 'dstport')), remote: group ? undefined : remote, group: group ? remote : undefined, local: parseIp(text(v, 'local'))?.address}
					: {}),
			});
		},
	};
}
