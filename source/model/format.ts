// How records read as text: shared by the panes, the detail view and `nsdeck show`.
import {isStackedKind, kindFactsText} from './link-kinds/index.js';
import {formatPeer} from './topology.js';
import type {Address, Link, LinkRef, Route, Rule} from './types.js';

export function routeKey(route: Route): string {
	const hops = (route.nexthops ?? []).map((h) => `${h.gateway ?? ''}@${h.dev ?? ''}`).join(',');
	return `${route.family}|${route.table}|${route.dst}|${route.gateway ?? ''}|${route.dev ?? ''}|${route.metric ?? ''}|${hops}`;
}

/** `via 10.1.1.2`, or `via inet6 fd00::2` on an IPv4 route, as ip prints it. */
const viaText = (route: Route, gateway: string): string[] => (route.family === 4 && gateway.includes(':') ? ['via', 'inet6', gateway] : ['via', gateway]);

/**
 * `default via 10.1.1.4 dev veth_ns1`, the way `ip route` prints it, with the table and metric that tell
 * apart two routes to the same prefix.
 */
export function formatRoute(route: Route): string {
	const parts = [route.dst];
	if (route.gateway) parts.push(...viaText(route, route.gateway));
	if (route.dev) parts.push('dev', route.dev);
	for (const hop of route.nexthops ?? []) {
		parts.push('nexthop', ...(hop.gateway ? viaText(route, hop.gateway) : []), ...(hop.dev ? ['dev', hop.dev] : []));
		if (hop.weight !== 1) parts.push('weight', String(hop.weight));
	}
	if (route.table !== 'main') parts.push('table', route.table);
	if (route.metric !== undefined) parts.push('metric', String(route.metric));
	if (route.type !== 'unicast') parts.unshift(route.type);
	return parts.join(' ');
}

/** A short state word: UP, DOWN, or NO-CARRIER for an up link whose other end is down. */
export function linkStateLabel(link: Link): string {
	if (!link.adminUp) return 'DOWN';
	if (link.state === 'LOWERLAYERDOWN' || link.noCarrier) return 'NO-CARRIER';
	if (link.state === 'UNKNOWN') return 'UP'; // lo and some virtual devices report UNKNOWN while working.
	return link.state;
}

export const isLinkUp = (link: Link): boolean => linkStateLabel(link) === 'UP';

/** Flags that say an address is not (or not yet, or no longer) fully in use. */
const WARNING_FLAGS = ['tentative', 'dadfailed', 'deprecated'];

/** `fd00::1/64`, or `fd00::1/64[dadfailed]` for one the kernel will not use as it stands. */
export const addressText = (address: Address): string => {
	const warnings = (address.flags ?? []).filter((f) => WARNING_FLAGS.includes(f));
	return warnings.length > 0 ? `${address.cidr}[${warnings.join(',')}]` : address.cidr;
};

/** Addresses worth a glance: global and host scope first; link-local IPv6 only in the detail view. */
export const visibleAddresses = (link: Link): string[] =>
	link.addresses.filter((a) => !(a.family === 6 && a.scope === 'link')).map(addressText);

/** What ip -d says of a link's kind, in a few words (`mode bridge`, `id 10 802.1Q`): its kind's text (link-kinds/). */
export const factsText = (link: Link): string => kindFactsText(link.facts);

/**
 * `on eth0`, `on host/eth0` for a device stacked on another (resolved by buildTopology); `on if7 in
 * unknown namespace (nsid 3)` when that namespace cannot be told: which one, in this namespace's nsids.
 */
export function lowerText(link: Link, nsId: string, lower: LinkRef | undefined): string | undefined {
	if (lower) return `on ${formatPeer(lower, nsId)}`;
	if (!isStackedKind(link.kind) || !link.peerHint) return undefined;
	if (link.peerHint.netnsid === undefined) return link.peerHint.name ? `on ${link.peerHint.name}` : undefined;
	return link.peerHint.ifindex !== undefined ? `on if${link.peerHint.ifindex} in unknown namespace (nsid ${link.peerHint.netnsid})` : undefined;
}

/** `→ host/veth_ns1_br0`, `master br0`, `2 ports`, `on eth0`: how this link is wired. */
export function relationText(link: Link, nsId: string, peer: LinkRef | undefined, ports: readonly LinkRef[], lower?: LinkRef): string {
	const parts: string[] = [];
	if (link.kind === 'veth') parts.push(peer ? `→ ${formatPeer(peer, nsId)}` : '→ ?');
	const on = lowerText(link, nsId, lower);
	if (on) parts.push(on);
	if (link.master) parts.push(link.masterKind && link.masterKind !== 'bridge' ? `${link.masterKind} ${link.master}` : `master ${link.master}`);
	if (link.kind === 'bridge') parts.push(`${ports.length} port${ports.length === 1 ? '' : 's'}`);
	return parts.join(' ');
}


/** What a rule selects, as `ip rule` prints it: `from 10.0.0.0/24 to 10.9.0.0/16 iif eth0`. */
export function ruleSelector(rule: Rule): string {
	const parts = [...(rule.not ? ['not'] : []), 'from', rule.src];
	if (rule.dst) parts.push('to', rule.dst);
	if (rule.fwmark) parts.push('fwmark', rule.fwmark);
	if (rule.iif) parts.push('iif', rule.iif);
	if (rule.oif) parts.push('oif', rule.oif);
	return parts.join(' ');
}

/** `100: from 10.0.0.0/24 lookup vpn`, as `ip rule` prints it. */
export function ruleText(rule: Rule): string {
	const then = rule.goto !== undefined ? `goto ${rule.goto}` : (rule.action ?? (rule.table ? `lookup ${rule.table}` : ''));
	return `${rule.priority}: ${ruleSelector(rule)}${then ? ` ${then}` : ''}`;
}
