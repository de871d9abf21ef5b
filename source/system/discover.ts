// Every network namespace this process can see, once each: the host's own; every `ip netns` name; every
// other nsfs bind mount (/proc/self/mountinfo); every namespace some process is in (/proc/PID/ns/net).
// A namespace is itself by its nsfs device and inode, and is reached by its best path: a name, else a
// mount, else the /proc path of its longest-lived process. Each carries a label of who lives there.
//
// Synchronous on purpose: ~10,000 readlinks, which the thread pool would make ~10x slower one by one;
// the app's discoverer remembers processes between calls, so that it reads only new ones (npm run bench
// has the figures). What could not be looked at is counted, never silently left out.
import {closeSync, openSync, readdirSync, readFileSync, readlinkSync, readSync, statSync} from 'node:fs';
import {decodeRawName, encodeRawName} from '../model/raw-names.js';
import {cgroupOwner, cgroupPath} from '../model/cgroup-label.js';
import {compareNames} from '../model/compare-names.js';
import {parseNetnsMounts} from '../model/mountinfo.js';
import {NETNS_DIR, namedId} from '../model/netns-id.js';
import {mininetName} from '../model/netns-label.js';
import {HOST_ID, type NetnsIdentity, type NetnsLabel, type NetnsPlace} from '../model/types.js';
import {RUNTIME_ROOTS, runtimeNames, type RuntimeRoots} from './runtime-names.js';

export interface Discovery {
	/** The host first, then named namespaces (ns2 before ns10), mounted ones by path, process-held by PID. */
	readonly places: readonly NetnsPlace[];
	/** What could not be looked at, by reason (e.g. `no rights` → 12 processes). */
	readonly unseen: Readonly<Record<string, number>>;
}

export interface DiscoverOptions {
	readonly netnsDir?: string;
	readonly proc?: string;
	readonly roots?: RuntimeRoots;
	/**
	 * Processes that do not count as living in a namespace: nsdeck's own children, which enter namespaces
	 * to read or change them (the helper, `nsenter … ip`, ping, x). Counted, they made labels flicker and
	 * named the helper as a namespace's resident.
	 */
	readonly ignore?: ReadonlySet<number>;
}

interface ProcessInfo {
	readonly pid: number;
	readonly start: number;
	readonly command: string;
	/** A Mininet node's name, from `mininet:NAME` in its arguments. */
	readonly mininet?: string;
}

/**
 * What a scan learnt of one process, kept for the next (createDiscoverer): its namespace, and for one
 * outside the host, its start time, command and cgroup. Trusted once seen twice alike, since a process
 * changes namespace and command in its first moments (`unshare --net` then exec) and rarely after; every
 * FULL_EVERY-th scan asks again anyway.
 */
interface Known {
	ino: number;
	sightings: number;
	info?: ProcessInfo;
	cgroup?: string;
}

type Memory = Map<number, Known>;

/** Every this many scans, each process is asked again, trusted or not (PIDs are reused, if rarely). */
const FULL_EVERY = 10;

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;

function identityOf(path: string): NetnsIdentity | undefined {
	try {
		// By its bytes: a name that is no UTF-8 must not stat the file whose name is its U+FFFD form.
		const stat = statSync(encodeRawName(path));
		return stat.isFile() ? {dev: stat.dev, ino: stat.ino} : undefined;
	} catch {
		return undefined;
	}
}

/** `net:[4026531840]` → 4026531840. */
const inoOfLink = (link: string): number | undefined => {
	const match = /^net:\[(\d+)\]$/.exec(link);
	return match ? Number(match[1]) : undefined;
};

/**
 * Every process's namespace inode, and how many could not be looked at, by reason. `memory` keeps what was
 * learnt for the next scan, which then reads only new processes (a readlink in /proc costs ~6 µs: 60 ms at
 * 10,000 processes, every second).
 */
function scanProcesses(proc: string, unseen: Record<string, number>, ignore: ReadonlySet<number>, memory: Memory, full: boolean): Map<number, number[]> {
	const byIno = new Map<number, number[]>();
	const alive = new Set<number>();
	for (const entry of readdirSync(proc)) {
		if (entry.charCodeAt(0) > 57 || !/^\d+$/.test(entry)) continue;
		const pid = Number(entry);
		if (ignore.has(pid)) continue;
		alive.add(pid);
		let known = memory.get(pid);
		if (full || !known || known.sightings < 2) {
			let ino: number | undefined;
			try {
				ino = inoOfLink(readlinkSync(`${proc}/${entry}/ns/net`));
			} catch (error) {
				const code = errorCode(error);
				// Gone meanwhile (ENOENT, ESRCH): nothing left to see.
				if (code === 'EACCES' || code === 'EPERM') unseen['no rights to see a process'] = (unseen['no rights to see a process'] ?? 0) + 1;
				memory.delete(pid);
				continue;
			}
			if (ino === undefined) continue;
			known = known?.ino === ino ? {...known, sightings: known.sightings + 1} : {ino, sightings: 1};
			memory.set(pid, known);
		}
		const pids = byIno.get(known.ino);
		if (pids) pids.push(pid);
		else byIno.set(known.ino, [pid]);
	}
	for (const pid of memory.keys()) if (!alive.has(pid)) memory.delete(pid);
	return byIno;
}

/** Reused by readLatin1: a /proc/PID/stat is a few hundred bytes. */
let statBuffer = Buffer.allocUnsafe(4096);

/**
 * A /proc file's bytes as latin1 (one character per byte). readFileSync(path, 'latin1') takes Node's
 * general path (a stat, a new buffer, reads until end) at ~2x the cost; at 1,000 process-held namespaces
 * that was ~10-40 ms of `nsdeck show` (bench/show-json.mjs).
 */
function readLatin1(path: string): string {
	const fd = openSync(path, 'r');
	try {
		let length = 0;
		for (;;) {
			if (length === statBuffer.length) {
				const bigger = Buffer.allocUnsafe(statBuffer.length * 2);
				statBuffer.copy(bigger);
				statBuffer = bigger;
			}
			const n = readSync(fd, statBuffer, length, statBuffer.length - length, null);
			if (n === 0) return statBuffer.toString('latin1', 0, length);
			length += n;
		}
	} finally {
		closeSync(fd);
	}
}

/** Start time (clock ticks since boot) and command, from /proc/PID/stat; undefined once the process is gone. */
function readProcessInfo(proc: string, pid: number): ProcessInfo | undefined {
	try {
		const stat = readLatin1(`${proc}/${pid}/stat`);
		// The command is in parentheses and may hold anything, spaces and ')' included: the last ')' ends it.
		const close = stat.lastIndexOf(')');
		const command = stat.slice(stat.indexOf('(') + 1, close);
		const start = Number(stat.slice(close + 2).split(' ')[19]);
		const mininet = mininetName(readCmdline(proc, pid));
		return {pid, start, command, ...(mininet ? {mininet} : {})};
	} catch {
		return undefined;
	}
}

/** A process's arguments, or none when it is gone or hides them. */
function readCmdline(proc: string, pid: number): string[] {
	try {
		return readFileSync(`${proc}/${pid}/cmdline`, 'utf8').split('\0');
	} catch {
		return [];
	}
}

function readCgroup(proc: string, pid: number): string {
	try {
		return cgroupPath(readFileSync(`${proc}/${pid}/cgroup`, 'utf8')) ?? '';
	} catch {
		return ''; // Gone, or hidden: the label has the process alone.
	}
}

/** Asked again until the process has been seen twice (its first moments), then remembered. */
function processInfo(proc: string, pid: number, memory: Memory, full: boolean): ProcessInfo | undefined {
	const known = memory.get(pid);
	if (known?.info && known.sightings >= 2 && !full) return known.info;
	const info = readProcessInfo(proc, pid);
	if (known) known.info = info;
	return info;
}

function cgroupOf(proc: string, pid: number, memory: Memory, full: boolean): string {
	const known = memory.get(pid);
	if (known?.cgroup !== undefined && known.sightings >= 2 && !full) return known.cgroup;
	const cgroup = readCgroup(proc, pid);
	if (known) known.cgroup = cgroup;
	return cgroup;
}

function labelOf(proc: string, pids: readonly number[], roots: RuntimeRoots, memory: Memory, full: boolean): NetnsLabel {
	let main: ProcessInfo | undefined;
	for (const pid of pids) {
		const info = processInfo(proc, pid, memory, full);
		if (info && (!main || info.start < main.start || (info.start === main.start && info.pid < main.pid))) main = info;
	}
	if (!main) return {processes: pids.length};
	const owner = cgroupOwner(cgroupOf(proc, main.pid, memory, full));
	const names = owner.container ? runtimeNames(owner.container.runtime, owner.container.id, roots) : {};
	return {
		processes: pids.length,
		main: {pid: main.pid, command: main.command},
		...(owner.container ? {container: {...owner.container, ...(names.name ? {name: names.name} : {})}} : {}),
		...(names.pod ? {pod: names.pod} : {}),
		...(owner.unit ? {unit: owner.unit} : {}),
		...(main.mininet ? {mininet: main.mininet} : {}),
	};
}

/**
 * A discovery that remembers what it learnt of processes between calls (see Known), for the app, which
 * finds the list again every second. Each call returns the whole picture.
 */
export function createDiscoverer(options: Omit<DiscoverOptions, 'ignore'> = {}): (ignore?: ReadonlySet<number>) => Discovery {
	const memory: Memory = new Map();
	let scans = 0;
	return (ignore) => discover({...options, ignore}, memory, scans++ % FULL_EVERY === 0);
}

/** One discovery, from nothing (`nsdeck show`, tests). */
export const discoverNamespaces = (options: DiscoverOptions = {}): Discovery => discover(options, new Map(), true);

/** The last mountinfo and its nsfs mounts: read every second, it rarely changes, and 2,000 lines take a while to parse. */
let lastMounts: {readonly text: string; readonly mounts: ReturnType<typeof parseNetnsMounts>} = {text: '', mounts: []};

function mountsOf(text: string): ReturnType<typeof parseNetnsMounts> {
	if (text !== lastMounts.text) lastMounts = {text, mounts: parseNetnsMounts(text)};
	return lastMounts.mounts;
}

function discover({netnsDir = NETNS_DIR, proc = '/proc', roots = RUNTIME_ROOTS, ignore = new Set()}: DiscoverOptions, memory: Memory, full: boolean): Discovery {
	const unseen: Record<string, number> = {};
	const hostPath = `${proc}/self/ns/net`;
	const hostIdentity = identityOf(hostPath);
	const seen = new Set<number>(hostIdentity ? [hostIdentity.ino] : []);
	const host: NetnsPlace = {id: HOST_ID, kind: 'host', path: hostPath, ...(hostIdentity ? {identity: hostIdentity} : {})};
	const nsfsDev = hostIdentity?.dev;
	const places: NetnsPlace[] = [];

	let names: string[] = [];
	try {
		// As bytes: a name that is no UTF-8 would read as another's (raw-names.ts).
		names = readdirSync(netnsDir, {encoding: 'buffer'}).map(decodeRawName).sort(compareNames);
	} catch {
		// No /run/netns yet: nobody has run `ip netns add`.
	}
	// The mounts first: a name's nsfs mount says its inode, so that 1,000 names cost no 1,000 stats every
	// second. A name not (yet) mounted, or mounted over by something else, is looked at itself.
	let mountinfo = '';
	try {
		mountinfo = readFileSync(`${proc}/self/mountinfo`, 'utf8');
	} catch {
		unseen['no /proc/self/mountinfo'] = 1;
	}
	const allMounts = mountsOf(mountinfo);
	const topMount = new Map(allMounts.map((m) => [m.path, m]));
	for (const name of names) {
		const path = `${netnsDir}/${name}`;
		const mounted = topMount.get(path);
		// Not for a name with U+FFFD: mountinfo, read as UTF-8, says a name that is no UTF-8 that way too.
		const identity = mounted?.top && nsfsDev !== undefined && !path.includes('\uFFFD') ? {dev: nsfsDev, ino: mounted.ino} : identityOf(path);
		// Not a namespace (a FIFO, a file left by a failed `ip netns add`): listed, and its read says why.
		const real = identity && identity.dev === nsfsDev ? identity : undefined;
		if (real && seen.has(real.ino)) continue; // Another name for one already listed (or the host).
		if (real) seen.add(real.ino);
		places.push({id: namedId(name), kind: 'named', path, ...(real ? {identity: real} : {})});
	}

	const mounts = allMounts
		.filter((m) => !m.path.startsWith(`${netnsDir}/`))
		.sort((a, b) => compareNames(a.path, b.path));
	for (const mount of mounts) {
		if (seen.has(mount.ino)) continue;
		// Still there, and not hidden under a later mount: the path itself must be this namespace.
		const identity = identityOf(mount.path);
		if (identity?.ino !== mount.ino) continue;
		seen.add(mount.ino);
		places.push({id: mount.path, kind: 'mounted', path: mount.path, identity});
	}

	const byIno = scanProcesses(proc, unseen, ignore, memory, full);
	const labelled = places.map((place) => {
		const pids = place.identity ? byIno.get(place.identity.ino) : undefined;
		return pids ? {...place, label: labelOf(proc, pids, roots, memory, full)} : place;
	});
	const held: NetnsPlace[] = [];
	for (const [ino, pids] of byIno) {
		if (seen.has(ino) || nsfsDev === undefined) continue;
		const label = labelOf(proc, pids, roots, memory, full);
		if (!label.main) continue; // Every process in it exited meanwhile.
		const path = `${proc}/${label.main.pid}/ns/net`;
		held.push({id: path, kind: 'process', path, identity: {dev: nsfsDev, ino}, label});
	}
	held.sort((a, b) => (a.label?.main?.pid ?? 0) - (b.label?.main?.pid ?? 0));
	return {places: [host, ...labelled, ...held], unseen};
}
