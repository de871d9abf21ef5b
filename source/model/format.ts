// How records read as text: shared by the panes, the detail view and `nsdeck show`.
import {isStackedKind, kindFactsText} from './link-kinds/index.js';
import {formatPeer} from './topology.js';
import {metricWords, routeKey, viaWords} from './route-identity.js';
import type {Address, FdbEntry, Link, LinkRef, NexthopObject, Route, Rule} from './types.js';

export {routeKey};

/**
 * A route the way `ip route` prints it, every word: `10.204.0.0/16 nhid 7 via 10.0.6.1 dev r1 proto static
 * src 10.0.6.2 onlink mtu 1400`. Like ip, it leaves out the defaults (type unicast, table main, proto boot,
 * scope global); `withLinkdown` false leaves that flag to be drawn apart (the pane draws it as a warning).
 */
export const formatRoute = (route: Route): string => routeText(route, true);

export function routeText(route: Route, withLinkdown: boolean): string {
	const parts = [...(route.type !== 'unicast' ? [route.type] : []), route.dst];
	if (route.from) parts.push('from', route.from);
	if (route.tos) parts.push('tos', route.tos);
	if (route.nhid !== undefined) parts.push('nhid', String(route.nhid));
	if (route.gateway) parts.push(...viaWords(route.family, route.gateway));
	if (route.dev) parts.push('dev', route.dev);
	if (route.table !== 'main') parts.push('table', route.table);
	if (route.protocol && route.protocol !== 'boot') parts.push('proto', route.protocol);
	if (route.scope && route.scope !== 'global') parts.push('scope', route.scope);
	if (route.prefsrc) parts.push('src', route.prefsrc);
	if (route.metric !== undefined) parts.push('metric', String(route.metric));
	parts.push(...route.flags.filter((f) => withLinkdown || f !== 'linkdown'));
	if (route.expires !== undefined) parts.push('expires', `${route.expires}sec`);
	parts.push(...metricWords(route));
	for (const hop of route.nexthops ?? []) {
		parts.push('nexthop', ...(hop.gateway ? viaWords(route.family, hop.gateway) : []), ...(hop.dev ? ['dev', hop.dev] : []), 'weight', String(hop.weight), ...(hop.flags ?? []));
	}
	if (route.pref) parts.push('pref', route.pref);
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

/** `→ host/veth_ns1_br0 master br0`, `2 ports`, `on eth0`: how this link is wired. */
export function relationText(link: Link, nsId: string, peer: LinkRef | undefined, ports: readonly LinkRef[], lower?: LinkRef): string {
	return relationParts(link, nsId, peer, ports, lower).join(' ');
}

/** The words of relationText, the peer or lower device first: a narrow pane cuts only that one. */
export function relationParts(link: Link, nsId: string, peer: LinkRef | undefined, ports: readonly LinkRef[], lower?: LinkRef): string[] {
	const parts: string[] = [];
	if (link.kind === 'veth') parts.push(peer ? `→ ${formatPeer(peer, nsId)}` : '→ ?');
	const on = lowerText(link, nsId, lower);
	if (on) parts.push(on);
	if (link.master) parts.push(link.masterKind && link.masterKind !== 'bridge' ? `${link.masterKind} ${link.master}` : `master ${link.master}`);
	if (link.kind === 'bridge') parts.push(`${ports.length} port${ports.length === 1 ? '' : 's'}`);
	return parts;
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

/** A nexthop object as `ip nexthop` prints it: `id 7 via 10.0.6.1 dev r1 scope link`, `id 9 group 7,2/8`. */
export function nexthopText(nh: NexthopObject): string {
	const parts = ['id', String(nh.id)];
	if (nh.group) parts.push('group', nh.group.map((m) => (m.weight !== 1 ? `${m.id},${m.weight}` : String(m.id))).join('/'));
	if (nh.gateway) parts.push('via', nh.gateway);
	if (nh.dev) parts.push('dev', nh.dev);
	if (nh.scope && nh.scope !== 'global') parts.push('scope', nh.scope);
	if (nh.blackhole) parts.push('blackhole');
	if (nh.protocol && nh.protocol !== 'unspec') parts.push('proto', nh.protocol);
	parts.push(...nh.flags);
	if (nh.fdb) parts.push('fdb');
	return parts.join(' ');
}

/** An FDB entry as `bridge fdb` prints it: `00:00:00:00:00:00 dev vx0 dst 10.60.0.1 vni 43 self permanent`. */
export function fdbText(e: FdbEntry): string {
	const parts = [e.mac, 'dev', e.dev];
	if (e.dst) parts.push('dst', e.dst);
	if (e.port !== undefined) parts.push('port', String(e.port));
	if (e.vni !== undefined) parts.push('vni', String(e.vni));
	if (e.via) parts.push('via', e.via);
	if (e.vlan !== undefined) parts.push('vlan', String(e.vlan));
	parts.push(...(e.flags ?? []));
	if (e.bridge) parts.push('master', e.bridge);
	if (e.state) parts.push(e.state);
	return parts.join(' ');
}
