// The parts of a world diff that are tables of a namespace, not links: routes, rules and forwarding, and
// with `prune` the links, routes and rules a declared namespace has that the file does not name.
import {peerResolver} from '../model/topology.js';
import type {Netns, Route, World} from '../model/types.js';
import {declaredRoute, declaredRule, routeKey, ruleKey} from '../model/world-file/normalize.js';
import {MADE_KINDS, type DeclaredRoute, type WorldFile} from '../model/world-file/types.js';
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
	};
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

export function routeRuleForwardingPlans(file: WorldFile, world: World, prune: boolean): {removals: Plan[]; additions: Plan[]} {
	const removals: Plan[] = [];
	const additions: Plan[] = [];
	for (const ns of file.namespaces) {
		const there = nsIn(world, ns.name);
		const routes = new Map((there?.routes ?? []).flatMap((r) => {
			const d = declaredRoute(r);
			return d ? [[routeKey(d), r] as const] : [];
		}));
		const wanted = new Set(ns.routes.map(routeKey));
		for (const r of ns.routes) if (!routes.has(routeKey(r))) additions.push(addExactRoutePlan(ns.name, r));
		if (prune) for (const [k, r] of routes) if (!wanted.has(k)) removals.push(deleteRoutePlan(ns.name, r));

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

const STACKED = new Set(['macvlan', 'macvtap', 'vxlan']);

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
		extra.sort((a, b) => Number(STACKED.has(b.kind)) - Number(STACKED.has(a.kind)));
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
