// Reads the world and keeps it live; the screen shows what the kernel says.
//
// Start fast: list the namespaces (discovery, no process started) and read the selected one first, so the first frame has the
// list and its details; the rest is read in the background in groups, with progress in the title bar.
// Stay live: the System's watcher reports which namespaces changed; a queue coalesces the bursts and
// reads just those again. The list is found again every second (namespaces come and go with processes,
// which no event announces), and the selected namespace is polled for changes the watcher cannot see (a
// namespace the host has no nsid for, in read-only mode).
import {useCallback, useEffect, useRef} from 'react';
import {namespacesOfHostNsid} from '../../model/topology.js';
import type {Netns} from '../../model/types.js';
import type {FirstRead} from '../../system/first-read.js';
import type {System} from '../../system/system.js';
import {ChangeQueue, type ChangeBatch} from '../../state/change-queue.js';
import type {Action} from '../../state/reducer.js';
import type {AppState} from '../../state/app-state.js';
import {readWorldOf} from '../../state/planned-state.js';

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

export function useWorld(
	system: System,
	dispatch: (action: Action) => void,
	getState?: () => AppState,
	firstRead?: FirstRead,
): {refresh: () => Promise<void>; refreshNamespaces: (ids: readonly string[]) => Promise<void>} {
	const queueRef = useRef<ChangeQueue | undefined>(undefined);
	const firstReadRef = useRef(firstRead);

	const readSome = useCallback(
		async (ids: readonly string[]) => {
			if (ids.length > SINGLE_READS) {
				// What the kernel has, not what a dry run planned on top of it.
				const state = getState?.();
				const known = (state && readWorldOf(state))?.namespaces ?? [];
				const read = await system.readNamespaces(ids, {known});
				const found = new Set(read.map((n) => n.id));
				dispatch({type: 'namespacesLoaded', namespaces: read});
				for (const id of ids) if (!found.has(id)) dispatch({type: 'namespaceLoaded', id, netns: undefined});
				return;
			}
			for (const id of ids) dispatch({type: 'namespaceLoaded', id, netns: await system.readNamespace(id)});
		},
		[system, dispatch, getState],
	);

	const refreshNamespaces = useCallback(async (ids: readonly string[]) => readSome(ids), [readSome]);

	const applyChanges = useCallback(
		async ({ids, nsids, list}: ChangeBatch) => {
			const toRead = new Set(ids);
			const state = getState?.();
			for (const nsid of nsids) {
				const behind = state?.world ? namespacesOfHostNsid(state.world, state.topology, nsid) : [];
				// Not known by its veths (new, or joined only by a stacked device): list and read what is new.
				if (behind.length === 0) list = true;
				for (const id of behind) toRead.add(id);
			}
			if (list) {
				const current = getState?.();
				const before = new Set(((current && readWorldOf(current))?.namespaces ?? []).map((n) => n.id));
				const listing = await system.listNamespaces();
				dispatch({type: 'namespacesListed', listing});
				for (const {id} of listing.places) if (!before.has(id)) toRead.add(id);
			}
			if (toRead.size > 0) await readSome([...toRead]);
		},
		[system, dispatch, getState, readSome],
	);

	/** The list, then the selected namespace, each on screen as soon as it is read. */
	const readFirst = useCallback(async (): Promise<FirstRead> => {
		const listing = await system.listNamespaces();
		dispatch({type: 'namespacesListed', listing});
		const ids = listing.places.map((p) => p.id);
		const selected = getState?.().selectedNs;
		const firstId = selected !== undefined && ids.includes(selected) ? selected : ids[0];
		const first = firstId === undefined ? undefined : await system.readNamespace(firstId);
		if (first) dispatch({type: 'namespacesLoaded', namespaces: [first]});
		return {listing, first};
	}, [system, dispatch, getState]);

	/**
	 * `afterFirst` runs once the first namespace is on screen (the watcher starts then, not before the first
	 * frame). `given` is a first read the state already holds (the one made at start).
	 */
	const load = useCallback(async (afterFirst?: () => void, given?: FirstRead) => {
		const queue = queueRef.current;
		queue?.pause();
		if (!given) dispatch({type: 'loading'});
		try {
			const {listing, first} = given ?? (await readFirst());
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
	}, [system, dispatch, getState, readFirst]);

	const refresh = useCallback(() => load(), [load]);

	useEffect(() => {
		const queue = new ChangeQueue(applyChanges);
		queueRef.current = queue;
		let unwatch: (() => void) | undefined;
		let unmounted = false;
		// The watcher's processes would compete with the first frame's reads on two cores: start it after.
		// The first read (made at start, already in the initial state) serves the first load only.
		const given = firstReadRef.current;
		firstReadRef.current = undefined;
		void load(() => {
			if (!unmounted && !unwatch) unwatch = system.watch((change) => queue.add(change));
		}, given);
		const listPoll = setInterval(() => queue.add({type: 'list'}), LIST_POLL_MS);
		const selectedPoll = setInterval(() => {
			const selected = getState?.().selectedNs;
			if (selected) queue.add({type: 'namespaces', ids: [selected]});
		}, SELECTED_POLL_MS);
		return () => {
			unmounted = true;
			clearInterval(listPoll);
			clearInterval(selectedPoll);
			unwatch?.();
			queue.stop();
			queueRef.current = undefined;
		};
	}, [system, load, applyChanges, getState]);

	return {refresh, refreshNamespaces};
}
