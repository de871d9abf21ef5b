// Reads the world: every namespace discovery finds (discover.ts). One namespace is read with
// `nsenter --net=PATH ip -j -d -b -` (cheaper than `ip -n NAME`, whose cost grows with the mount table);
// many at once with nsdeck-netdump (netdump.ts), or, without it, with `nsenter … ip` per namespace.
import {readdirSync, statSync} from 'node:fs';
import {readdir} from 'node:fs/promises';
import {compareNames} from '../model/compare-names.js';
import {decodeRawName, encodeRawName, isRawName} from '../model/raw-names.js';
import {BATCH_DOCUMENTS, BATCH_READ, BULK_READ, parseBatchRead, parseNsids} from '../model/parse.js';
import {STACKED_KINDS, peerResolver} from '../model/topology.js';
import type {Netns, NsidEntry, World} from '../model/types.js';
import {chunk, runBulk, type NetnsBatchListener} from './bulk-read.js';
import {discoverNamespaces} from './discover.js';
import type {FrameServer} from './frame-server.js';
import {frameNetns, loadIprouteNames, readWithNetdump} from './netdump.js';
import {errorText, type Runner} from './runner.js';
import {NETNS_DIR, hostLocation, inNamespace, namedLocation, type NetnsLocation} from './netns-location.js';


/** Named namespaces, sorted the way people read them (ns2 before ns10). */
export async function listNamed(dir = NETNS_DIR): Promise<NetnsLocation[]> {
	let names: string[];
	try {
		names = (await readdir(dir, {encoding: 'buffer'})).map(decodeRawName);
	} catch {
		return []; // No /run/netns yet: nobody has run `ip netns add`.
	}
	return names.sort(compareNames).map(namedLocation);
}



/** argv that reads one namespace with ip. */
export const readArgv = (location: NetnsLocation): string[] => inNamespace(location, ['ip', '-j', '-d', '-b', '-']);

/** One namespace with `ip`: links, addresses, routes and the nsid table in one batch. */
export async function readNamespaceWithIp(run: Runner, location: NetnsLocation): Promise<Netns> {
	const base = {...location};
	// nsenter would block opening a FIFO left in /run/netns: a namespace file is a regular one (nsfs).
	const strange = location.kind === 'host' ? undefined : notANamespaceFile(location.path);
	if (strange) return {...base, links: [], routes: [], nsids: [], error: strange};
	// Without its nsid names (so without `netns list-id`) when /run/netns holds a FIFO: ip would block on it.
	const result = await run(readArgv(location), {input: nsidNamesReadable() ? BATCH_READ : BULK_READ, timeoutMs: 5_000});
	// ip exits non-zero if any batch line failed; the documents that did print are still good.
	try {
		return {...base, ...parseBatchRead(result.stdout)};
	} catch {
		return {...base, links: [], routes: [], nsids: [], error: errorText(result)};
	}
}

/**
 * `ip netns list-id` names nsids by opening every entry of /run/netns, and blocks for ever on a FIFO
 * there: it is only asked when every entry is a regular file (a namespace, or a symlink to one).
 */
function nsidNamesReadable(dir = NETNS_DIR): boolean {
	try {
		return readdirSync(dir).every((name) => notANamespaceFile(`${dir}/${name}`) === undefined);
	} catch {
		return true; // No /run/netns: nothing to block on.
	}
}

/** ip and nsenter take a path as text: one that is no UTF-8 would reach another namespace. */
const NOT_UTF8 = 'its name is not UTF-8: ip cannot be given it exactly, so nsdeck reads it only with its helper, and changes nothing in it';

function notANamespaceFile(path: string): string | undefined {
	if (isRawName(path)) return NOT_UTF8;
	try {
		// Followed: `ln -s /proc/PID/ns/net /run/netns/NAME` is a common way to name a container's namespace.
		const stat = statSync(encodeRawName(path));
		return stat.isFile() ? undefined : `not a namespace: ${stat.isFIFO() ? 'a FIFO' : stat.isDirectory() ? 'a directory' : 'a special file'}`;
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	}
}

/** Where the helper finds a namespace: it moves between namespaces, so /proc/self would not stay ours. */
export const helperLocation = (location: NetnsLocation): NetnsLocation => (location.kind === 'host' ? {...location, path: `/proc/${process.pid}/ns/net`} : location);

/**
 * One namespace, with the netdump helper when there is one: the host of a busy server has thousands of
 * links, which ip takes ~200 ms to print as JSON (at 1,000 namespaces) and the helper ~50 ms to dump.
 * The helper also names the nsids, as `ip netns list-id` would (one process fewer at start), and all of
 * them (see readNsids). Asked through `server` (frame-server.ts, nsids named after NETNS_DIR) when
 * given; a helper of its own otherwise, or when the server gave no answer.
 */
export async function readNamespace(run: Runner, location: NetnsLocation, netdump?: string, server?: FrameServer): Promise<Netns> {
	if (!netdump) return readNamespaceWithIp(run, location);
	const at = helperLocation(location);
	const frame = server && (await server.ask('r', at.path));
	const [netns] = frame ? [frameNetns(at, frame, loadIprouteNames(), true)] : (await readWithNetdump(netdump, [at], {nsidNames: NETNS_DIR})).namespaces;
	if (!netns || netns.error) return readNamespaceWithIp(run, location); // Gone, or unreadable: let ip say why.
	return {...netns, path: location.path};
}

/**
 * A namespace's nsid table, named. The helper's holds the nsid of every namespace in /run/netns; `ip netns
 * list-id`'s ends where the kernel ends its nsid dump, after ~134 on kernels seen here (native/nsid-names.c),
 * so it serves only without the helper.
 */
export async function readNsids(run: Runner, location: NetnsLocation, netdump?: string): Promise<readonly NsidEntry[]> {
	if (netdump) {
		const [netns] = (await readWithNetdump(netdump, [helperLocation(location)], {nsidNames: NETNS_DIR, nsidsOnly: true})).namespaces;
		if (netns && !netns.error) return netns.nsids;
	}
	if (!nsidNamesReadable()) return [];
	const result = await run(inNamespace(location, ['ip', '-j', 'netns', 'list-id']), {timeoutMs: 10_000});
	return result.exitCode === 0 ? parseNsids(result.stdout) : [];
}

/** Run `task` over `items` with at most `limit` at once, keeping order. Two cores: more buys nothing. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
	const results = new Array<R>(items.length);
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < items.length) {
			const index = next++;
			results[index] = await task(items[index]);
		}
	};
	await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker));
	return results;
}

export const READ_CONCURRENCY = 2;

/**
 * What the bulk read asks each named namespace. No `netns list-id`: ip names each nsid by opening every
 * entry of /run/netns and asking the kernel, so it costs O(namespaces) per namespace (measured 29 ms each
 * at 1,000, O(n²) in all). Peers are found by back-reference instead, and list-id is read only where that
 * leaves a veth unresolved (see readMissingNames).
 */
const NAMES_READ = 'netns list-id\n';

/** Namespaces per xargs: small enough for steady progress, large enough that Node spawns rarely. */
export const BULK_CHUNK = 50;

/** Read named namespaces with `ip`, in chunks, 2 chunks at once; `onBatch` hears each chunk as it lands. */
export async function readManyWithIp(run: Runner, all: readonly NetnsLocation[], onBatch?: NetnsBatchListener): Promise<Netns[]> {
	// What is not a namespace file (a FIFO would block ip for ever) is answered here, unread.
	const strange = all.flatMap((location) => {
		const error = notANamespaceFile(location.path);
		return error ? [{...location, links: [], routes: [], nsids: [], error}] : [];
	});
	if (strange.length > 0) onBatch?.(strange);
	const locations = all.filter((location) => !strange.some((s) => s.id === location.id));
	const chunks = chunk(locations, BULK_CHUNK);
	const read = await mapLimited(chunks, READ_CONCURRENCY, async (part) => {
		const outputs = await runBulk(run, part.map((l) => l.path), BULK_READ, BATCH_DOCUMENTS);
		const batch = await Promise.all(
			part.map(async (location, i) => {
				const docs = outputs[i];
				// The chunk did not add up (a namespace vanished mid-read): read this one alone.
				if (!docs) return readNamespaceWithIp(run, location);
				return {...location, ...parseBatchRead(docs.join('\n'))};
			}),
		);
		onBatch?.(batch);
		return batch;
	});
	return [...strange, ...read.flat()];
}

/**
 * Read namespaces (other than the host) with the netdump helper when there is one; whatever it could not
 * answer (it failed to start or died) is read with `ip`. Namespaces that vanished meanwhile are left out.
 */
export async function readMany(run: Runner, locations: readonly NetnsLocation[], onBatch?: NetnsBatchListener, netdump?: string): Promise<Netns[]> {
	if (!netdump) return readManyWithIp(run, locations, onBatch);
	const {namespaces, unanswered} = await readWithNetdump(netdump, locations, {onBatch});
	const rest = await readManyWithIp(run, unanswered, onBatch);
	const read = new Map([...namespaces, ...rest].map((n) => [n.id, n]));
	return locations.flatMap((l) => read.get(l.id) ?? []);
}

/**
 * Namespaces with a veth whose other end back-references cannot pin down, or a device stacked on one in
 * another namespace (a pod's macvlan): they need their nsid names.
 */
export function namespacesNeedingNames(world: World): Netns[] {
	const resolvePeer = peerResolver(world);
	return world.namespaces.filter(
		(ns) =>
			ns.kind !== 'host' &&
			ns.nsids.length === 0 &&
			ns.links.some((l) => l.peerHint?.netnsid !== undefined && (STACKED_KINDS.has(l.kind) || (l.kind === 'veth' && !resolvePeer(ns, l)))),
	);
}

/** Read `netns list-id` where peers stayed ambiguous, and put the names into the world. */
export async function readMissingNames(run: Runner, world: World): Promise<World> {
	const needing = namespacesNeedingNames(world);
	if (needing.length === 0 || !nsidNamesReadable()) return world;
	const named = new Map<string, Netns>();
	for (const part of chunk(needing, BULK_CHUNK)) {
		const outputs = await runBulk(run, part.map((n) => n.path), NAMES_READ, 1);
		part.forEach((ns, i) => {
			const docs = outputs[i];
			if (docs) named.set(ns.id, {...ns, nsids: parseNsids(docs[0])});
		});
	}
	return {namespaces: world.namespaces.map((n) => named.get(n.id) ?? n)};
}

/**
 * Every namespace discovery finds (or those of `places`, the host first), read: with the helper in one run
 * that names the host's nsids only; what it could not answer, with ip.
 */
export async function readWorld(run: Runner, netdump?: string, places: readonly NetnsLocation[] = discoverNamespaces().places): Promise<World> {
	const [hostPlace = hostLocation, ...others] = places;
	if (!netdump) {
		const [host, rest] = await Promise.all([readNamespace(run, hostPlace), readMany(run, others)]);
		return readMissingNames(run, {namespaces: [host, ...rest]});
	}
	const {namespaces, unanswered} = await readWithNetdump(netdump, [helperLocation(hostPlace), ...others], {nsidNames: NETNS_DIR, namesFirstOnly: true});
	const read = new Map(namespaces.map((n) => [n.id, n]));
	const helperHost = read.get(hostPlace.id);
	const host = helperHost && !helperHost.error ? {...helperHost, path: hostPlace.path} : await readNamespaceWithIp(run, hostPlace);
	const rest = await readManyWithIp(run, unanswered.filter((l) => l.id !== hostPlace.id));
	for (const n of rest) read.set(n.id, n);
	return readMissingNames(run, {namespaces: [host, ...others.flatMap((l) => read.get(l.id) ?? [])]});
}
