// `nsdeck destroy FILE`: remove exactly what a file declares that is there, and nothing else. Named
// namespaces go whole; in the host, the links nsdeck makes (devices stacked on others first, each veth
// pair once), and the routes, rules, nexthop objects, addresses and shaping the file declares. External
// links stay (their declared shaping goes: back to the default qdisc).
import {peerResolver} from '../model/topology.js';
import {isDefaultQdisc, type QdiscsByNamespace} from '../model/traffic/qdisc.js';
import type {World} from '../model/types.js';
import {declaredRoute, declaredRule, routeMatches, ruleKey} from '../model/world-file/normalize.js';
import {nexthopKey} from '../model/world-file/nexthops.js';
import {HOST_NAME, type WorldFile} from '../model/world-file/types.js';
import {deleteAddressPlan} from './address-plans.js';
import {combinePlans} from './combine-plans.js';
import {deleteLinkPlan} from './link-plans.js';
import {deleteNamespacePlan} from './namespace-plans.js';
import {sitsOnAnother} from '../model/link-kinds/index.js';
import type {Plan} from './plan.js';
import {deleteRoutePlan} from './route-plans.js';
import {deleteRulePlan} from './rule-plans.js';
import {unshapePlan} from './shaping-plans.js';
import {declaredNexthops, deleteNexthopPlan} from './world-diff-tables.js';


/** Undefined when nothing the file declares is there. */
export function destroyPlan(file: WorldFile, world: World, qdiscs?: QdiscsByNamespace): Plan | undefined {
	const plans: Plan[] = [];
	const host = world.namespaces.find((n) => n.id === HOST_NAME);
	const declaredHost = file.namespaces.find((n) => n.name === HOST_NAME);
	if (host && declaredHost) {
		for (const r of host.routes) {
			const d = declaredRoute(r);
			if (d && declaredHost.routes.some((want) => routeMatches(want, d))) plans.push(deleteRoutePlan(HOST_NAME, r));
		}
		const rules = new Set(declaredHost.rules.map(ruleKey));
		for (const family of [4, 6] as const) {
			for (const r of host.rules?.[family] ?? []) {
				const d = declaredRule(family, r);
				if (d && rules.has(ruleKey(d))) plans.push(deleteRulePlan(HOST_NAME, d));
			}
		}
		const declaredIds = new Map((declaredHost.nexthops ?? []).map((nh) => [nh.id, nexthopKey(nh)]));
		for (const nh of declaredNexthops(host.nexthops ?? [])) if (declaredIds.get(nh.id) === nexthopKey(nh)) plans.push(deleteNexthopPlan(HOST_NAME, nh));
		const byName = new Map(host.links.map((l) => [l.name, l]));
		for (const link of declaredHost.links.filter((l) => l.external)) {
			const there = byName.get(link.name);
			for (const cidr of link.addresses) if (there?.addresses.some((a) => a.cidr === cidr)) plans.push(deleteAddressPlan({ns: HOST_NAME, link: link.name, cidr}));
			if (link.qdisc && there && !isDefaultQdisc(there.qdisc)) plans.push(unshapePlan(HOST_NAME, link.name, qdiscs?.get(HOST_NAME)?.filter((q) => q.dev === link.name)));
		}
		const resolve = peerResolver(world);
		const gone = new Set<string>();
		const made = declaredHost.links.filter((l) => !l.external && byName.get(l.name)?.kind === l.kind);
		made.sort((a, b) => Number(sitsOnAnother(b.kind ?? '')) - Number(sitsOnAnother(a.kind ?? '')));
		for (const link of made) {
			const there = byName.get(link.name);
			if (!there || gone.has(link.name)) continue;
			const peer = resolve(host, there);
			if (peer?.ns === HOST_NAME) gone.add(peer.name);
			plans.push(deleteLinkPlan(HOST_NAME, link.name, there.kind));
		}
	}
	for (const ns of file.namespaces) {
		if (ns.name !== HOST_NAME && world.namespaces.some((n) => n.id === ns.name)) plans.push(deleteNamespacePlan(world, ns.name));
	}
	return plans.length > 0 ? combinePlans('Remove what the file declares', plans) : undefined;
}
