// The fast bulk read: one nsdeck-netdump process (native/netdump.c) enters every namespace in turn, asks
// the kernel for its links, addresses and routes, and hands back the records `ip -j -d` would give, as
// JSON (native/netlink-json.c), which the one parser reads (model/parse.ts). Measured at
// 1,000 namespaces: ~0.1 s for the helper, where `nsenter … ip` per namespace needs ~1.9 s (two exec()s
// per namespace). Without the helper (no C compiler at build), or for
// whatever it could not read, nsdeck falls back to the `nsenter … ip` path.
import {readdirSync, readFileSync} from 'node:fs';
import {encodeRawName, isRawName} from '../model/raw-names.js';
import {constants} from 'node:os';
import {join} from 'node:path';
import {BUILTIN_NAMES, withNames, type IprouteNames} from '../model/iproute-names.js';
import {parseHelperRecords, type BatchRead} from '../model/parse.js';
import type {Netns, NsidEntry} from '../model/types.js';
import type {NetnsBatchListener} from './bulk-read.js';
import {backgroundSlot} from './background-slot.js';
import {streamBytes, type ByteStreamOptions, type CommandResult} from './runner.js';
import type {NetnsLocation} from './netns-location.js';


const utf8 = new TextDecoder();

type HelperRecords = Omit<BatchRead, 'nsids'> & {readonly nsids?: readonly NsidEntry[]};

/** One namespace's records from the helper; its nsid table only when the helper was asked for it. */
function helperRecords(bytes: Uint8Array, names: IprouteNames): HelperRecords {
	const {named, nsids, ...rest} = parseHelperRecords(utf8.decode(bytes), names);
	return named ? {...rest, nsids} : rest;
}

/**
 * The last frames of single reads (the selected namespace, polled every 2 s) and what they parsed to: a
 * frame byte for byte the same gives the same records objects, so the host of a busy server (1,000 links,
 * ~1 MB) is neither parsed again nor compared as JSON (state/world-updates.ts sameRead). A few only: the
 * bulk reads of every namespace keep nothing.
 */
const lastSingle = new Map<string, {readonly bytes: Uint8Array; readonly names: IprouteNames; readonly records: HelperRecords}>();
const SINGLE_KEPT = 4;

function singleRecords(path: string, bytes: Uint8Array, names: IprouteNames): HelperRecords {
	const last = lastSingle.get(path);
	if (last && last.names === names && Buffer.compare(last.bytes, bytes) === 0) return last.records;
	const records = helperRecords(bytes, names);
	lastSingle.delete(path);
	lastSingle.set(path, {bytes: Uint8Array.from(bytes), names, records});
	for (const oldest of lastSingle.keys()) if (lastSingle.size > SINGLE_KEPT) lastSingle.delete(oldest);
	return records;
}

const FRAME_HEADER = 12;
/** The helper writes frame headers in the host's byte order. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export interface DumpFrame {
	readonly index: number;
	/** 0, or the errno that stopped this namespace's read. */
	readonly errno: number;
	readonly bytes: Uint8Array;
}

/**
 * Cuts the helper's stdout into frames as chunks arrive. A frame may span many chunks (the host of a busy
 * server dumps megabytes): chunks are kept as they are and each frame is copied out once, when complete.
 */
export function frameSplitter(onFrame: (frame: DumpFrame) => void): (chunk: Uint8Array) => void {
	const chunks: Uint8Array[] = [];
	let buffered = 0;
	/** The first `n` buffered bytes as one array (a copy only when they span chunks), and drop them. */
	const take = (n: number): Uint8Array => {
		const first = chunks[0];
		let out: Uint8Array;
		if (first && first.length >= n) {
			out = first.subarray(0, n);
		} else {
			out = new Uint8Array(n);
			let filled = 0;
			for (const c of chunks) {
				if (filled === n) break;
				const part = c.subarray(0, n - filled);
				out.set(part, filled);
				filled += part.length;
			}
		}
		let left = n;
		while (left > 0 && chunks.length > 0) {
			const c = chunks[0];
			if (c.length <= left) {
				left -= c.length;
				chunks.shift();
			} else {
				chunks[0] = c.subarray(left);
				left = 0;
			}
		}
		buffered -= n;
		return out;
	};
	let header: DataView | undefined;
	return (chunk) => {
		chunks.push(chunk);
		buffered += chunk.length;
		for (;;) {
			if (!header) {
				if (buffered < FRAME_HEADER) return;
				const bytes = take(FRAME_HEADER);
				header = new DataView(bytes.buffer, bytes.byteOffset, FRAME_HEADER);
			}
			const length = header.getUint32(8, LITTLE_ENDIAN);
			if (buffered < length) return;
			onFrame({index: header.getUint32(0, LITTLE_ENDIAN), errno: header.getInt32(4, LITTLE_ENDIAN), bytes: take(length)});
			header = undefined;
		}
	};
}

const ERRNO_NAMES = new Map(Object.entries(constants.errno).map(([name, number]) => [number, name]));
const ERRNO_TEXT: Readonly<Record<string, string>> = {
	ENOENT: 'no such namespace',
	EPERM: 'not permitted (entering a namespace needs CAP_SYS_ADMIN)',
	EACCES: 'permission denied',
	EINVAL: 'not a network namespace',
};
const errnoText = (errno: number): string => {
	const name = ERRNO_NAMES.get(errno) ?? `errno ${errno}`;
	return ERRNO_TEXT[name] ?? name;
};

/** Names from /etc/iproute2 (and /usr/share/iproute2, where newer iproute2 keeps its defaults), read once. */
let iprouteNames: IprouteNames | undefined;
export function loadIprouteNames(): IprouteNames {
	if (iprouteNames) return iprouteNames;
	const read = (base: string): string => {
		const texts: string[] = [];
		for (const dir of ['/usr/share/iproute2', '/etc/iproute2']) {
			try {
				texts.push(readFileSync(join(dir, base), 'utf8'));
			} catch {
				// Not every system has every file.
			}
			try {
				for (const file of readdirSync(join(dir, `${base}.d`)).filter((f) => f.endsWith('.conf')).sort()) texts.push(readFileSync(join(dir, `${base}.d`, file), 'utf8'));
			} catch {
				// No .d directory.
			}
		}
		return texts.join('\n');
	};
	iprouteNames = withNames(BUILTIN_NAMES, {tables: read('rt_tables'), protocols: read('rt_protos'), scopes: read('rt_scopes'), dsfields: read('rt_dsfield')});
	return iprouteNames;
}

/**
 * A few paths go to the helper as arguments, so that it starts reading at once: written to its stdin, they
 * would wait until our main thread is free, ~10 ms at start while the UI's modules load. Thousands go on
 * stdin, which has no size limit.
 */
const MOST_PATHS_AS_ARGUMENTS = 64;

/** Hand namespaces to `onBatch` in groups this big: each group is one dispatch and one render. */
const BATCH = 100;

export interface NetdumpRead {
	/** What the helper read; namespaces that vanished meanwhile (ENOENT) are left out. */
	readonly namespaces: Netns[];
	/** Locations the helper gave no answer for (it failed or died): read these another way. */
	readonly unanswered: NetnsLocation[];
}

export interface NetdumpOptions {
	readonly onBatch?: NetnsBatchListener;
	/** Also name each namespace's nsids after this directory's entries (/run/netns), as `ip netns list-id` does. */
	readonly nsidNames?: string;
	/** With nsidNames: read the nsid table only (links and routes come back empty). */
	readonly nsidsOnly?: boolean;
	/** With nsidNames: name the first location's nsids only (the host's, read with all the others). */
	readonly namesFirstOnly?: boolean;
	/** Runs the helper's argv (its first word the helper); streamBytes here, a server's ssh for --host. */
	readonly run?: (argv: readonly string[], options: ByteStreamOptions) => Promise<CommandResult>;
}

/**
 * The namespace a helper's frame says `location` holds; undefined when it vanished before it was read.
 * A single read (`single`) gives back the records of the last identical frame (singleRecords).
 */
export function frameNetns(location: NetnsLocation, {errno, bytes}: DumpFrame, names: IprouteNames, single: boolean): Netns | undefined {
	if (errno === constants.errno.ENOENT) return undefined;
	const base = {...location, nsids: [] as NsidEntry[]};
	const records = errno ? undefined : single ? singleRecords(location.path, bytes, names) : helperRecords(bytes, names);
	return records ? {...base, ...records} : {...base, links: [], routes: [], error: errnoText(errno)};
}

export async function readWithNetdump(helper: string, locations: readonly NetnsLocation[], {onBatch, nsidNames, nsidsOnly, namesFirstOnly, run = streamBytes}: NetdumpOptions = {}): Promise<NetdumpRead> {
	if (locations.length === 0) return {namespaces: [], unanswered: []};
	const names = loadIprouteNames();
	const answered = new Array<boolean>(locations.length).fill(false);
	let answers = 0;
	let allAnswered = (): void => {};
	const everyAnswer = new Promise<void>((resolve) => (allAnswered = resolve));
	const namespaces: Netns[] = [];
	let batch: Netns[] = [];
	const flush = (): void => {
		if (batch.length > 0) onBatch?.(batch);
		batch = [];
	};
	const onFrame = ({index, errno, bytes}: DumpFrame): void => {
		const location = locations[index];
		if (!location || answered[index]) return;
		answered[index] = true;
		if (++answers === locations.length) allAnswered();
		const netns = frameNetns(location, {index, errno, bytes}, names, locations.length === 1);
		if (!netns) return;
		namespaces.push(netns);
		batch.push(netns);
		if (batch.length >= BATCH) flush();
	};
	const paths = locations.map((l) => l.path);
	// Arguments are text; stdin takes a path's exact bytes, which one that is no UTF-8 needs (raw-names.ts).
	const byArguments = paths.length <= MOST_PATHS_AS_ARGUMENTS && !paths.some(isRawName);
	const naming = nsidNames === undefined ? [] : ['--nsid-names', nsidNames, ...(nsidsOnly ? ['--nsids-only'] : namesFirstOnly ? ['--first-only'] : [])];
	const argv = [helper, ...naming, ...(byArguments ? ['--', ...paths] : [])];
	const input = byArguments ? undefined : Buffer.concat(paths.flatMap((path) => [encodeRawName(path), Buffer.from([0])]));
	const finished = backgroundSlot(() => run(argv, {input, onData: frameSplitter(onFrame), timeoutMs: 60_000}));
	finished.catch(() => undefined); // Once every answer is in, how the helper ends no longer matters.
	// With every answer in, the read is done: seeing the helper exit takes execa another ~5 ms, which the
	// first frame would wait for.
	await Promise.race([finished, everyAnswer]);
	flush();
	return {namespaces, unanswered: locations.filter((_, i) => !answered[i])};
}
