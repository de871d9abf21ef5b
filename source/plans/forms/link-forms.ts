// v: veth pair; b: bridge; c: connect to a bridge; m: move; a: add address; d on an interface: delete it
// or one of its addresses.
import {formatRoute} from '../../model/format.js';
import {isPathId, nsDisplayName} from '../../model/netns-id.js';
import {ownerText} from '../../model/netns-label.js';
import {sendingFrom, stackedOn} from '../../model/stacked.js';
import {hasUnderlay} from '../../model/link-kinds/index.js';
import {HOST_ID, type Link, type LinkRef, type World} from '../../model/types.js';
import {checkExistingNamespace, checkNewAddress, checkNewInterface, findNs, parseCidr} from '../../model/validate.js';
import {addAddressPlan, deleteAddressPlan} from '../../plans/address-plans.js';
import {bridgePlan, connectPlan, detachPlan} from '../../plans/bridge-plans.js';
import {deleteLinkPlan, hostPathProblem, movePlan, type LinkLosses} from '../../plans/link-plans.js';
import {vethPlan} from '../../plans/veth-plan.js';
import {addressWarning, withWarnings} from './address-warnings.js';
import {errorsOf, flag, NOTHING_TO_CHANGE, text, type FieldSpec, type FormContext, type FormSpec, type FormValues} from './form-spec.js';
import {bridgeOfSelection, freeAddresses, nextAddress, pairNamespaces, suggestEndName} from './veth-defaults.js';

const namespaceIds = (world: World): string[] => world.namespaces.map((n) => n.id);

/**
 * What a namespace choice shows beside each id, and what its filter matches too: the short name of a
 * path (pid 4242, a container's mount) and who lives there (pod, container, unit or process).
 */
export function describeNamespace(world: World): (id: string) => string | undefined {
	return (id) => {
		const ns = findNs(world, id);
		const words = [isPathId(id) ? nsDisplayName(id) : undefined, ownerText(ns?.label)].filter((w): w is string => w !== undefined && w !== '');
		return words.length > 0 ? words.join(' · ') : undefined;
	};
}

/** An optional address: checked only when given. */
const optionalAddress = (world: World, ns: string, value: string): string | undefined => (value === '' ? undefined : checkNewAddress(world, ns, value));

/** An address as the plan carries it: normalised by the parser (fd00::1/64, 10.1.1.1/24), never as typed. */
const normalised = (value: string): string => (value === '' ? '' : (parseCidr(value)?.text ?? value));

/** A choice meaning "no bridge": the end is not plugged in. */
export const NO_BRIDGE = '(none)';

const bridgesIn = (world: World, ns: string): string[] => (findNs(world, ns)?.links ?? []).filter((l) => l.kind === 'bridge').map((l) => l.name);

const bridgeValue = (v: FormValues, id: string): string => (text(v, id) === NO_BRIDGE ? '' : text(v, id));

/** A bridge to plug an end into: one that exists, as a bridge, in that end's namespace. */
const checkBridge = (world: World, ns: string, bridge: string): string | undefined =>
	bridge === '' || bridgesIn(world, ns).includes(bridge) ? undefined : `no bridge ${bridge} in ${ns}`;

/**
 * v: each end's namespace, name, address and bridge, then "bring up". Most fields start filled in from the
 * selection (veth-defaults.ts) and follow each other until edited, so the cursor starts on the first
 * address and a tutorial's pair takes `v`, one address and Enter.
 */
export function vethForm(ctx: FormContext): FormSpec {
	const ids = namespaceIds(ctx.world);
	const [ns1, ns2] = pairNamespaces(ctx.world, ctx.ns);
	const selectedBridge = bridgeOfSelection(ctx.world, ctx.ns, ctx.link);
	const bridgeFor = (ns: string): string => (ns === ctx.ns && selectedBridge ? selectedBridge : NO_BRIDGE);
	const end = (v: FormValues, n: 1 | 2) => ({ns: text(v, `ns${n}`), bridge: bridgeValue(v, `bridge${n}`)});
	// Examples that would work: free addresses on the segment the ends join as the form opens.
	const opening = [ns1, ns2].flatMap((ns) => (bridgeFor(ns) === NO_BRIDGE ? [] : [{ns, name: bridgeFor(ns)}]));
	const examples = freeAddresses(ctx.world, ns1, opening, 2);
	const endFields = (n: 1 | 2): FieldSpec[] => {
		const other = n === 1 ? 2 : 1;
		return [
			{id: `ns${n}`, label: `End ${n} in`, kind: 'choice', options: ids, describe: describeNamespace(ctx.world)},
			{
				id: `name${n}`,
				label: `End ${n} name`,
				kind: 'text',
				placeholder: `e.g. veth_ns${n}`,
				follows: (v) => suggestEndName(ctx.world, end(v, n), end(v, other), n === 1 ? 'a' : 'b', n === 2 && text(v, 'ns1') === text(v, 'ns2') ? text(v, 'name1') : ''),
			},
			{
				id: `address${n}`,
				label: `End ${n} address`,
				kind: 'text',
				placeholder: examples[n - 1] ? `optional, e.g. ${examples[n - 1]}` : 'optional',
				// The second end's address follows the first's (10.1.1.2/24 after 10.1.1.1/24), unless it is a bridge port.
				...(n === 2 ? {follows: (v: FormValues) => (bridgeValue(v, 'bridge2') ? '' : nextAddress(text(v, 'address1')))} : {}),
			},
			{
				id: `bridge${n}`,
				label: `End ${n} bridge`,
				kind: 'choice',
				optionsFor: (v) => [NO_BRIDGE, ...bridgesIn(ctx.world, text(v, `ns${n}`))],
				follows: (v) => bridgeFor(text(v, `ns${n}`)),
			},
		];
	};
	return {
		title: 'Add a veth pair',
		fields: [...endFields(1), ...endFields(2), {id: 'up', label: 'Bring both up', kind: 'toggle'}],
		initial: {ns1, name1: '', address1: '', bridge1: NO_BRIDGE, ns2, name2: '', address2: '', bridge2: NO_BRIDGE, up: true},
		// The first end that is not a bridge port: a port usually has no address of its own.
		focus: bridgeFor(ns1) === NO_BRIDGE ? 'address1' : 'address2',
		validate(v, world) {
			const [name1, name2, ns1Now, ns2Now] = [text(v, 'name1'), text(v, 'name2'), text(v, 'ns1'), text(v, 'ns2')];
			return errorsOf({
				// Each end is made where it goes (ip link add … netns NS): only that namespace's names count.
				name1: checkNewInterface(world, name1, [ns1Now]),
				name2: checkNewInterface(world, name2, [ns2Now]) ?? (name1 !== '' && name1 === name2 && ns1Now === ns2Now ? 'the two ends need different names in one namespace' : undefined),
				ns1: checkExistingNamespace(world, ns1Now),
				ns2: checkExistingNamespace(world, ns2Now),
				bridge1: checkBridge(world, ns1Now, bridgeValue(v, 'bridge1')),
				bridge2: checkBridge(world, ns2Now, bridgeValue(v, 'bridge2')),
				address1: optionalAddress(world, ns1Now, text(v, 'address1')),
				address2:
					optionalAddress(world, ns2Now, text(v, 'address2')) ??
					(text(v, 'address2') !== '' && text(v, 'address2').split('/')[0] === text(v, 'address1').split('/')[0] ? 'the same address as end 1' : undefined),
			});
		},
		plan(v, world) {
			const plan = vethPlan({
				name1: text(v, 'name1'),
				ns1: text(v, 'ns1'),
				address1: normalised(text(v, 'address1')),
				bridge1: bridgeValue(v, 'bridge1'),
				name2: text(v, 'name2'),
				ns2: text(v, 'ns2'),
				address2: normalised(text(v, 'address2')),
				bridge2: bridgeValue(v, 'bridge2'),
				up: flag(v, 'up'),
			});
			// Both ends are one segment with whatever bridges they go on.
			const seeds = ([1, 2] as const).flatMap((n) => (bridgeValue(v, `bridge${n}`) ? [{ns: text(v, `ns${n}`), name: bridgeValue(v, `bridge${n}`)}] : []));
			return withWarnings(plan, [addressWarning(world, text(v, 'ns1'), text(v, 'address1'), seeds), addressWarning(world, text(v, 'ns2'), text(v, 'address2'), seeds)]);
		},
	};
}

/** The first brN free in a namespace: most people's first bridge is br0. */
const freeBridgeName = (world: World, ns: string): string => {
	const taken = new Set((findNs(world, ns)?.links ?? []).map((l) => l.name));
	for (let n = 0; ; n++) if (!taken.has(`br${n}`)) return `br${n}`;
};

export function bridgeForm(ctx: FormContext): FormSpec {
	return {
		title: 'Add a bridge',
		fields: [
			{id: 'name', label: 'Name', kind: 'text', placeholder: 'e.g. br0', follows: (v) => freeBridgeName(ctx.world, text(v, 'ns'))},
			{id: 'ns', label: 'In', kind: 'choice', options: namespaceIds(ctx.world), describe: describeNamespace(ctx.world)},
			{id: 'address', label: 'Address', kind: 'text', placeholder: `optional, e.g. ${freeAddresses(ctx.world, ctx.ns, [], 1)[0] ?? '10.1.1.4/24'}`},
			{id: 'up', label: 'Bring up', kind: 'toggle'},
		],
		initial: {name: '', ns: ctx.ns, address: '', up: true},
		validate: (v, world) =>
			errorsOf({
				name: checkNewInterface(world, text(v, 'name'), [text(v, 'ns')]),
				ns: checkExistingNamespace(world, text(v, 'ns')),
				address: optionalAddress(world, text(v, 'ns'), text(v, 'address')),
			}),
		plan: (v, world) =>
			withWarnings(bridgePlan({name: text(v, 'name'), ns: text(v, 'ns'), address: normalised(text(v, 'address')), up: flag(v, 'up')}), [addressWarning(world, text(v, 'ns'), text(v, 'address'), [])]),
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
		validate: (v) => errorsOf({[NOTHING_TO_CHANGE]: text(v, 'bridge') === link.master ? `${link.name} is on ${link.master} already: ← → picks another bridge` : undefined}),
		plan: (v) => connectPlan({ns: ctx.ns, link: link.name, bridge: text(v, 'bridge')}),
	};
}

/** u: take the selected interface out of its bridge (ip link set dev X nomaster; undo: master BR). */
export function detachForm(ctx: FormContext): FormSpec | string {
	const link = ctx.link;
	if (!link) return `no interface selected in ${ctx.ns}`;
	if (!link.master) return `${link.name} is on no bridge: nothing to detach it from`;
	const bridge = link.master;
	return {
		title: `Detach ${link.name} from ${bridge}`,
		fields: [],
		initial: {},
		validate: (_v, world) =>
			errorsOf({[NOTHING_TO_CHANGE]: findNs(world, ctx.ns)?.links.find((l) => l.name === link.name)?.master === bridge ? undefined : `${link.name} is not on ${bridge} any more`}),
		plan: () => detachPlan({ns: ctx.ns, link: link.name, bridge}),
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
			{id: 'to', label: 'To', kind: 'choice', options: targets, describe: describeNamespace(ctx.world)},
			...(carries ? [{id: 'carry', label: `Keep ${[has.addresses.length > 0 ? 'its addresses' : '', has.up ? 'up' : ''].filter(Boolean).join(' and ')}`, kind: 'toggle' as const}] : []),
		],
		initial: {to: targets[0], carry: carries},
		validate: (v, world) =>
			errorsOf({
				to: findNs(world, text(v, 'to'))?.links.some((l) => l.name === link.name)
					? `${text(v, 'to')} has an interface named ${link.name} already`
					: text(v, 'to') === HOST_ID
						? hostPathProblem(world)
						: undefined,
			}),
		plan: (v) => movePlan({from: ctx.ns, link: link.name, to: text(v, 'to'), has, carry: flag(v, 'carry') ? has : undefined, tunnels: stackedOn(ctx.world, ctx.ns, link).filter((d) => hasUnderlay(d.kind))}),
	};
}

export function addressForm(ctx: FormContext): FormSpec | string {
	const link = ctx.link;
	if (!link) return `no interface selected in ${ctx.ns}`;
	return {
		title: `Add an address to ${link.name} in ${ctx.ns}`,
		fields: [{id: 'cidr', label: 'Address', kind: 'text', placeholder: `e.g. ${freeAddresses(ctx.world, ctx.ns, [{ns: ctx.ns, name: link.name}], 1)[0] ?? '10.1.1.1/24'} (IPv6 too)`}],
		initial: {cidr: ''},
		validate: (v, world) => errorsOf({cidr: checkNewAddress(world, ctx.ns, text(v, 'cidr'), link.kind === 'loopback', link.name)}),
		plan: (v, world) =>
			withWarnings(addAddressPlan({ns: ctx.ns, link: link.name, cidr: normalised(text(v, 'cidr'))}), [addressWarning(world, ctx.ns, text(v, 'cidr'), [{ns: ctx.ns, name: link.name}], link.name)]),
	};
}

/** d on an interface: delete it, or one of its addresses (chosen in the form). */
/** What deleting `link` takes along, found in the world: its peer, stacked devices, addresses, routes, ports. */
export function linkLosses(world: World, nsId: string, link: Link, peer?: LinkRef): LinkLosses {
	const ns = findNs(world, nsId);
	// The kernel deletes a veth's other end too, and with it whatever stands on that end.
	const peerLink = peer && findNs(world, peer.ns)?.links.find((l) => l.ifindex === peer.ifindex);
	const peerLosses = peerLink && peer ? linkLosses(world, peer.ns, peerLink) : undefined;
	return {
		peer,
		...(peerLosses ? {peerLosses} : {}),
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
			if (what.startsWith('address ')) {
				const cidr = what.slice('address '.length);
				return deleteAddressPlan({ns: ctx.ns, link: link.name, cidr}, sendingFrom(ctx.world, ctx.ns, cidr.split('/')[0]));
			}
			return deleteLinkPlan(ctx.ns, link.name, link.kind, linkLosses(ctx.world, ctx.ns, link, peer));
		},
	};
}
