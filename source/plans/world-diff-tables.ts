// The parts of a world diff that are tables of a namespace, not links: routes, rules and forwarding, and
// with `prune` the links, routes and rules a declared namespace has that the file does not name.
import {sitsOnAnother} from '../model/link-kinds/index.js';
import {peerResolver} from '../model/topology.js';
import type {Netns, NexthopObject, Route, World} from '../model/types.js';
import {declaredRoute, declaredRule, routeMatches, routeSlot, ruleKey} from '../model/world-file/normalize.js';
import {declaredNexthop, nexthopArgs, nexthopKey, nexthopOrder} from '../model/world-file/nexthops.js';
import {MADE_KINDS, type DeclaredNexthop, type DeclaredRoute, type WorldFile} from '../model/world-file/types.js';
import {combinePlans} from './combine-plans.js';
import {deleteLinkPlan} from './link-plans.js';
import {ipIn, type Plan} from './plan.js';
import {routeArgv} from '../model/route-identity.js';
import {deleteRoutePlan, forwardingPlan} from './route-plans.js';
import {addRulePlan, deleteRulePlan} from './rule-plans.js';

/** A declared route as the kernel's record, for routeArgv. */
export function routeOf(r: DeclaredRoute): Route {
	return {
		family: r.family,
		dst: r.to,
		...(r.via ? {gateway: r.via} : {}),
		...(r.dev ? {dev: r.dev} : {}),
		table: r.table,
		type: r.type,
		protocol: r.proto,
		...(r.metric !== undefined ? {metric: r.metric} : {}),
		...(r.src ? {prefsrc: r.src} : {}),
		flags: r.onlink ? ['onlink'] : [],
		...(r.nexthops ? {nexthops: r.nexthops.map((h) => ({...(h.via ? {gateway: h.via} : {}), ...(h.dev ? {dev: h.dev} : {}), weight: h.weight}))} : {}),
		...(r.nhid !== undefined ? {nhid: r.nhid} : {}),
	};
}

/**
 * A namespace's declared nexthop objects against the kernel's: one missing is added; one whose id the
 * kernel uses for another is replaced in place (routes through it keep it), and undone by putting the
 * old one back. Singles before the groups that name them.
 */
/** Delete a nexthop object (the kernel takes the routes through it along); undo makes it again. */
export function deleteNexthopPlan(ns: string, nh: DeclaredNexthop): Plan {
	return {
		title: `Delete nexthop ${nh.id} in ${ns}`,
		dangerous: false,
		destructive: true,
		steps: [{argv: ipIn(ns, 'nexthop', 'del', 'id', String(nh.id)), undo: ipIn(ns, 'nexthop', 'add', ...nexthopArgs(nh))}],
		affects: [ns],
		select: {ns},
	};
}

/** The kernel's objects as declared (a daemon's left out), groups first: what is deleted in that order goes cleanly. */
export function declaredNexthops(kernel: readonly NexthopObject[]): DeclaredNexthop[] {
	return kernel.flatMap((nh) => declaredNexthop(nh) ?? []).sort((a, b) => nexthopOrder(b, a));
}

function nexthopPlans(ns: string, declared: readonly DeclaredNexthop[], kernel: readonly NexthopObject[]): Plan[] {
	const have = new Map(kernel.flatMap((nh) => {
		const d = declaredNexthop(nh);
		return d ? [[d.id, d] as const] : [];
	}));
	return [...declared].sort(nexthopOrder).flatMap((nh): Plan[] => {
		const old = have.get(nh.id);
		if (old && nexthopKey(old) === nexthopKey(nh)) return [];
		const undo = old ? ['nexthop', 'replace', ...nexthopArgs(old)] : ['nexthop', 'del', 'id', String(nh.id)];
		return [{
			title: `${old ? 'Replace' : 'Add'} nexthop ${nh.id} in ${ns}`,
			dangerous: false,
			steps: [{argv: ipIn(ns, 'nexthop', old ? 'replace' : 'add', ...nexthopArgs(nh)), undo: ipIn(ns, ...undo)}],
			affects: [ns],
			select: {ns},
		}];
	});
}

export function addExactRoutePlan(ns: string, r: DeclaredRoute): Plan {
	const route = routeOf(r);
	return {
		title: `Add route ${r.to} in ${ns}`,
		dangerous: false,
		steps: [{argv: ipIn(ns, ...routeArgv(route, 'add')), undo: ipIn(ns, ...routeArgv(route, 'del'))}],
		affects: [ns],
		select: {ns},
	};
}

const nsIn = (world: World, name: string): Netns | undefined => world.namespaces.find((n) => n.id === name);

/**
 * A namespace's declared routes against the kernel's: each one missing is added, or, where the kernel
 * holds another route in its place (destination, table, metric: a second add says "File exists"), that
 * one is replaced (deleted, then the file's added; rollback puts it back). With `prune`, the rest go.
 */
function routePlans(ns: string, declared: readonly DeclaredRoute[], kernel: readonly Route[], prune: boolean): {removals: Plan[]; additions: Plan[]} {
	const have = kernel.flatMap((route) => {
		const d = declaredRoute(route);
		return d ? [{route, d}] : [];
	});
	const wanted = new Set(have.filter(({d}) => declared.some((r) => routeMatches(r, d))));
	const replaced = new Set<(typeof have)[number]>();
	const additions: Plan[] = [];
	for (const r of declared) {
		if (have.some(({d}) => routeMatches(r, d))) continue;
		const clash = have.find((h) => !wanted.has(h) && !replaced.has(h) && routeSlot(h.d) === routeSlot(r));
		if (clash) {
			replaced.add(clash);
			additions.push(combinePlans(`Replace route ${r.to} in ${ns}`, [deleteRoutePlan(ns, clash.route), addExactRoutePlan(ns, r)]));
		} else additions.push(addExactRoutePlan(ns, r));
	}
	const removals = prune ? have.filter((h) => !wanted.has(h) && !replaced.has(h)).map((h) => deleteRoutePlan(ns, h.route)) : [];
	return {removals, additions};
}

export function routeRuleForwardingPlans(file: WorldFile, world: World, prune: boolean): {removals: Plan[]; additions: Plan[]} {
	const removals: Plan[] = [];
	const additions: Plan[] = [];
	for (const ns of file.namespaces) {
		const there = nsIn(world, ns.name);
		additions.push(...nexthopPlans(ns.name, ns.nexthops ?? [], there?.nexthops ?? []));
		const routes = routePlans(ns.name, ns.routes, there?.routes ?? [], prune);
		removals.push(...routes.removals);
		additions.push(...routes.additions);
		// After the routes: an object that goes takes the routes through it along.
		const wantedIds = new Set((ns.nexthops ?? []).map((nh) => nh.id));
		if (prune) for (const nh of declaredNexthops(there?.nexthops ?? [])) if (!wantedIds.has(nh.id)) removals.push(deleteNexthopPlan(ns.name, nh));

		const rules = new Map(([4, 6] as const).flatMap((family) => (there?.rules?.[family] ?? []).flatMap((r) => {
			const d = declaredRule(family, r);
			return d ? [[ruleKey(d), d] as const] : [];
		})));
		const wantedRules = new Set(ns.rules.map(ruleKey));
		for (const r of ns.rules) if (!rules.has(ruleKey(r))) additions.push(addRulePlan(ns.name, r));
		if (prune) for (const [k, r] of rules) if (!wantedRules.has(k)) removals.push(deleteRulePlan(ns.name, r));

		for (const family of [4, 6] as const) {
			const want = ns.forwarding?.[family];
			const have = there ? there.forwarding?.[family] : false;
			if (want !== undefined && want !== have) additions.push(forwardingPlan(ns.name, family, want));
		}
	}
	return {removals, additions};
}


/** Links of a kind nsdeck makes, in the file's namespaces, that the file does not declare: stacked ones first. */
export function pruneLinkPlans(file: WorldFile, world: World): Plan[] {
	const resolve = peerResolver(world);
	const gone = new Set<string>();
	const plans: Plan[] = [];
	for (const ns of file.namespaces) {
		const there = nsIn(world, ns.name);
		if (!there) continue;
		const declared = new Set(ns.links.map((l) => l.name));
		const extra = there.links.filter((l) => !declared.has(l.name) && (MADE_KINDS as readonly string[]).includes(l.kind));
		extra.sort((a, b) => Number(sitsOnAnother(b.kind)) - Number(sitsOnAnother(a.kind)));
		for (const link of extra) {
			if (gone.has(`${ns.name}/${link.name}`)) continue;
			const peer = resolve(there, link);
			if (peer) gone.add(`${peer.ns}/${peer.name}`);
			gone.add(`${ns.name}/${link.name}`);
			plans.push(deleteLinkPlan(ns.name, link.name, link.kind));
		}
	}
	return plans.length > 0 ? [combinePlans('Prune', plans)] : [];
}
