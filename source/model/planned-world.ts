// The world as a dry run's plans would leave it: the world as read, with each planned effect
// (planned-effect.ts) applied in order. What is made or changed is marked `planned`, so the panes can say
// so, and forms offer it like anything else: a namespace planned by `n` is a choice in the next `v`.
// Pure. What the kernel would do is imitated, never asked: a moved link arrives down and without
// addresses, deleting one veth end deletes both, a link that goes down loses its routes, an address on an
// up link brings its subnet's route.
import {routeKey} from './format.js';
import type {PlannedEffect} from './planned-effect.js';
import {Planner} from './planner.js';
import {linkKey} from './topology.js';
import type {Rule, World} from './types.js';

/** IPv4 (20) + UDP (8) + VXLAN (8) + inner Ethernet (14) headers. */
const VXLAN_OVERHEAD = 50;

/** One effect, as the kernel would apply it. */
function applyEffect(planner: Planner, effect: PlannedEffect): void {
	switch (effect.kind) {
		case 'addNamespace':
			return planner.addNamespace(effect.ns);
		case 'deleteNamespace':
			return planner.deleteNamespace(effect.ns);
		case 'nameNamespace':
			return planner.nameNamespace(effect.ns, effect.name);
		case 'addLink': {
			const link = planner.newLink(effect.name, effect.type);
			// A vxlan leaves room for its IPv4 and UDP headers (50 bytes) below its underlay's MTU.
			const underlay = effect.underlay && planner.link(effect.underlay.ns, effect.underlay.name);
			// Its `dev`, as ip will print it: the map and the panes draw the underlay from it (topology.ts).
			const facts = underlay && effect.type === 'vxlan' && effect.underlay?.ns === effect.ns ? {facts: {...link.facts, kind: 'vxlan' as const, underlay: underlay.name}} : {};
			return planner.addStacked(effect.ns, underlay ? {...link, ...facts, mtu: underlay.mtu - VXLAN_OVERHEAD} : link, effect.lower);
		}
		case 'addVeth': {
			const [a, b] = effect.ends;
			if (!planner.has(a.ns) || !planner.has(b.ns)) return;
			const one = planner.newLink(a.name, 'veth');
			const two = planner.newLink(b.name, 'veth');
			planner.addLink(a.ns, one);
			planner.addLink(b.ns, two);
			planner.pair(linkKey(a.ns, one.ifindex), linkKey(b.ns, two.ifindex));
			return;
		}
		case 'moveLink':
			return planner.moveLink(effect.ns, effect.link, effect.to);
		case 'deleteLink':
			return planner.deleteLink(effect.ns, effect.link);
		case 'renameLink':
			return planner.renameLink(effect.ns, effect.link, effect.to);
		case 'setLink': {
			// Below 1280 bytes the kernel turns IPv6 off on the link: its IPv6 addresses and routes go.
			const noIpv6 = effect.mtu !== undefined && effect.mtu < 1280;
			planner.changeLink(effect.ns, effect.link, (l) => ({
				...l,
				...(effect.mtu !== undefined ? {mtu: effect.mtu} : {}),
				...(effect.mac !== undefined ? {mac: effect.mac} : {}),
				addresses: noIpv6 ? l.addresses.filter((a) => a.family === 4) : l.addresses,
			}));
			if (noIpv6) planner.changeNs(effect.ns, (n) => ({...n, routes: n.routes.filter((r) => !(r.family === 6 && r.dev === effect.link))}));
			return;
		}
		case 'setUp':
			return planner.setUp(effect.ns, effect.link, effect.up);
		case 'addAddress':
			return planner.addAddress(effect.ns, effect.link, effect.cidr);
		case 'deleteAddress':
			return planner.deleteAddress(effect.ns, effect.link, effect.cidr);
		case 'setMaster': {
			const masterKind = effect.master === undefined ? undefined : planner.link(effect.ns, effect.master)?.kind;
			return planner.changeLink(effect.ns, effect.link, (l) => ({...l, master: effect.master, masterKind}));
		}
		case 'addRoute':
			return planner.addRoute(effect.ns, effect.route);
		case 'deleteRoute':
			return planner.changeNs(effect.ns, (n) => ({...n, routes: n.routes.filter((r) => routeKey(r) !== routeKey(effect.route))}));
		case 'setForwarding':
			return planner.changeNs(effect.ns, (n) => ({...n, forwarding: {...n.forwarding, [effect.family]: effect.enable}}));
		case 'addRule':
		case 'deleteRule': {
			const {family, rule} = effect;
			// A family whose rules were not read stays unread: nothing is known to add to.
			return planner.changeNs(effect.ns, (n) => {
				const now = n.rules?.[family];
				if (!now) return n;
				const others = now.filter((r) => !sameRule(r, rule));
				const next = effect.kind === 'addRule' ? [...others, rule].sort((a, b) => a.priority - b.priority) : others;
				return {...n, rules: {...n.rules, [family]: next}};
			});
		}
	}
}

/** A rule as `ip rule del` picks it: by every selector and what it does. */
const sameRule = (a: Rule, b: Rule): boolean =>
	a.priority === b.priority && a.not === b.not && a.src === b.src && a.dst === b.dst && a.iif === b.iif && a.oif === b.oif && a.fwmark === b.fwmark && a.table === b.table && a.action === b.action;

/** The world with the planned effects applied, in order; the same world when there are none. */
export function applyPlanned(world: World, effects: readonly PlannedEffect[]): World {
	if (effects.length === 0) return world;
	const planner = new Planner(world);
	for (const effect of effects) applyEffect(planner, effect);
	return planner.world();
}
