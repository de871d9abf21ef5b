// Live refresh: who changed what, without a key press. With the helper, one `nsdeck-netdump --watch` hears
// every listed namespace, whoever holds it (watch-many.ts); without it, `ip monitor all-nsid` in the host
// reports events in every namespace the host has an nsid for. fs.watch on /run/netns reports namespaces
// added and removed.
// The watcher only says *which* namespace changed; reading it again is the caller's job.
import {watch as watchDir, type FSWatcher} from 'node:fs';
import {createInterface} from 'node:readline';
import {execa} from 'execa';
import {parseMonitorLine, type MonitorEvent} from '../model/monitor.js';
import {namedId} from '../model/netns-id.js';
import {HOST_ID, type NetnsPlace} from '../model/types.js';
import {coalesce} from './coalesce.js';
import {diesWithUs, type Runner} from './runner.js';
import {NETNS_DIR, hostLocation} from './netns-location.js';
import {listNamed, readNsids} from './snapshot.js';
import {startManyWatcher, type ManyWatcher} from './watch-many.js';

export type WorldChange =
	/** These namespaces changed: read them again. */
	| {readonly type: 'namespaces'; readonly ids: readonly string[]}
	/** Namespaces were added or removed: list them again. */
	| {readonly type: 'list'}
	/** Something changed in the namespace the host knows by this nsid, which has no name (a container's). */
	| {readonly type: 'nsid'; readonly nsid: number};

export type ChangeListener = (change: WorldChange) => void;

export interface WatchOptions {
	readonly runner: Runner;
	/**
	 * May we give namespaces an nsid (`ip netns set NAME auto`) so that monitor reports them? It changes the
	 * system, if only its bookkeeping: the lab does it; on a real host nsdeck only looks, and namespaces
	 * without an nsid are kept fresh by the poll of the list and of the selected namespace.
	 */
	readonly canChange: boolean;
	readonly dir?: string;
	/** The nsdeck-netdump helper, which names every nsid (readNsids); without it, ip names the first ~134. */
	readonly netdump?: string;
	/**
	 * Hear every listed namespace through the helper (`listed` says which), instead of `ip monitor`. Off,
	 * the watcher hears only what the host's monitor hears (its own tests ask for that).
	 */
	readonly everyNamespace?: boolean;
}

/** Stops the watcher; `listed` tells it the namespaces of the latest listing. */
export type Unwatch = (() => void) & {readonly listed: (places: readonly NetnsPlace[]) => void};

export const MONITOR_ARGV = ['ip', 'monitor', 'all-nsid', 'link', 'address', 'route', 'nsid'] as const;

/** The host's nsid → name map (one read costs ~20 ms at 1,000 namespaces). */
async function readNsidNames(run: Runner, netdump: string | undefined): Promise<Map<number, string>> {
	const map = new Map<number, string>();
	for (const entry of await readNsids(run, hostLocation, netdump)) if (entry.name) map.set(entry.nsid, namedId(entry.name));
	return map;
}

/** `netns set NAME auto` for each name, in one `ip -b` (one failure must not stop the rest: -force). */
export function assignNsidsBatch(names: readonly string[]): string {
	return names.map((n) => `netns set ${n} auto\n`).join('');
}

export function startWatch(listener: ChangeListener, {runner, canChange, dir = NETNS_DIR, netdump, everyNamespace = false}: WatchOptions): Unwatch {
	let stopped = false;
	let names = new Map<number, string>();
	let namesReading: Promise<void> | undefined;
	const refreshNames = (): Promise<void> =>
		(namesReading ??= readNsidNames(runner, netdump)
			.then((map) => {
				names = map;
			})
			.finally(() => {
				namesReading = undefined;
			}));

	/** Give every named namespace without a host nsid one, so the monitor sees it; then read those again. */
	const assignNsids = async (): Promise<void> => {
		if (!canChange || stopped) return;
		await refreshNames();
		const known = new Set(names.values());
		const missing = (await listNamed(dir)).filter((l) => !known.has(l.id) && !/\s/.test(l.id));
		if (missing.length === 0) return;
		const netnsNames = missing.map((l) => l.path.slice(dir.length + 1));
		await runner(['ip', '-force', '-b', '-'], {input: assignNsidsBatch(netnsNames), timeoutMs: 30_000});
		await refreshNames();
		// Changes made before the nsid existed were invisible to the monitor.
		if (!stopped) listener({type: 'namespaces', ids: missing.map((l) => l.id)});
	};

	// One ip at a time however many namespaces appear at once (2,000 created from outside made one
	// `ip -b` per directory event: 1,620 at once).
	const assignNsidsSoon = coalesce(assignNsids);

	const onEvent = async (event: MonitorEvent): Promise<void> => {
		if (event.nsidChanged) await refreshNames();
		if (event.source === 'current') return listener({type: 'namespaces', ids: [HOST_ID]});
		let name = names.get(event.source);
		if (name === undefined) {
			await refreshNames();
			name = names.get(event.source);
		}
		if (stopped) return;
		// No name: a namespace a process holds, or a mount (a container's); the caller knows it by its veths.
		listener(name === undefined ? {type: 'nsid', nsid: event.source} : {type: 'namespaces', ids: [name]});
	};

	const many: ManyWatcher | undefined =
		everyNamespace && netdump ? startManyWatcher(netdump, (id) => listener({type: 'namespaces', ids: [id]})) : undefined;
	const monitor = many ? undefined : startMonitor((event) => {
		if (!stopped) void onEvent(event);
	});

	let dirWatcher: FSWatcher | undefined;
	try {
		dirWatcher = watchDir(dir, () => {
			if (stopped) return;
			listener({type: 'list'});
			void assignNsidsSoon();
		});
		dirWatcher.on('error', () => dirWatcher?.close());
	} catch {
		// No /run/netns yet (or no inotify): the caller's poll still lists namespaces.
	}

	// With the helper hearing every namespace, nsid names matter only to the lab's assignment.
	void (many ? assignNsidsSoon() : refreshNames().then(assignNsidsSoon));

	const stop = (): void => {
		stopped = true;
		dirWatcher?.close();
		monitor?.kill();
		many?.stop();
	};
	return Object.assign(stop, {listed: (places: readonly NetnsPlace[]) => many?.listed(places)});
}

/** `ip monitor all-nsid` in the host, each event parsed. */
function startMonitor(onEvent: (event: MonitorEvent) => void): {kill(): void} {
	const [file, ...args] = diesWithUs(MONITOR_ARGV);
	const monitor = execa(file, args, {
		buffer: false,
		stdin: 'ignore',
		stderr: 'ignore',
		reject: false,
		env: {LC_ALL: 'C'},
	});
	if (monitor.stdout) {
		createInterface({input: monitor.stdout}).on('line', (line) => {
			const event = parseMonitorLine(line);
			if (event) onEvent(event);
		});
	}
	return {kill: () => monitor.kill()};
}
