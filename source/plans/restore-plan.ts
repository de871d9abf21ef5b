// The commands that bring a namespace back to a state read before a change (model/kernel-state.ts),
// from what a read shows now: a pure function of the two reads, so undo and rollback restore what the
// kernel had — the routes it dropped with a link, the IPv6 addresses it removed on down, a bridge's MAC —
// and not only what the plan itself did. Links it cannot make again (a deleted one of any kind) are for
// the plan's own undo, which runs first (transaction.ts); what stays different is said, never hidden.
import {diffStates, type StateChange} from '../model/kernel-diff.js';
import {FOREVER, type KernelState, type StateAddress, type StateRecord} from '../model/kernel-state.js';
import {execIn, ipIn, type Argv} from './plan.js';
import {FORWARDING_KEYS} from './route-plans.js';

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** `ip addr replace …` takes every flag a user can give; `replace` also puts back changed flags. */
export function addressArgs(a: StateAddress, link: string): string[] {
	const args = [`${a.local}/${a.prefixlen}`];
	if (a.peer) args.splice(0, 1, a.local, 'peer', `${a.peer}/${a.prefixlen}`);
	if (a.broadcast) args.push('broadcast', a.broadcast);
	args.push('scope', a.scope, 'dev', link);
	if (a.label && a.label !== link) args.push('label', a.label);
	args.push(...a.flags);
	if (a.valid !== FOREVER || a.preferred !== FOREVER) args.push('valid_lft', a.valid === FOREVER ? 'forever' : String(a.valid), 'preferred_lft', a.preferred === FOREVER ? 'forever' : String(a.preferred));
	return args;
}

/** Every word of a route that names it to the kernel and to ip, as `ip route add|del` takes them. */
export function routeArgs(r: StateRecord): string[] {
	const args: string[] = [str(r.type) || 'unicast', str(r.dst)];
	if (r.tos) args.push('tos', str(r.tos));
	if (r.from) args.push('from', str(r.from));
	args.push('table', str(r.table) || 'main');
	if (r.metric !== undefined) args.push('metric', str(r.metric));
	if (r.protocol) args.push('proto', str(r.protocol));
	if (r.scope) args.push('scope', str(r.scope));
	// Through a nexthop object, by its id alone: ip prints its gateway and device, the kernel refuses them beside nhid.
	if (r.nhid !== undefined) args.push('nhid', str(r.nhid));
	if (r.gateway && r.nhid === undefined) args.push('via', ...(str(r.gateway).includes(':') && r.family === 4 ? ['inet6'] : []), str(r.gateway));
	if (r.dev && r.nhid === undefined) args.push('dev', str(r.dev));
	if (r.prefsrc) args.push('src', str(r.prefsrc));
	if (r.pref) args.push('pref', str(r.pref));
	if (Array.isArray(r.metrics)) {
		for (const m of r.metrics as Array<Record<string, unknown>>) for (const [k, v] of Object.entries(m)) args.push(k, str(v));
	}
	if (Array.isArray(r.nexthops) && r.nhid === undefined) {
		for (const h of r.nexthops as Array<Record<string, unknown>>) {
			args.push('nexthop', ...(h.gateway ? ['via', str(h.gateway)] : []), ...(h.dev ? ['dev', str(h.dev)] : []), 'weight', str(h.weight ?? 1));
		}
	}
	return args;
}

/** A nexthop object as `ip nexthop replace` takes it (a group's members with their weights). */
function nexthopArgs(r: StateRecord): string[] {
	const args = ['id', str(r.id)];
	if (Array.isArray(r.group)) args.push('group', (r.group as Array<Record<string, unknown>>).map((m) => (m.weight === undefined || m.weight === 1 ? str(m.id) : `${str(m.id)},${str(m.weight)}`)).join('/'));
	if (r.gateway) args.push('via', str(r.gateway));
	if (r.dev) args.push('dev', str(r.dev));
	if (r.blackhole) args.push('blackhole');
	if (r.fdb) args.push('fdb');
	if (r.protocol) args.push('proto', str(r.protocol));
	return args;
}

function ruleArgs(r: StateRecord): string[] {
	const args = ['priority', str(r.priority)];
	if (r.not !== undefined) args.push('not');
	args.push('from', r.src === 'all' || !r.src ? 'all' : `${str(r.src)}${r.srclen !== undefined ? `/${str(r.srclen)}` : ''}`);
	if (r.dst) args.push('to', `${str(r.dst)}${r.dstlen !== undefined ? `/${str(r.dstlen)}` : ''}`);
	if (r.tos) args.push('tos', str(r.tos));
	if (r.fwmark) args.push('fwmark', r.fwmask ? `${str(r.fwmark)}/${str(r.fwmask)}` : str(r.fwmark));
	if (r.iif) args.push('iif', str(r.iif));
	if (r.oif) args.push('oif', str(r.oif));
	if (r.table) args.push('table', str(r.table));
	else if (r.action) args.push('type', str(r.action));
	return args;
}

const family = (r: StateRecord): string[] => (r.family === 6 || str(r.dst).includes(':') || str(r.src).includes(':') ? ['-6'] : []);

/** What the kernel tells routes apart by: one such route at most per key (multipath aside). */
const KERNEL_ROUTE_KEY = ['family', 'type', 'dst', 'from', 'tos', 'table', 'metric'] as const;
const sameKernelRoute = (a: StateRecord, b: StateRecord): boolean => KERNEL_ROUTE_KEY.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));

/** Kernel routes come back with their address or their link; a kernel-made address with its link. */
const kernelRoute = (r: StateRecord): boolean => r.protocol === 'kernel';

/** The steps, in the order the kernel needs them: links, then addresses, then routes, rules, neighbours. */
function stepsFor(c: StateChange, after: KernelState): {readonly rank: number; readonly argv: Argv}[] {
	const ns = c.ns;
	switch (c.kind) {
		case 'link':
			// A link made since is deleted; one that is gone is for the plan's own undo (it knows its kind).
			return c.present ? [{rank: 0, argv: ipIn(ns, 'link', 'del', 'dev', c.link.name)}] : [];
		case 'linkField': {
			const set = (...words: string[]): Argv => ipIn(ns, 'link', 'set', 'dev', c.link, ...words);
			if (c.field === 'master') return [{rank: 1, argv: c.before === 'none' ? set('nomaster') : set('master', c.before)}];
			if (c.field === 'mtu') return [{rank: 2, argv: set('mtu', c.before)}];
			if (c.field === 'mac') return [{rank: 3, argv: set('address', c.before)}];
			if (c.field === 'up') return [{rank: 4, argv: set(c.before === 'on' ? 'up' : 'down')}];
			return []; // Carrier: only the kernel sets it.
		}
		case 'address': {
			if (c.address.kernelMade) return [];
			const link = after.get(ns)?.links.find((l) => l.name === c.link);
			if (!link) return [];
			const v = c.address.family === 6 ? ['-6'] : [];
			// A changed address shows as removed and added under one key: `replace` puts it back whole.
			if (!c.present) return [{rank: 6, argv: ipIn(ns, ...v, 'addr', 'replace', ...addressArgs(c.address, c.link))}];
			// Deleted even when it comes back with other flags: `replace` cannot take back a duplicate
			// detection already running on an address the plan's inverse added without `nodad`.
			return [{rank: 5, argv: ipIn(ns, ...v, 'addr', 'del', ...addressArgs(c.address, c.link).slice(0, c.address.peer ? 3 : 1), 'dev', c.link)}];
		}
		case 'route': {
			if (kernelRoute(c.record)) return [];
			// Routes without a gateway first: a gateway is only reachable through one.
			if (c.present) return [{rank: 7, argv: ipIn(ns, ...family(c.record), 'route', 'del', ...routeArgs(c.record))}];
			// The same route with other attributes (the kernel raised its MTU with its link's): replaced whole.
			const verb = after.get(ns)?.routes.some((r) => sameKernelRoute(r, c.record)) ? 'replace' : 'append';
			return [{rank: c.record.gateway || c.record.nexthops ? 9 : 8, argv: ipIn(ns, ...family(c.record), 'route', verb, ...routeArgs(c.record))}];
		}
		case 'nexthop': {
			// Made again after the addresses its gateway needs and before the routes through it; deleted after
			// those routes (the kernel would take them along, and their own delete then fail), groups first.
			const group = Array.isArray(c.record.group);
			if (c.present) return [{rank: group ? 9.1 : 9.2, argv: ipIn(ns, 'nexthop', 'del', 'id', str(c.record.id))}];
			return [{rank: group ? 6.6 : 6.5, argv: ipIn(ns, 'nexthop', 'replace', ...nexthopArgs(c.record))}];
		}
		case 'rule':
			return [{rank: 10, argv: ipIn(ns, ...family(c.record), 'rule', c.present ? 'del' : 'add', ...ruleArgs(c.record))}];
		case 'neighbour': {
			const r = c.record;
			const at = [str(r.dst), 'dev', str(r.dev)];
			return [{rank: 11, argv: c.present ? ipIn(ns, 'neigh', 'del', ...at) : ipIn(ns, 'neigh', 'replace', str(r.dst), 'lladdr', str(r.lladdr), 'dev', str(r.dev), 'nud', 'permanent')}];
		}
		case 'forwarding':
			return [{rank: 12, argv: execIn(ns, 'sysctl', '-w', `${FORWARDING_KEYS[c.family]}=${c.before ? 1 : 0}`)}];
		case 'namespace':
			return [];
	}
}

/**
 * What brings `now` back to `before`, as commands in the order the kernel needs (master before MTU, links
 * up before their addresses, addresses before the routes through them). What it cannot do is left in
 * the difference a read after it shows (see `unrestored`).
 */
export function restoreSteps(before: KernelState, now: KernelState, ours: (c: StateChange) => boolean = () => true): Argv[] {
	const steps = diffStates(before, now).filter(ours).flatMap((c) => stepsFor(c, now));
	// A stable sort: within a rank, the order of the diff.
	return steps.sort((a, b) => a.rank - b.rank).map((s) => s.argv);
}

/**
 * The changes a plan's undo may take back: whatever was taken away (the kernel takes more than a plan
 * names), but what was added or changed only on what the plan names (`words`, its argv and undo argv).
 * On a live server others add links, addresses and routes meanwhile: an undo must not delete theirs.
 */
const FOLLOWS_LOWER_MTU = new Set(['macvlan', 'macvtap', 'ipvlan', 'ipvtap', 'vlan', 'vxlan']);

export function ownedBy(words: ReadonlySet<string>): (c: StateChange) => boolean {
	return (c) => {
		switch (c.kind) {
			case 'link':
				return !c.present || words.has(c.link.name);
			case 'linkField':
				// The kernel lowers a stacked device's MTU with its lower device's, wherever it is.
				return words.has(c.link) || (c.field === 'mtu' && FOLLOWS_LOWER_MTU.has(c.linkKind));
			case 'address':
				return !c.present || words.has(`${c.address.local}/${c.address.prefixlen}`);
			case 'route':
				return !c.present || words.has(String(c.record.dst));
			case 'rule':
			case 'neighbour':
			case 'nexthop':
			case 'namespace':
				return !c.present;
			case 'forwarding':
				return true;
		}
	};
}

/** Why a difference that remains after a restore could not be undone, where nsdeck knows. */
export function whyLeft(c: StateChange): string | undefined {
	if (c.kind === 'linkField' && c.field === 'carrier') return 'only the kernel sets a carrier (a bridge loses it when its last port leaves)';
	if (c.kind === 'link' && !c.present) return 'nsdeck cannot make it again';
	if (c.kind === 'namespace') return c.present ? undefined : 'nsdeck cannot make it again';
	return undefined;
}
