// The worlds the undo property test (test/kernel/undo-property.test.ts) runs its plans in, and how it
// compares them: seeded random worlds of veths, bridges with ports, macvlan, macvtap and vxlan on an
// underlay in other namespaces, routes in several tables with tos, from, metrics and MTUs, a nexthop
// object, IPv6 addresses, rules, permanent neighbours and a tbf qdisc. Compared as `ip -d -j` prints link,
// addr, route, rule, nexthop and neigh (permanent), and `tc -j qdisc` in every namespace, less ALLOWED.
import {ipJson, resetWorld, sh} from './sandbox.js';

/**
 * What may differ after run and undo, each because only the kernel sets it anew: bridge and port timers
 * (they tick), whether an IPv6 address is still in duplicate detection (off in these worlds, see
 * buildWorld), a route's flags (linkdown follows the carrier), and the order ip lists addresses and routes
 * in (it lists them as they were added). And, only for the plan named: the ifindex a link gets anew when it
 * moves out of a namespace and back, with the link_index of its peer that names it; the qdisc of a link
 * set up for the first time (`noop` until then, `noqueue` after: no ip command gives `noop` back); the
 * handle of a root qdisc set back without one (tc numbers it anew, as it did when it was first added).
 */
export const ALLOWED = {
	keySuffix: '_timer',
	addressKeys: ['tentative'],
	routeKeys: ['flags'],
	order: true,
	byPlan: {'move a veth end away': ['ifindex', 'link_index'], 'set up': ['qdisc'], 'remove a rate limit': ['handle']} as Readonly<Record<string, readonly string[]>>,
} as const;

export const NAMESPACES = ['n0', 'n1', 'n2'];

/** A small seeded generator (mulberry32): the same worlds every run. */
export function random(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function strip(value: unknown, also: readonly string[]): unknown {
	if (Array.isArray(value)) return value.map((v) => strip(v, also));
	if (value && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value)) {
			if (k.endsWith(ALLOWED.keySuffix) || [...ALLOWED.addressKeys, ...also].includes(k)) continue;
			out[k] = strip(v, also);
		}
		return out;
	}
	return value;
}

const tcJson = async (ns: string): Promise<unknown[]> => {
	const text = await sh('tc', '-n', ns, '-j', 'qdisc', 'show');
	return text.trim() ? (JSON.parse(text) as unknown[]) : [];
};

/** Every namespace as ip -d -j prints it, less what ALLOWED lists (`what`: the plan that ran). */
export async function dump(what: string): Promise<Record<string, unknown>> {
	const also = ALLOWED.byPlan[what] ?? [];
	const sorted = (rows: unknown[]): string[] => rows.map((r) => JSON.stringify(strip(r, also))).sort();
	const out: Record<string, unknown> = {netns: (await sh('ip', 'netns', 'list')).split('\n').sort()};
	for (const ns of NAMESPACES) {
		const n = ['-n', ns, '-d'];
		const addrs = (await ipJson<{addr_info?: unknown[]}>(...n, 'addr', 'show')).map((l) => ({...l, addr_info: sorted(l.addr_info ?? [])}));
		out[ns] = {
			link: sorted(await ipJson(...n, 'link', 'show')),
			addr: sorted(addrs),
			// Only a route's flags: a link's (UP, LOWER_UP) are compared.
			route: sorted((await ipJson(...n, 'route', 'show', 'table', 'all')).map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !(ALLOWED.routeKeys as readonly string[]).includes(k))))),
			rule: sorted([...(await ipJson(...n, 'rule', 'show')), ...(await ipJson(...n, '-6', 'rule', 'show'))]),
			nexthop: sorted(await ipJson(...n, 'nexthop', 'show')),
			neigh: sorted(await ipJson(...n, 'neigh', 'show', 'nud', 'permanent')),
			// The `qdisc` allowance covers tc's own list too: the `noqueue` a link first set up gets.
			qdisc: sorted((await tcJson(ns)).filter((q) => !(also.includes('qdisc') && (q as {kind?: string}).kind === 'noqueue'))),
			forwarding: await sh('ip', 'netns', 'exec', ns, 'cat', '/proc/sys/net/ipv4/ip_forward', '/proc/sys/net/ipv6/conf/all/forwarding'),
		};
	}
	return out;
}

interface LinkRow {
	readonly ifname: string;
	readonly flags?: readonly string[];
	readonly operstate?: string;
}

/**
 * Whether linkwatch has caught up: the kernel sets a link's carrier (LOWER_UP) at once, but its operstate,
 * and the IPv6 link-local address and local routes that follow the carrier, up to a second later. An up
 * link with a carrier whose operstate still says down, or one without whose operstate says up, is pending.
 */
function linkwatchPending(world: Record<string, unknown>): string | undefined {
	for (const ns of NAMESPACES) {
		const rows = ((world[ns] as {link: string[]}).link).map((r) => JSON.parse(r) as LinkRow);
		for (const l of rows) {
			const carrier = (l.flags ?? []).includes('UP') && (l.flags ?? []).includes('LOWER_UP');
			if (carrier && (l.operstate === 'DOWN' || l.operstate === 'LOWERLAYERDOWN')) return `${ns} ${l.ifname} ${JSON.stringify(l.flags)} ${String(l.operstate)}`;
			if (!carrier && l.operstate === 'UP') return `${ns} ${l.ifname} ${JSON.stringify(l.flags)} ${String(l.operstate)}`;
		}
	}
	return undefined;
}

/**
 * The dump once the kernel has settled (see linkwatchPending): waits until linkwatch has caught up and two
 * dumps agree. A condition, not a time.
 */
export async function settled(what: string): Promise<Record<string, unknown>> {
	let last = await dump(what);
	for (let i = 0; i < 30; i++) {
		await new Promise((resolve) => setTimeout(resolve, 100));
		const next = await dump(what);
		if (linkwatchPending(next) === undefined && JSON.stringify(next) === JSON.stringify(last)) return next;
		last = next;
	}
	throw new Error(`${what}: the kernel did not settle (${linkwatchPending(last) ?? 'dumps still differ'})`);
}

/** Builds the world: n0 holds routes that differ only by tos, or by an IPv6 source prefix (`from`). */
export async function buildWorld(seed: number): Promise<void> {
	const pick = random(seed);
	const any = <T,>(items: readonly T[]): T => items[Math.floor(pick() * items.length)];
	const s = String(seed);
	await resetWorld();
	for (const ns of NAMESPACES) {
		await sh('ip', 'netns', 'add', ns);
		// No duplicate detection: when it ends (a second after an IPv6 address appears) is timing, not state,
		// and so is the local-table route the kernel adds then.
		for (const conf of ['all', 'default']) await sh('ip', 'netns', 'exec', ns, 'sysctl', '-qw', `net.ipv6.conf.${conf}.accept_dad=0`);
	}
	const ip = (ns: string, ...args: string[]) => sh('ip', '-n', ns, ...args);
	await sh('ip', 'link', 'add', 'name', 'e0', 'netns', 'n0', 'type', 'veth', 'peer', 'name', 'e1', 'netns', 'n2');
	await ip('n0', 'addr', 'add', `10.${s}.0.1/24`, 'dev', 'e0');
	await ip('n0', 'addr', 'add', `fd00:${s}::1/64`, 'dev', 'e0', 'nodad');
	await ip('n2', 'addr', 'add', `10.${s}.0.2/24`, 'dev', 'e1');
	await ip('n0', 'link', 'add', 'br0', 'type', 'bridge');
	// An empty bridge, up, and a veth end on no bridge: the first port changes the bridge's MAC and carrier.
	await ip('n0', 'link', 'add', 'br1', 'type', 'bridge');
	for (const port of ['1', '2', '3']) {
		await sh('ip', 'link', 'add', 'name', `p${port}`, 'netns', 'n0', 'type', 'veth', 'peer', 'name', `q${port}`, 'netns', 'n1');
		if (port !== '3') await ip('n0', 'link', 'set', 'dev', `p${port}`, 'master', 'br0');
		await ip('n0', 'link', 'set', 'dev', `p${port}`, 'up');
		await ip('n1', 'link', 'set', 'dev', `q${port}`, 'up');
	}
	await ip('n0', 'addr', 'add', `10.${s}.1.1/24`, 'dev', 'br0');
	for (const [ns, link] of [['n0', 'e0'], ['n2', 'e1'], ['n0', 'br0'], ['n0', 'br1']]) await ip(ns, 'link', 'set', 'dev', link, 'up');
	await ip('n0', 'link', 'add', 'link', 'e0', 'name', 'mv0', 'type', 'macvlan', 'mode', 'bridge');
	await ip('n0', 'link', 'set', 'dev', 'mv0', 'netns', 'n1');
	await ip('n0', 'link', 'add', 'link', 'e0', 'name', 'mt0', 'type', 'macvtap');
	await ip('n0', 'link', 'set', 'dev', 'mt0', 'netns', 'n2');
	await ip('n0', 'link', 'add', 'vx0', 'type', 'vxlan', 'id', s, 'dev', 'e0', 'local', `10.${s}.0.1`, 'dstport', '4789');
	await ip('n0', 'link', 'set', 'dev', 'vx0', 'netns', 'n1');
	for (let r = 0; r < 4; r++) {
		const table = any(['main', '100', '200']);
		const extra = [...(pick() < 0.5 ? ['metric', String(5 + r)] : []), ...(pick() < 0.5 ? ['mtu', '1400'] : [])];
		const tos = pick() < 0.5 ? ['tos', any(['0x10', '0x08'])] : [];
		const from = pick() < 0.5 ? ['from', '2001:db8:9::/64'] : [];
		await ip('n0', 'route', 'add', `10.${100 + r}.0.0/16`, ...tos, 'via', `10.${s}.0.2`, 'dev', 'e0', 'table', table, ...extra);
		await ip('n0', '-6', 'route', 'add', `2001:db8:${r}::/64`, ...from, 'via', `fd00:${s}::2`, 'dev', 'e0', 'table', table, ...extra);
	}
	// Pairs that differ only by tos, or by `from`: a delete or an undo must take the one it names.
	for (const tos of [[], ['tos', '0x10']]) await ip('n0', 'route', 'add', '10.99.0.0/24', ...tos, 'via', `10.${s}.0.2`, 'dev', 'e0', 'table', '200');
	for (const from of [[], ['from', '2001:db8:9::/64']]) await ip('n0', '-6', 'route', 'add', '2001:db8:99::/64', ...from, 'via', `fd00:${s}::2`, 'dev', 'e0', 'table', '200');
	await ip('n0', 'route', 'add', 'default', 'via', `10.${s}.1.2`, 'dev', 'br0', 'table', any(['main', '100']));
	await ip('n0', 'rule', 'add', 'from', `10.${s}.0.0/24`, 'table', '100', 'priority', String(100 + seed));
	await ip('n0', 'neigh', 'add', `10.${s}.0.9`, 'lladdr', '02:00:00:00:00:09', 'dev', 'e0', 'nud', 'permanent');
	// A nexthop object with a route through it, and a rate limit nsdeck can read back.
	await ip('n0', 'nexthop', 'add', 'id', '7', 'via', `10.${s}.0.2`, 'dev', 'e0');
	await ip('n0', 'route', 'add', `10.${s}.8.0/24`, 'nhid', '7');
	await sh('tc', '-n', 'n0', 'qdisc', 'add', 'dev', 'p2', 'root', 'tbf', 'rate', '1mbit', 'burst', '32kbit', 'latency', '400ms');
}
