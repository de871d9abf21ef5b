// Reads the world and keeps it live; the screen shows what the kernel says. A plain module (no React) so
// that tests can drive it with a fake watcher and fake timers; ui/hooks/use-world.ts only creates it and
// ties start/stop to the app's life.
//
// Start fast: list the namespaces (discovery, no process started) and read the selected one first, so the
// first frame has the list and its details; the rest is read in the background in groups, with progress in
// the title bar.
// Stay live: the System's watcher reports which namespaces changed (with the helper, every listed one,
// whoever holds it); a queue coalesces the bursts and reads just those again, then the far ends of veths
// that no longer pair. The list is found again every second (namespaces come and go with processes, which
// no event announces), and the selected namespace is polled for changes a watcher cannot see (without the
// helper, a namespace the host has no nsid for).
import {namespacesOfHostNsid, unpairedPeers} from '../model/topology.js';
import type {Netns} from '../model/types.js';
import type {FirstRead} from '../system/first-read.js';
import type {System} from '../system/system.js';
import type {AppState} from './app-state.js';
import {ChangeQueue, type ChangeBatch} from './change-queue.js';
import {readWorldOf} from './planned-state.js';
import type {Action} from './reducer.js';

/**
 * How often the list is found again (discover.ts: /run/netns, mounts, /proc). A container started or
 * stopped makes no event the watcher can hear until it has an nsid; this shows it within about a second.
 */
export const LIST_POLL_MS = 1_000;
/** How often the selected namespace is read again, for changes the watcher cannot see. */
export const SELECTED_POLL_MS = 2_000;
/** Up to this many changed namespaces are read one by one (with their nsid names); more go in bulk. */
const SINGLE_READS = 4;

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export interface WorldSync {
	/**
	 * Reads the world (or takes `given`, a first read the state already holds: the one made at start, or
	 * `early`, one still on its way), then watches it and polls the list and the selected namespace. Again
	 * after stop(): a fresh start.
	 */
	start(given?: FirstRead, early?: Promise<FirstRead | undefined>): void;
	/** Leaves no timer, no watcher and no queued read behind; reads in flight still land. */
	stop(): void;
	/** Reads the whole world again (r), the watcher's changes held until it is done. */
	refresh(): Promise<void>;
	/** Reads these namespaces again (after a plan ran in them). */
	refreshNamespaces(ids: readonly string[]): Promise<void>;
}

/** One start's watcher, polls and queue; stop() ends them all. */
interface Run {
	readonly queue: ChangeQueue;
	readonly timers: ReadonlyArray<ReturnType<typeof setInterval>>;
	unwatch?: () => void;
	stopped: boolean;
}

export function createWorldSync(system: System, dispatch: (action: Action) => void, getState: () => AppState): WorldSync {
	let run: Run | undefined;

	const readSome = async (ids: readonly string[]): Promise<void> => {
		if (ids.length > SINGLE_READS) {
			// What the kernel has, not what a dry run planned on top of it.
			const known = readWorldOf(getState())?.namespaces ?? [];
			const read = await system.readNamespaces(ids, {known});
			const found = new Set(read.map((n) => n.id));
			dispatch({type: 'namespacesLoaded', namespaces: read});
			for (const id of ids) if (!found.has(id)) dispatch({type: 'namespaceLoaded', id, netns: undefined});
			return;
		}
		for (const id of ids) dispatch({type: 'namespaceLoaded', id, netns: await system.readNamespace(id)});
	};

	const applyChanges = async ({ids, nsids, list}: ChangeBatch): Promise<void> => {
		const toRead = new Set(ids);
		const state = getState();
		for (const nsid of nsids) {
			const behind = state.world ? namespacesOfHostNsid(state.world, state.topology, nsid) : [];
			// Not known by its veths (new, or joined only by a stacked device): list and read what is new.
			if (behind.length === 0) list = true;
			for (const id of behind) toRead.add(id);
		}
		if (list) {
			const before = new Set((readWorldOf(getState())?.namespaces ?? []).map((n) => n.id));
			const listing = await system.listNamespaces();
			dispatch({type: 'namespacesListed', listing});
			for (const {id} of listing.places) if (!before.has(id)) toRead.add(id);
		}
		if (toRead.size === 0) return;
		// The selected namespace first: it is on screen, and a big host read before it would hold it back.
		const selected = getState().selectedNs;
		await readSome([...toRead].sort((a, b) => Number(b === selected) - Number(a === selected)));
		// A veth end that moved changes its peer's link_netnsid with no event where the peer is: read the
		// namespaces whose veths no longer pair with what was just read, once.
		const after = getState();
		const stale = after.world ? unpairedPeers(after.world, after.topology, toRead) : [];
		if (stale.length > 0) await readSome(stale);
	};

	/**
	 * The list, then the selected namespace, each on screen as soon as it is read. `early`: a first read
	 * still on its way (started before the UI, slower than the first frame would wait): taken when it
	 * comes, not made again.
	 */
	const readFirst = async (early?: Promise<FirstRead | undefined>): Promise<FirstRead> => {
		const before = await early?.catch(() => undefined);
		const listing = before?.listing ?? (await system.listNamespaces());
		dispatch({type: 'namespacesListed', listing});
		const ids = listing.places.map((p) => p.id);
		const selected = getState().selectedNs;
		const firstId = selected !== undefined && ids.includes(selected) ? selected : ids[0];
		const first = firstId === undefined ? undefined : before?.first?.id === firstId ? before.first : await system.readNamespace(firstId);
		if (first) dispatch({type: 'namespacesLoaded', namespaces: [first]});
		return {listing, first};
	};

	/** `afterFirst` runs once the first namespace is on screen (the watcher starts then, not before the first frame). */
	const load = async (afterFirst?: () => void, given?: FirstRead, early?: Promise<FirstRead | undefined>): Promise<void> => {
		const queue = run?.queue;
		queue?.pause();
		if (!given) dispatch({type: 'loading'});
		try {
			const {listing, first} = given ?? (await readFirst(early));
			const ids = listing.places.map((p) => p.id);
			afterFirst?.();
			// A first namespace that vanished stays in the rest: its read finds it gone, and it leaves the list.
			const rest = ids.filter((id) => id !== first?.id);
			const seen = new Set<string>(first ? [first.id] : []);
			const total = ids.length;
			if (rest.length > 0) dispatch({type: 'readProgress', progress: {done: seen.size, total}});
			const onBatch = (batch: readonly Netns[]): void => {
				for (const n of batch) seen.add(n.id);
				dispatch({type: 'namespacesLoaded', namespaces: batch});
				dispatch({type: 'readProgress', progress: {done: Math.min(seen.size, total), total}});
			};
			const read = await system.readNamespaces(rest, {onBatch, known: first ? [first] : []});
			// Listed but gone by the time it was read.
			const found = new Set(read.map((n) => n.id));
			for (const id of rest) if (!found.has(id)) dispatch({type: 'namespaceLoaded', id, netns: undefined});
		} catch (error) {
			dispatch({type: 'loadFailed', error: message(error)});
			afterFirst?.();
		} finally {
			dispatch({type: 'readProgress', progress: undefined});
			queue?.resume();
		}
	};

	const start = (given?: FirstRead, early?: Promise<FirstRead | undefined>): void => {
		if (run) return;
		const queue = new ChangeQueue(applyChanges);
		const listPoll = setInterval(() => queue.add({type: 'list'}), LIST_POLL_MS);
		const selectedPoll = setInterval(() => {
			const selected = getState().selectedNs;
			if (selected) queue.add({type: 'namespaces', ids: [selected]});
		}, SELECTED_POLL_MS);
		const current: Run = {queue, timers: [listPoll, selectedPoll], stopped: false};
		run = current;
		// The watcher's processes would compete with the first frame's reads on two cores: start it after.
		void load(() => {
			if (!current.stopped && !current.unwatch) current.unwatch = system.watch((change) => queue.add(change));
		}, given, early);
	};

	const stop = (): void => {
		if (!run) return;
		run.stopped = true;
		for (const timer of run.timers) clearInterval(timer);
		run.unwatch?.();
		run.queue.stop();
		run = undefined;
	};

	return {start, stop, refresh: () => load(), refreshNamespaces: readSome};
}
