// What the SSH guard's revert puts back: the before-state of a namespace, read from the kernel just before
// a guarded change (`ip -j addr show`, `ip -j -4|-6 route show table all`), as commands. The plan's own
// inverse is not enough: setting a link down makes the kernel drop its IPv6 addresses and every route
// through it, which no step of the plan names. So the revert runs the inverse, then these, and each of
// these is idempotent (`replace`, `set … up`): what survived the change is left as it was.
//
// The scope is the links the change could touch and the session's path: their up state, master, addresses
// of both families, and the routes of every table through them. Left out, because the kernel makes them
// anew: the `local` table and local/broadcast/multicast/anycast routes, `proto kernel` routes (they come
// back with their address on an up link), and IPv6 link-local addresses.
// TODO(lead): unify with branch txn's before-state reader when it lands; this is one file on purpose.
import {escapeRawControls} from '../model/parse.js';
import {ipIn, type Argv} from './plan.js';

/** One interface as `ip -j addr show` prints it, the keys used here. */
export interface IpAddrRecord {
	readonly ifname: string;
	readonly flags?: readonly string[];
	readonly master?: string;
	readonly addr_info?: ReadonlyArray<{
		readonly family?: string;
		readonly local?: string;
		readonly prefixlen?: number;
		readonly broadcast?: string;
		readonly scope?: string;
		readonly label?: string;
		readonly noprefixroute?: boolean;
		readonly nodad?: boolean;
		readonly valid_life_time?: number;
		readonly preferred_life_time?: number;
	}>;
}

interface NextHopRecord {
	readonly gateway?: string;
	readonly dev?: string;
	readonly weight?: number;
	readonly flags?: readonly string[];
}

/** One route as `ip -j route show table all` prints it, the keys used here. */
export interface IpRouteRecord extends NextHopRecord {
	readonly type?: string;
	readonly dst: string;
	readonly table?: string;
	readonly protocol?: string;
	readonly scope?: string;
	readonly metric?: number;
	readonly prefsrc?: string;
	readonly tos?: string;
	readonly pref?: string;
	readonly from?: string;
	readonly nexthops?: readonly NextHopRecord[];
}

export interface BeforeState {
	readonly ns: string;
	readonly links: readonly IpAddrRecord[];
	/** Every table, by family (ip's JSON does not say the family of `default`). */
	readonly routes: {readonly 4: readonly IpRouteRecord[]; readonly 6: readonly IpRouteRecord[]};
}

const FOREVER = 4_294_967_295;
const KERNEL_MADE = new Set(['local', 'broadcast', 'multicast', 'anycast']);

/** The devices a route leaves by. */
const devsOf = (route: IpRouteRecord): string[] => [route.dev, ...(route.nexthops ?? []).map((h) => h.dev)].filter((d): d is string => d !== undefined);

function addressArgs(link: IpAddrRecord): string[][] {
	return (link.addr_info ?? []).flatMap((a) => {
		if (!a.local || a.prefixlen === undefined || (a.family !== 'inet' && a.family !== 'inet6')) return [];
		if (a.family === 'inet6' && a.scope === 'link') return [];
		const args = ['addr', 'replace', `${a.local}/${a.prefixlen}`, 'dev', link.ifname];
		if (a.broadcast) args.push('broadcast', a.broadcast);
		if (a.scope && a.scope !== 'global') args.push('scope', a.scope);
		if (a.label && a.label !== link.ifname) args.push('label', a.label);
		if (a.noprefixroute) args.push('noprefixroute');
		if (a.nodad) args.push('nodad');
		if (a.valid_life_time !== undefined && a.valid_life_time !== FOREVER) {
			args.push('valid_lft', String(a.valid_life_time), 'preferred_lft', String(a.preferred_life_time ?? a.valid_life_time));
		}
		return [args];
	});
}

function hopArgs(hop: NextHopRecord): string[] {
	const args: string[] = [];
	if (hop.gateway) args.push('via', hop.gateway);
	if (hop.dev) args.push('dev', hop.dev);
	if (hop.flags?.includes('onlink')) args.push('onlink');
	return args;
}

function routeArgs(route: IpRouteRecord, family: 4 | 6): string[] {
	const args = [`-${family}`, 'route', 'replace'];
	if (route.type && route.type !== 'unicast') args.push(route.type);
	args.push(route.dst);
	if (route.from) args.push('from', route.from);
	if (route.tos) args.push('tos', route.tos);
	args.push('table', route.table ?? 'main');
	if (route.protocol) args.push('proto', route.protocol);
	if (route.scope) args.push('scope', route.scope);
	if (route.metric !== undefined) args.push('metric', String(route.metric));
	if (route.prefsrc) args.push('src', route.prefsrc);
	if (route.pref) args.push('pref', route.pref);
	if (route.nexthops && route.nexthops.length > 0) {
		for (const hop of route.nexthops) args.push('nexthop', ...hopArgs(hop), ...(hop.weight ? ['weight', String(hop.weight)] : []));
	} else {
		args.push(...hopArgs(route));
	}
	return args;
}

/**
 * The commands that bring `links` (names in `before.ns`) back to how `before` saw them: up, master,
 * addresses, then routes through them in every table, routes without a gateway first (a gateway needs its
 * subnet).
 */
export function restoreCommands(before: BeforeState, links: ReadonlySet<string>): Argv[] {
	const ns = before.ns;
	const inScope = before.links.filter((l) => links.has(l.ifname));
	const up = inScope.filter((l) => l.flags?.includes('UP')).map((l) => ipIn(ns, 'link', 'set', 'dev', l.ifname, 'up'));
	const masters = inScope.filter((l) => l.master).map((l) => ipIn(ns, 'link', 'set', 'dev', l.ifname, 'master', l.master ?? ''));
	const addresses = inScope.flatMap(addressArgs).map((args) => ipIn(ns, ...args));
	const wanted = (r: IpRouteRecord): boolean =>
		!KERNEL_MADE.has(r.type ?? 'unicast') && r.table !== 'local' && r.protocol !== 'kernel' && devsOf(r).some((d) => links.has(d));
	const routes = ([4, 6] as const).flatMap((family) => before.routes[family].filter(wanted).map((route) => ({family, route})));
	const hasGateway = ({route: r}: {route: IpRouteRecord}): boolean => r.gateway !== undefined || (r.nexthops ?? []).some((h) => h.gateway);
	const ordered = [...routes.filter((r) => !hasGateway(r)), ...routes.filter(hasGateway)];
	return [...up, ...masters, ...addresses, ...ordered.map(({family, route}) => ipIn(ns, ...routeArgs(route, family)))];
}

/** The before-state from the texts of `ip -j addr show`, `ip -j -4 route show table all` and `-6`. */
export function parseBeforeState(ns: string, addr: string, routes4: string, routes6: string): BeforeState {
	// Kernel strings may hold raw control characters, which JSON.parse refuses.
	const list = <T>(text: string): T[] => (text.trim() ? (JSON.parse(escapeRawControls(text)) as T[]) : []);
	return {ns, links: list<IpAddrRecord>(addr), routes: {4: list<IpRouteRecord>(routes4), 6: list<IpRouteRecord>(routes6)}};
}
