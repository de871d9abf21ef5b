// v: veth pair; b: bridge; c: connect to a bridge; m: move; a: add address; d on an interface: delete it
// or one of its addresses.
import {formatRoute} from '../../model/format.js';
import {stackedOn} from '../../model/stacked.js';
import {HOST_ID, type Link, type LinkRef, type World} from '../../model/types.js';
import {checkExistingNamespace, checkNewAddress, checkNewInterface, findNs, parseCidr} from '../../model/validate.js';
import {addAddressPlan, deleteAddressPlan} from '../../plans/address-plans.js';
import {bridgePlan, connectPlan} from '../../plans/bridge-plans.js';
import {deleteLinkPlan, movePlan, type LinkLosses} from '../../plans/link-plans.js';
import {vethPlan} from '../../plans/veth-plan.js';
import {errorsOf, flag, text, type FormContext, type FormSpec} from './form-spec.js';

const namespaceIds = (world: World): string[] => world.namespaces.map((n) => n.id);

/** An optional address: checked only when given. */
const optionalAddress = (world: World, ns: string, value: string): string | undefined => (value === '' ? undefined : checkNewAddress(world, ns, value));

/** An address as the plan carries it: normalised by the parser (fd00::1/64, 10.1.1.1/24), never as typed. */
const normalised = (value: string): string => (value === '' ? '' : (parseCidr(value)?.text ?? value));

export function vethForm(ctx: FormContext): FormSpec {
	const ids = namespaceIds(ctx.world);
	const other = ids.find((id) => id !== ctx.ns && id !== HOST_ID) ?? HOST_ID;
	return {
		title: 'Add a veth pair',
		fields: [
			{id: 'name1', label: 'End 1 name', kind: 'text', placeholder: 'e.g. veth_ns1'},
			{id: 'ns1', label: 'End 1 in', kind: 'choice', options: ids},
			{id: 'address1', label: 'End 1 address', kind: 'text', placeholder: 'optional, e.g. 10.1.1.1/24'},
			{id: 'name2', label: 'End 2 name', kind: 'text', placeholder: 'e.g. veth_ns2'},
			{id: 'ns2', label: 'End 2 in', kind: 'choice', options: ids},
			{id: 'address2', label: 'End 2 address', kind: 'text', placeholder: 'optional, e.g. 10.1.1.2/24'},
			{id: 'up', label: 'Bring both up', kind: 'toggle'},
		],
		initial: {name1: '', ns1: ctx.ns, address1: '', name2: '', ns2: other, address2: '', up: true},
		validate(v, world) {
			const [name1, name2, ns1, ns2] = [text(v, 'name1'), text(v, 'name2'), text(v, 'ns1'), text(v, 'ns2')];
			return errorsOf({
				// The pair is made in the host first, so its names must be free there as well.
				name1: checkNewInterface(world, name1, [HOST_ID, ns1]),
				name2: checkNewInterface(world, name2, [HOST_ID, ns2]) ?? (name1 !== '' && name1 === name2 ? 'the two ends need different names' : undefined),
				ns1: checkExistingNamespace(world, ns1),
				ns2: checkExistingNamespace(world, ns2),
				address1: optionalAddress(world, ns1, text(v, 'address1')),
				address2:
					optionalAddress(world, ns2, text(v, 'address2')) ??
					(text(v, 'address2') !== '' && text(v, 'address2').split('/')[0] === text(v, 'address1').split('/')[0] ? 'the same address as end 1' : undefined),
			});
		},
		plan: (v) =>
			vethPlan({
				name1: text(v, 'name1'),
				ns1: text(v, 'ns1'),
				address1: normalised(text(v, 'address1')),
				name2: text(v, 'name2'),
				ns2: text(v, 'ns2'),
				address2: normalised(text(v, 'address2')),
				up: flag(v, 'up'),
			}),
	};
}

export function bridgeForm(ctx: FormContext): FormSpec {
	return {
		title: 'Add a bridge',
		fields: [
			{id: 'name', label: 'Name', kind: 'text', placeholder: 'e.g. br0'},
			{id: 'ns', label: 'In', kind: 'choice', options: namespaceIds(ctx.world)},
			{id: 'address', label: 'Address', kind: 'text', placeholder: 'optional, e.g. 10.1.1.4/24'},
			{id: 'up', label: 'Bring up', kind: 'toggle'},
		],
		initial: {name: '', ns: ctx.ns, address: '', up: true},
		validate: (v, world) =>
			errorsOf({
				name: checkNewInterface(world, text(v, 'name'), [text(v, 'ns')]),
				ns: checkExistingNamespace(world, text(v, 'ns')),
				address: optionalAddress(world, text(v, 'ns'), text(v, 'address')),
			}),
		plan: (v) => bridgePlan({name: text(v, 'name'), ns: text(v, 'ns'), address: normalised(text(v, 'address')), up: flag(v, 'up')}),
	};
}


export function connectForm(ctx: FormContext): FormSpec | string {
	const link = ctx.link;
	if (!link) return `no interface selected in ${ctx.ns}`;
	const bridges = (findNs(ctx.world, ctx.ns)?.links ?? []).filter((l) => l.kind === 'bridge' && l.name !== link.name).map((l) => l.name);
	if (bridges.length === 0) return `no bridge in ${ctx.ns} to connect ${link.name} to: add one with b`;
	return {
		title: `Connect ${link.name} to a bridge`,
		fields: [{id: 'bridge', label: 'Bridge', kind: 'choice', options: bridges}],
		initial: {bridge: link.master && bridges.includes(link.master) ? link.master : bridges[0]},
		validate: (v) => errorsOf({bridge: text(v, 'bridge') === link.master ? `${link.name} is on ${link.master} already` : undefined}),
		plan: (v) => connectPlan({ns: ctx.ns, link: link.name, bridge: text(v, 'bridge')}),
	};
}

export function moveForm(ctx: FormContext): FormSpec | string {
	const link = ctx.link;
	if (!link) return `no interface selected in ${ctx.ns}`;
	if (link.kind === 'loopback') return 'lo belongs to its namespace and cannot move';
	const targets = namespaceIds(ctx.world).filter((id) => id !== ctx.ns);
	if (targets.length === 0) return 'no other namespace to move to: create one with n';
	// A move drops the link's addresses and sets it down: the form says so, and offers to put them back.
	const has = {addresses: link.addresses.filter((a) => a.scope !== 'link' && a.scope !== 'host').map((a) => a.cidr), up: link.adminUp};
	const carries = has.addresses.length > 0 || has.up;
	return {
		title: `Move ${link.name} out of ${ctx.ns}`,
		fields: [
			{id: 'to', label: 'To', kind: 'choice', options: targets},
			...(carries ? [{id: 'carry', label: `Keep ${[has.addresses.length > 0 ? 'its addresses' : '', has.up ? 'up' : ''].filter(Boolean).join(' and ')}`, kind: 'toggle' as const}] : []),
		],
		initial: {to: targets[0], carry: carries},
		validate: (v, world) =>
			errorsOf({to: findNs(world, text(v, 'to'))?.links.some((l) => l.name === link.name) ? `${text(v, 'to')} has an interface named ${link.name} already` : undefined}),
		plan: (v) => movePlan({from: ctx.ns, link: link.name, to: text(v, 'to'), has, carry: flag(v, 'carry') ? has : undefined}),
	};
}

export function addressForm(ctx: FormContext): FormSpec | string {
	const link = ctx.link;
	if (!link) return `no interface selected in ${ctx.ns}`;
	return {
		title: `Add an address to ${link.name} in ${ctx.ns}`,
		fields: [{id: 'cidr', label: 'Address', kind: 'text', placeholder: '10.1.1.1/24 or fd00::1/64'}],
		initial: {cidr: ''},
		validate: (v, world) => errorsOf({cidr: checkNewAddress(world, ctx.ns, text(v, 'cidr'), link.kind === 'loopback')}),
		plan: (v) => addAddressPlan({ns: ctx.ns, link: link.name, cidr: normalised(text(v, 'cidr'))}),
	};
}

/** d on an interface: delete it, or one of its addresses (chosen in the form). */
/** What deleting `link` takes along, found in the world: its peer, stacked devices, addresses, routes, ports. */
export function linkLosses(world: World, nsId: string, link: Link, peer?: LinkRef): LinkLosses {
	const ns = findNs(world, nsId);
	return {
		peer,
		stacked: stackedOn(world, nsId, link),
		addresses: link.addresses.filter((a) => a.scope !== 'link').map((a) => a.cidr),
		// Not the fe80::/64 route the kernel gives every IPv6 link: it is no one's route to lose.
		routes: (ns?.routes ?? []).filter((r) => r.dev === link.name && !r.dst.startsWith('fe80:')).map(formatRoute),
		ports: link.kind === 'bridge' ? (ns?.links ?? []).filter((l) => l.master === link.name).map((l) => l.name) : [],
	};
}

/** d on an interface: its addresses first, one by one; deleting the interface itself is the last choice, never the default. */
export function deleteLinkForm(ctx: FormContext, peer?: LinkRef): FormSpec | string {
	const link = ctx.link;
	if (!link) return `no interface selected in ${ctx.ns}`;
	const addresses = link.addresses.filter((a) => a.scope !== 'link' && a.scope !== 'host').map((a) => `address ${a.cidr}`);
	const deletable = link.kind === 'loopback' ? addresses : [...addresses, `interface ${link.name}`];
	if (deletable.length === 0) return 'lo belongs to its namespace and cannot be deleted';
	return {
		title: `Delete from ${link.name} in ${ctx.ns}`,
		fields: [{id: 'what', label: 'Delete', kind: 'choice', options: deletable}],
		initial: {what: deletable[0]},
		validate: () => ({}),
		plan(v) {
			const what = text(v, 'what');
			if (what.startsWith('address ')) return deleteAddressPlan({ns: ctx.ns, link: link.name, cidr: what.slice('address '.length)});
			return deleteLinkPlan(ctx.ns, link.name, link.kind, linkLosses(ctx.world, ctx.ns, link, peer));
		},
	};
}
