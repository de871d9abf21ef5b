// Reads the world: the host's own namespace and every named one, one `ip` process per namespace.
// `nsenter --net=PATH ip -j -d -b -` costs less than `ip -n NAME`, whose cost grows with the mount table.
import {readdir} from 'node:fs/promises';
import {compareNames} from '../model/format.js';
import {BATCH_READ, parseBatchRead} from '../model/parse.js';
import {HOST_ID, type Netns, type NetnsKind, type World} from '../model/types.js';
import {errorText, type Runner} from './runner.js';

export const NETNS_DIR = '/run/netns';

export interface NetnsLocation {
	readonly id: string;
	readonly kind: NetnsKind;
	readonly path: string;
}

export const hostLocation: NetnsLocation = {id: HOST_ID, kind: 'host', path: '/proc/self/ns/net'};

export const namedLocation = (name: string): NetnsLocation => ({id: name, kind: 'named', path: `${NETNS_DIR}/${name}`});

/** Named namespaces, sorted the way people read them (ns2 before ns10). */
export async function listNamed(dir = NETNS_DIR): Promise<NetnsLocation[]> {
	let names: string[];
	try {
		names = await readdir(dir);
	} catch {
		return []; // No /run/netns yet: nobody has run `ip netns add`.
	}
	return names.sort(compareNames).map(namedLocation);
}


/** argv that reads one namespace; the host is read in our own namespace without nsenter. */
export function readArgv(location: NetnsLocation): string[] {
	const ip = ['ip', '-j', '-d', '-b', '-'];
	return location.kind === 'host' ? ip : ['nsenter', `--net=${location.path}`, ...ip];
}

export async function readNamespace(run: Runner, location: NetnsLocation): Promise<Netns> {
	const result = await run(readArgv(location), {input: BATCH_READ, timeoutMs: 5_000});
	const base = {id: location.id, kind: location.kind, path: location.path};
	// ip exits non-zero if any batch line failed; the documents that did print are still good.
	try {
		return {...base, ...parseBatchRead(result.stdout)};
	} catch {
		return {...base, links: [], routes: [], nsids: [], error: errorText(result)};
	}
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

export async function readWorld(run: Runner, dir = NETNS_DIR): Promise<World> {
	const locations = [hostLocation, ...(await listNamed(dir))];
	const namespaces = await mapLimited(locations, READ_CONCURRENCY, (l) => readNamespace(run, l));
	return {namespaces};
}
