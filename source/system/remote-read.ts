// A server's world, read over its SSH master: its named namespaces (`ip -j netns list`), then all of them
// at once with the helper where it can run there (remote-helper.ts), else with `ip -j` per namespace
// through the same connection. Everything the server prints is untrusted, as the kernel's output here is:
// it is parsed by the same parser and drawn through the same escaping.
import {compareNames} from '../model/compare-names.js';
import {escapeRawControls, BATCH_READ, BULK_READ, parseBatchRead} from '../model/parse.js';
import {HOST_ID, type Netns, type World} from '../model/types.js';
import {readWithNetdump} from './netdump.js';
import {namedLocation, type NetnsLocation} from './netns-location.js';
import {remoteArch, remoteHelperRun, type SendableHelper} from './remote-helper.js';
import {READ_CONCURRENCY, mapLimited, readArgv} from './snapshot.js';
import type {SshHost} from './ssh-transport.js';

export interface RemoteReadOptions {
	/** The helper nsdeck could send; none: read with ip. */
	readonly helper?: SendableHelper;
	/** False with --no-upload: never write on the server. */
	readonly upload: boolean;
	/** Whether the helper fits the server's CPU, when that was asked already (connect-servers.ts). */
	readonly fits?: boolean;
}

export interface RemoteWorld {
	readonly dest: string;
	/** Undefined when the server could not be read: then `problem` says why, in one line. */
	readonly world?: World;
	readonly problem?: string;
	/** Who read it: the helper on the server, or ip. */
	readonly reader?: 'helper' | 'ip';
}

/** The server's own namespace: the first path the helper opens, while still in it; ip runs there already. */
export const REMOTE_HOST: NetnsLocation = {id: HOST_ID, kind: 'host', path: '/proc/self/ns/net'};

/** Names of `ip -j netns list` (a name may hold anything but '/' and NUL: JSON keeps them whole). */
export function parseNetnsList(stdout: string): string[] {
	const text = stdout.trim();
	if (text === '') return [];
	const value: unknown = JSON.parse(escapeRawControls(text));
	if (!Array.isArray(value)) throw new Error('expected a JSON array from ip -j netns list');
	const names = value.flatMap((entry) => (typeof (entry as {name?: unknown})?.name === 'string' ? [(entry as {name: string}).name] : []));
	return names.filter((name) => name !== '' && !name.includes('/')).sort(compareNames);
}

export async function readRemoteWorld(host: SshHost, {helper, upload}: RemoteReadOptions): Promise<RemoteWorld> {
	const {dest} = host;
	// Whether the helper fits is asked alongside the list: one round trip less before the first frame.
	const fits = helper ? helperFits(host, helper).catch(() => false) : Promise.resolve(false);
	const listed = await host.run(['ip', '-j', 'netns', 'list']);
	if (listed.exitCode !== 0) return {dest, problem: host.problem(listed)};
	let names: string[];
	try {
		names = parseNetnsList(listed.stdout);
	} catch (error) {
		return {dest, problem: `${dest}: unreadable answer from ip netns list (${error instanceof Error ? error.message : String(error)})`};
	}
	const locations = [REMOTE_HOST, ...names.map(namedLocation)];
	const byHelper = helper && (await fits) ? await readWithHelper(host, helper, upload, locations) : undefined;
	if (byHelper) return {dest, world: {namespaces: byHelper}, reader: 'helper'};
	const host0 = await readOneWithIp(host, REMOTE_HOST);
	if (host0.error) return {dest, problem: host0.error};
	const rest = await mapLimited(locations.slice(1), READ_CONCURRENCY * 2, (location) => readOneWithIp(host, location));
	return {dest, world: {namespaces: [host0, ...rest]}, reader: 'ip'};
}

/** Whether the server runs Linux on the CPU the helper was built for. */
export async function helperFits(host: SshHost, helper: SendableHelper): Promise<boolean> {
	const uname = await host.run(['uname', '-sm']);
	return uname.exitCode === 0 && remoteArch(uname.stdout) === helper.arch;
}

/**
 * Every namespace with the helper, in one session, or undefined when it could not run or answered
 * nothing. `onBatch` gets them as they come (the app's progress), those the helper did not answer after.
 */
export async function readWithHelper(host: SshHost, helper: SendableHelper, upload: boolean, locations: readonly NetnsLocation[], onBatch?: (batch: readonly Netns[]) => void): Promise<Netns[] | undefined> {
	try {
		const {run} = remoteHelperRun(host, helper, upload);
		const {namespaces, unanswered} = await readWithNetdump(helper.name, locations, {nsidNames: '/run/netns', namesFirstOnly: true, run, onBatch});
		if (namespaces.length === 0 || unanswered.length === locations.length) return undefined;
		const rest = await mapLimited(unanswered, READ_CONCURRENCY * 2, async (location) => {
			const netns = await readOneWithIp(host, location);
			onBatch?.([netns]);
			return netns;
		});
		const read = new Map([...namespaces, ...rest].map((n) => [n.id, n]));
		return locations.flatMap((l) => read.get(l.id) ?? []);
	} catch {
		return undefined;
	}
}

/**
 * One namespace with `ip -j -d -b -` (the host's with its nsid names), as readArgv runs it here.
 * `lostThrows`: when ssh itself failed (exit status 255: the connection, not the namespace), throw, so
 * that the app keeps what it showed instead of marking the namespace unreadable.
 */
export async function readOneWithIp(host: SshHost, location: NetnsLocation, {lostThrows = false} = {}): Promise<Netns> {
	const result = await host.run(readArgv(location), {input: location.kind === 'host' ? BATCH_READ : BULK_READ, timeoutMs: 30_000});
	if (lostThrows && result.exitCode === 255) throw new Error(host.problem(result));
	try {
		return {...location, ...parseBatchRead(result.stdout)};
	} catch {
		return {...location, links: [], routes: [], nsids: [], error: host.problem(result)};
	}
}
