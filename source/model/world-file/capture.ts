// The kernel's world as a file declares it (`nsdeck save`): the host and named namespaces, each link with
// its kind's settings (a veth's peer, a macvlan's lower device, a vxlan's VNI and underlay), addresses,
// routes and rules that someone added (not the kernel's own), forwarding. What nsdeck does not make, or
// cannot tell how to make again (a peer in an unnamed namespace), is external: referenced, never made.
import {compareNames} from '../compare-names.js';
import {isStackedKind} from '../link-kinds/index.js';
import {buildTopology, linkKey, peerResolver} from '../topology.js';
import type {Address, Link, Netns, World} from '../types.js';
import {declaredNexthop, nexthopOrder} from './nexthops.js';
import {declaredRoute, declaredRule, routeKey, ruleKey} from './normalize.js';
import {declaredQdisc} from './qdisc-file.js';
import {isDefaultQdisc, type QdiscsByNamespace} from '../traffic/qdisc.js';
import {HOST_NAME, MADE_KINDS, type DeclaredLink, type DeclaredNamespace, type LinkPlace, type MadeKind, type WorldFile} from './types.js';

/** The MTU a kind gets when made without one: a different one is saved. */
export const defaultMtu = (_kind: MadeKind): number => 1500;

/** Addresses the kernel gives on its own: IPv6 link-local, the loopback's, and ones a daemon leased. */
function madeByKernel(link: Link, a: Address): boolean {
	if (a.family === 6 && a.local.toLowerCase().startsWith('fe80:')) return true;
	if (link.kind === 'loopback' && (a.cidr === '127.0.0.1/8' || a.cidr === '::1/128')) return true;
	return (a.flags ?? []).includes('dynamic');
}

/** compareNames, and plain order where it sees two texts alike: a save never depends on the kernel's order. */
const order = (a: string, b: string): number => compareNames(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/** v4 before v6, then by the address's own order: the kernel lists IPv6 newest first. */
function compareCidrs(a: string, b: string): number {
	const fa = a.includes(':') ? 6 : 4;
	const fb = b.includes(':') ? 6 : 4;
	return fa - fb || order(a, b);
}

const fileName = (ns: Netns): string | undefined => (ns.kind === 'host' ? HOST_NAME : ns.kind === 'named' && !ns.id.includes('/') ? ns.id : undefined);

export interface CaptureOptions {
	/** Only these namespaces (by file name: `host` is the host). */
	readonly only?: readonly string[];
	/**
	 * Every made link's MAC address too. The kernel does not say which were set by hand (ip prints no
	 * addr_assign_type), and random ones would differ on every apply: so all or none, as asked.
	 */
	readonly macs?: boolean;
	/** The qdiscs of namespaces where a link's root qdisc is not the default (tc -j qdisc show): saved as shaping. */
	readonly qdiscs?: QdiscsByNamespace;
}

export function captureWorld(world: World, {only, macs = false, qdiscs}: CaptureOptions = {}): WorldFile {
	const saved = world.namespaces.filter((ns) => !ns.error && fileName(ns) !== undefined && (!only || only.includes(fileName(ns) ?? '')));
	const savedIds = new Set(saved.map((ns) => ns.id));
	const topology = buildTopology(world);
	const resolve = peerResolver(world);
	const nameOf = (id: string): string | undefined => fileName(world.namespaces.find((n) => n.id === id) ?? ({} as Netns));
	const place = (id: string, name: string): LinkPlace | undefined => {
		const ns = nameOf(id);
		return ns === undefined ? undefined : {ns, name};
	};

	const linkOf = (ns: Netns, link: Link): DeclaredLink => {
		const addresses = link.addresses.filter((a) => !madeByKernel(link, a)).map((a) => a.cidr).sort(compareCidrs);
		const qdisc = isDefaultQdisc(link.qdisc) ? undefined : declaredQdisc(qdiscs?.get(ns.id)?.filter((q) => q.dev === link.name) ?? []);
		const common = {name: link.name, ...(link.master ? {master: link.master} : {}), up: link.adminUp, addresses, ...(qdisc ? {qdisc} : {})};
		const external: DeclaredLink = {...common, external: true};
		const kind = (MADE_KINDS as readonly string[]).includes(link.kind) ? (link.kind as MadeKind) : undefined;
		if (!kind) return external;
		const made = {...common, kind, external: false, ...(link.mtu !== defaultMtu(kind) ? {mtu: link.mtu} : {}), ...(macs && link.mac ? {mac: link.mac} : {})};
		if (kind === 'veth') {
			const peer = resolve(ns, link);
			const where = peer && savedIds.has(peer.ns) ? place(peer.ns, peer.name) : undefined;
			return where ? {...made, peer: where} : external;
		}
		if (isStackedKind(kind)) {
			const lower = topology.lowers.get(linkKey(ns.id, link.ifindex));
			const where = lower && place(lower.ns, lower.name);
			const f = link.facts;
			const mode = f?.kind === 'macvlan' || f?.kind === 'ipvlan' ? f.mode : undefined;
			const id = f?.kind === 'vlan' ? f.id : undefined;
			if (!where || (kind === 'vlan' && id === undefined)) return external;
			return {...made, lower: where, ...(mode ? {mode} : {}), ...(id === undefined ? {} : {id})};
		}
		if (kind === 'vxlan') {
			const f = link.facts?.kind === 'vxlan' ? link.facts : undefined;
			// Moved from where it was made, its `dev` names a device of that other namespace: not told here.
			if (!f?.id || link.peerHint?.netnsid !== undefined) return external;
			const lower = f.underlay ? place(ns.id, f.underlay) : undefined;
			return {...made, ...(lower ? {lower} : {}), id: f.id, ...(f.remote ? {remote: f.remote} : {}), ...(f.group ? {group: f.group} : {}), ...(f.local ? {local: f.local} : {}), ...(f.port ? {port: f.port} : {})};
		}
		return made;
	};

	const namespaceOf = (ns: Netns): DeclaredNamespace => {
		const rules = ([4, 6] as const).flatMap((family) => (ns.rules?.[family] ?? []).flatMap((r) => declaredRule(family, r) ?? []));
		const nexthops = (ns.nexthops ?? []).flatMap((nh) => declaredNexthop(nh) ?? []).sort(nexthopOrder);
		return {
			name: fileName(ns) ?? ns.id,
			links: [...ns.links].sort((a, b) => order(a.name, b.name)).map((l) => linkOf(ns, l)),
			...(nexthops.length > 0 ? {nexthops} : {}),
			routes: ns.routes.flatMap((r) => declaredRoute(r) ?? []).sort((a, b) => order(routeKey(a), routeKey(b))),
			rules: rules.sort((a, b) => a.family - b.family || a.priority - b.priority || order(ruleKey(a), ruleKey(b))),
			...(ns.forwarding ? {forwarding: ns.forwarding} : {}),
		};
	};
	const ordered = [...saved].sort((a, b) => (a.kind === 'host' ? -1 : b.kind === 'host' ? 1 : order(a.id, b.id)));
	return {namespaces: ordered.map(namespaceOf)};
}
