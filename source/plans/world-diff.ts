// A declared world (a file) against the kernel's: the one Plan that makes the kernel match, built from
// the same plan builders as the forms, so it previews, runs, rolls back, logs and exports as they do.
// Only what the file declares is managed: a declared link's addresses, master, MTU and up state are
// made exactly so; whole objects it does not name (links, routes, rules in its namespaces) go only with
// `prune`. What cannot be planned (a name taken by another kind, a missing external device) is a problem,
// and then there is no plan.
import {sitsOnAnother} from '../model/link-kinds/index.js';
import {peerResolver} from '../model/topology.js';
import type {Link, Netns, World} from '../model/types.js';
import {isDefaultQdisc, type QdiscsByNamespace} from '../model/traffic/qdisc.js';
import {defaultMtu} from '../model/world-file/capture.js';
import {declaredQdisc, sameQdisc} from '../model/world-file/qdisc-file.js';
import type {DeclaredLink, DeclaredNamespace, LinkPlace, MadeKind, WorldFile} from '../model/world-file/types.js';
import {placeText} from '../model/world-file/types.js';
import {addAddressPlan, deleteAddressPlan} from './address-plans.js';
import {connectPlan, detachPlan} from './bridge-plans.js';
import {combinePlans} from './combine-plans.js';
import {movePlan, togglePlan} from './link-plans.js';
import {linkSettingsPlan} from './link-settings-plan.js';
import {makeLinkPlan} from './made-link-plans.js';
import {newNamespacePlan} from './namespace-plans.js';
import type {Plan} from './plan.js';
import {shapePlan, unshapePlan} from './shaping-plans.js';
import {pruneLinkPlans, routeRuleForwardingPlans} from './world-diff-tables.js';

export interface WorldDiff {
	/** Undefined when the world already matches (or when there are problems). */
	readonly plan?: Plan;
	/** Why it cannot be planned, one line each. */
	readonly problems: readonly string[];
}

export interface DiffOptions {
	readonly prune?: boolean;
	readonly title?: string;
	/** Kinds this kernel cannot make, each with why (system/link-kind-probe.ts): a file that needs one is refused. */
	readonly cannotMake?: ReadonlyMap<string, string>;
	/** The qdiscs of namespaces where a link's root qdisc is not the default; absent: not read (then shaping is set, never compared). */
	readonly qdiscs?: QdiscsByNamespace;
}

/** Where a declared link is now, if it is. */
interface Found {
	readonly ns?: Netns;
	readonly link?: Link;
}


/** The kinds of the links a file declares that are not there yet: what the kernel must be able to make. */
export function kindsToMake(file: WorldFile, world: World): MadeKind[] {
	const has = (ns: string, name: string): boolean => world.namespaces.some((n) => n.id === ns && n.links.some((l) => l.name === name));
	return file.namespaces.flatMap((ns) => ns.links.flatMap((l) => (l.kind && !l.external && !has(ns.name, l.name) ? [l.kind] : [])));
}

export function diffWorld(file: WorldFile, world: World, options: DiffOptions = {}): WorldDiff {
	const problems: string[] = [];
	const nsOf = (name: string): Netns | undefined => world.namespaces.find((n) => n.id === name);
	const find = (place: LinkPlace): Found => {
		const ns = nsOf(place.ns);
		return {ns, link: ns?.links.find((l) => l.name === place.name)};
	};
	const removals: Plan[] = [];
	const creations: Plan[] = [];
	const settings: Plan[] = [];
	const ups: Plan[] = [];
	const resolve = peerResolver(world);

	for (const ns of file.namespaces) {
		const there = nsOf(ns.name);
		if (there?.error) problems.push(`namespace ${ns.name} cannot be read: ${there.error}`);
		else if (there?.pending) problems.push(`namespace ${ns.name} is still being read: try again in a moment`);
		if (!there && ns.name !== 'host') creations.push(newNamespacePlan({name: ns.name, loUp: false}));
	}

	// Links to make: lower devices before what stacks on them, each veth pair once.
	const made = new Set<string>();
	const key = (p: LinkPlace): string => `${p.ns}\u0000${p.name}`;
	const pending: Array<{ns: DeclaredNamespace; link: DeclaredLink}> = [];
	for (const ns of file.namespaces) for (const link of ns.links) pending.push({ns, link});
	pending.sort((a, b) => Number(sitsOnAnother(a.link.kind ?? '')) - Number(sitsOnAnother(b.link.kind ?? '')));
	for (const {ns, link} of pending) {
		const place = {ns: ns.name, name: link.name};
		const {link: current} = find(place);
		// A namespace the plan makes comes with its loopback.
		if (link.external && link.name === 'lo' && !nsOf(ns.name)) continue;
		if (current) {
			if (!link.external && current.kind !== link.kind) problems.push(`${placeText(place, '')}: is a ${current.kind}, the file declares a ${link.kind}`);
			if (link.peer && current.kind === 'veth') {
				const peer = resolve(nsOf(ns.name) as Netns, current);
				if (peer && (peer.ns !== link.peer.ns || peer.name !== link.peer.name)) problems.push(`${placeText(place, '')}: its peer is ${peer.ns}/${peer.name}, the file says ${placeText(link.peer, '')}`);
			}
			continue;
		}
		if (link.external) {
			const inHost = link.moveFromHost && ns.name !== 'host' ? find({ns: 'host', name: link.name}).link : undefined;
			if (inHost) {
				creations.push(movePlan({from: 'host', link: link.name, to: ns.name}));
				made.add(key(place));
			} else problems.push(`${placeText(place, '')}: an external link that is not there (nsdeck does not make it)`);
			continue;
		}
		if (made.has(key(place))) continue;
		if (link.peer) {
			if (find(link.peer).link) {
				problems.push(`${placeText(place, '')}: its peer ${placeText(link.peer, '')} exists alone; delete it or rename it first`);
				continue;
			}
			made.add(key(link.peer));
		}
		if (link.lower && !find(link.lower).link && !made.has(key(link.lower))) {
			problems.push(`${placeText(place, '')}: its lower device ${placeText(link.lower, '')} is neither there nor declared`);
			continue;
		}
		const why = link.kind ? options.cannotMake?.get(link.kind) : undefined;
		if (why !== undefined) {
			problems.push(`${placeText(place, '')}: this kernel cannot make a ${link.kind} link (${why})`);
			continue;
		}
		creations.push(makeLinkPlan(ns.name, link, link.lower));
		made.add(key(place));
	}

	for (const ns of file.namespaces) {
		for (const link of ns.links) {
			const current = find({ns: ns.name, name: link.name}).link;
			const isNew = current === undefined;
			const have = {
				addresses: current?.addresses.map((a) => a.cidr) ?? [],
				master: current?.master,
				mtu: current?.mtu ?? (link.kind ? defaultMtu(link.kind) : undefined),
				mac: current?.mac,
				up: current?.adminUp ?? false,
			};
			if (have.master && have.master !== link.master && (!link.external || link.master !== undefined)) {
				removals.push(detachPlan({ns: ns.name, link: link.name, bridge: have.master}));
			}
			for (const cidr of have.addresses) {
				const local = current?.addresses.find((a) => a.cidr === cidr);
				const kernelMade = local && local.family === 6 && local.scope === 'link';
				const loopback = current?.kind === 'loopback' && (cidr === '127.0.0.1/8' || cidr === '::1/128');
				if (!link.addresses.includes(cidr) && !kernelMade && !loopback && !(local?.flags ?? []).includes('dynamic')) removals.push(deleteAddressPlan({ns: ns.name, link: link.name, cidr}));
			}
			if (link.up === false && have.up) removals.push(togglePlan(ns.name, link.name, false));
			const mtu = link.mtu !== undefined && (isNew || link.mtu !== have.mtu) ? {from: have.mtu ?? link.mtu, to: link.mtu} : undefined;
			const mac = link.mac !== undefined && link.mac !== have.mac ? {from: have.mac ?? link.mac, to: link.mac} : undefined;
			if (mtu || mac) settings.push(linkSettingsPlan({ns: ns.name, link: link.name, up: false, ...(mtu ? {mtu} : {}), ...(mac ? {mac} : {})}));
			if (link.master !== undefined && link.master !== have.master) settings.push(connectPlan({ns: ns.name, link: link.name, bridge: link.master}));
			for (const cidr of link.addresses) if (!have.addresses.includes(cidr)) settings.push(addAddressPlan({ns: ns.name, link: link.name, cidr}));
			if (link.up === true && !have.up) ups.push(togglePlan(ns.name, link.name, true));
			const shaping = qdiscPlan(ns.name, link, current, options);
			if (shaping) settings.push(shaping);
		}
	}
	const tables = routeRuleForwardingPlans(file, world, options.prune === true);
	const pruned = options.prune ? pruneLinkPlans(file, world) : [];
	if (problems.length > 0) return {problems};
	const plans = [...tables.removals, ...pruned, ...removals, ...creations, ...settings, ...ups, ...tables.additions];
	if (plans.length === 0) return {problems};
	return {plan: combinePlans(options.title ?? 'Make the world match the file', plans), problems};
}

/**
 * A declared link's shaping: set (tc qdisc replace) when it is not what the file says; a root qdisc the file
 * does not declare is deleted only with prune, as whole objects it does not name are.
 */
function qdiscPlan(ns: string, link: DeclaredLink, current: Link | undefined, options: DiffOptions): Plan | undefined {
	const shaped = current !== undefined && !isDefaultQdisc(current.qdisc);
	const there = shaped ? options.qdiscs?.get(ns)?.filter((q) => q.dev === link.name) : undefined;
	if (link.qdisc) {
		const have = there && declaredQdisc(there);
		if (have && sameQdisc(link.qdisc, have)) return undefined;
		return shapePlan({ns, link: link.name, ...link.qdisc, ...(there ? {current: there} : {})});
	}
	return shaped && options.prune ? unshapePlan(ns, link.name, there) : undefined;
}
