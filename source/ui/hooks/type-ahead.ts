// Keys typed while a plan runs. Over SSH users type ahead (`n ns2 ⏎ b` without waiting for the ✓), as
// they do in lazygit or k9s; the 'running' screen used to drop such keys silently. Now they wait and act,
// in order, once the run ends — as if typed then, on what the run left selected.
//
// Safety: a typed-ahead key acts only on the panes (moves, focus, filters, overlays that only show
// things). The first key that opens a form or a look-inside panel is the last one replayed: the keys after
// it are not fed to that form, since they were typed before the user saw it — an Enter typed ahead must
// never confirm a delete (or any plan) the user has not read. After a failed plan, or when the change must
// be kept within a countdown (a `k` typed before the change proves nothing about the session), no key
// typed ahead is used at all. Whatever is not used is named in the status line: never silently dropped.
import {useCallback, useEffect, useRef, useState} from 'react';
import {displayKey, type Binding} from '../../state/keys/keymap.js';
import type {AppState} from '../../state/app-state.js';
import type {TypedKey} from '../../state/keys/key-chunk.js';
export type {TypedKey} from '../../state/keys/key-chunk.js';
import {keyReading} from '../../state/overlays.js';
import type {Action} from '../../state/reducer.js';

/** More than a screenful of keys typed blind is a stuck key or a paste: the rest is refused, and said. */
export const TYPE_AHEAD_LIMIT = 32;

/** Ctrl keys act at once, even during a run: Ctrl+C must always quit. */
export const waitsForRun = (name: string): boolean => !name.startsWith('ctrl+');

/** Why nothing typed ahead may be used once the run ended, if so. */
export function refuseAll(state: AppState): string | undefined {
	if (state.overlay?.kind === 'result') return 'the change failed';
	if (state.overlay?.kind === 'keep') return 'only a k typed now keeps it';
	return undefined;
}

/** Whether replay stops after the key just replayed (it opened something that reads its own keys). */
export function stopsReplay(acted: Binding | undefined, state: AppState): boolean {
	if (acted && (acted.changes || acted.looks || acted.id === 'quit')) return true;
	// Over the panes, or an overlay that only shows things (state/overlays.ts), replay may go on.
	return !keyReading(state).replayOver;
}

/** Why the keys after `typed` are not used, once it opened a form or panel. */
export const openedText = (typed: TypedKey, state: AppState): string => `${displayKey(typed.name)} opened a ${state.overlay?.kind === 'form' ? 'form' : 'panel'}`;

/** The keys as shown: the first few, and how many more (a status line has one row). */
export function keyList(keys: readonly TypedKey[], most = 8): string {
	const shown = keys.slice(0, most).map((k) => displayKey(k.name)).join(' ');
	return keys.length > most ? `${shown} … +${keys.length - most}` : shown;
}

/** Short: at 80 columns it shares the status line with the run's outcome. */
export function notUsedText(keys: readonly TypedKey[], why: string): string {
	return `typed ahead, not used: ${keyList(keys)} (${why})`;
}

export interface TypeAhead {
	/** Whether the key was taken to wait for the run's end (the caller then does nothing with it). */
	readonly hold: (typed: TypedKey) => boolean;
	/** Says, in the status line, that these keys were not used, and why. */
	readonly notUsed: (keys: readonly TypedKey[], why: string) => void;
	/** What waits, for the running screen ('' when nothing). */
	readonly waiting: string;
}

/**
 * Holds keys while `running`, and replays them through `handle` (which returns the binding it looked up)
 * once the run has ended and its outcome is on screen.
 */
export function useTypeAhead(
	getState: () => AppState,
	dispatch: (action: Action) => void,
	running: boolean,
	handle: (typed: TypedKey) => Binding | undefined,
): TypeAhead {
	const queue = useRef<TypedKey[]>([]);
	const [waiting, setWaiting] = useState('');
	const handleRef = useRef(handle);
	handleRef.current = handle;

	const say = useCallback(
		(text: string) => {
			// Beside the run's own outcome (✓ or ✗), not instead of it; first, since it is news.
			const before = getState().message;
			dispatch({type: 'message', tone: 'error', text: before ? `${text} · ${before.text}` : text});
		},
		[getState, dispatch],
	);

	const hold = useCallback(
		(typed: TypedKey): boolean => {
			// Keys that come while earlier ones still wait queue behind them, so the order holds.
			if (!waitsForRun(typed.name) || (getState().overlay?.kind !== 'running' && queue.current.length === 0)) return false;
			if (queue.current.length >= TYPE_AHEAD_LIMIT) {
				say(notUsedText([typed], `more than ${TYPE_AHEAD_LIMIT} keys typed during a run`));
				return true;
			}
			queue.current.push(typed);
			setWaiting(keyList(queue.current));
			return true;
		},
		[getState, say],
	);

	// Runs on every change of `waiting` too, so that a key held in a run too short to have rendered is
	// still replayed; getState() decides, the render only wakes it.
	useEffect(() => {
		if (running || queue.current.length === 0 || getState().overlay?.kind === 'running') return;
		// After the run's last dispatches (its outcome, the selection) have all landed.
		const timer = setTimeout(() => {
			const refused = refuseAll(getState());
			if (refused) {
				say(notUsedText(queue.current, refused));
				queue.current = [];
			}
			while (queue.current.length > 0) {
				const typed = queue.current.shift()!;
				const acted = handleRef.current(typed);
				const now = getState();
				// Another run began: the rest waits for it in turn.
				if (now.overlay?.kind === 'running') break;
				if (stopsReplay(acted, now) && queue.current.length > 0) {
					say(notUsedText(queue.current, openedText(typed, now)));
					queue.current = [];
				}
			}
			setWaiting(keyList(queue.current));
		}, 0);
		return () => clearTimeout(timer);
	}, [running, waiting, getState, say]);

	const notUsed = useCallback((keys: readonly TypedKey[], why: string) => say(notUsedText(keys, why)), [say]);
	return {hold, notUsed, waiting};
}
