// e: change the selected interface's name, MTU or MAC; +: a new device stacked on it (macvlan, macvtap,
// vxlan, vlan, ipvlan: the kinds model/link-kinds/ says how to make). The fields are the same for every
// kind; a field only one kind uses says so in its label, and the others ignore it (the preview shows
// exactly what runs).
import {STACKED_FIELDS} from '../../model/link-kinds/creation.js';
import {CREATABLE, creationOf} from '../../model/link-kinds/index.js';
import {HOST_ID, type Link, type World} from '../../model/types.js';
import {checkExistingNamespace, checkNewInterface, findNs} from '../../model/validate.js';
import {checkMac, checkMtu, checkRename, parseMac, parseWhole} from '../../model/validate-device.js';
import {hostPathProblem} from '../../plans/link-plans.js';
import {linkSettingsPlan} from '../../plans/link-settings-plan.js';
import {stackedDevicePlan} from '../../plans/stacked-device-plan.js';
import {errorsOf, flag, NOTHING_TO_CHANGE, text, type FormContext, type FormSpec, type FormValues} from './form-spec.js';

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
			// Not an error: the form opens on the values the kernel has, and says so until one is edited.
			return nothing ? {[NOTHING_TO_CHANGE]: 'these are its current values; edit its name, MTU or MAC'} : fields;
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

/** The kinds the form makes, in its order: the first is the default. */
const KINDS = CREATABLE.map(([name]) => name);

const nameFree = (world: World, ns: string, name: string): boolean => !findNs(world, ns)?.links.some((l) => l.name === name || l.altnames?.includes(name));

/** A free name for the new device in `into`: its kind's own first (a vlan's PARENT.ID), else STEM0, STEM1, … */
export function defaultStackedName(world: World, into: string, kind: string, parent: string, id: number | undefined): string {
	const how = creationOf(kind);
	const preferred = how?.preferredName?.(parent, id);
	if (preferred !== undefined && Buffer.byteLength(preferred) <= 15 && nameFree(world, into, preferred)) return preferred;
	for (let n = 0; ; n++) {
		const name = `${how?.nameStem ?? kind}${n}`;
		if (nameFree(world, into, name)) return name;
	}
}

const kindOf = (v: FormValues): string => (KINDS.includes(text(v, 'kind')) ? text(v, 'kind') : KINDS[0]);

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
			{id: 'kind', label: 'Kind', kind: 'choice', options: KINDS},
			{id: 'name', label: 'Name', kind: 'text', placeholder: 'empty: macvlan0, eth0.10'},
			// Each kind's own fields (link-kinds/creation.ts): a kind reads those it names, the others ignore it.
			...STACKED_FIELDS.map(({initial: _initial, options, ...field}) => ({...field, ...(options ? {options: [...options]} : {})})),
			{id: 'into', label: 'Into namespace', kind: 'choice', options: ids},
			{id: 'up', label: 'Bring up', kind: 'toggle'},
		],
		initial: {kind: KINDS[0], name: '', ...Object.fromEntries(STACKED_FIELDS.map((f) => [f.id, f.initial])), into: parentNs, up: true},
		validate(v, world) {
			const how = creationOf(kindOf(v));
			const into = text(v, 'into');
			const own = how?.check?.({
				text: (id) => text(v, id),
				parentNs,
				hasAddress: (address) => findNs(world, parentNs)?.links.some((l) => l.addresses.some((a) => a.local === address)) ?? false,
			});
			return errorsOf({
				kind: findNs(world, parentNs)?.links.some((l) => l.name === parent.name) ? undefined : `${parent.name} is no longer in ${parentNs}`,
				name: text(v, 'name') === '' ? undefined : checkNewInterface(world, text(v, 'name'), [into]),
				...Object.fromEntries(STACKED_FIELDS.map((f) => [f.id, own?.[f.id]])),
				// Made straight into the host from elsewhere: ip names the host by PID 1's namespace.
				into: checkExistingNamespace(world, into) ?? (into === HOST_ID && parentNs !== HOST_ID ? hostPathProblem(world) : undefined),
			});
		},
		plan(v, world) {
			const kind = kindOf(v);
			const own = creationOf(kind)?.values((id) => text(v, id)) ?? {};
			return stackedDevicePlan({kind, parentNs, parent: parent.name, name: stackedName(v, world, parent), into: text(v, 'into'), up: flag(v, 'up'), ...own});
		},
	};
}
