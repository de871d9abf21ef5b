// Global and list keys: looks the key up in keymap.ts for the focused scope and dispatches.
import {useApp, useInput, usePaste, type Key} from 'ink';
import {useEffect, useRef} from 'react';
import {findBinding, scopesFor, type BindingId, type Scope} from '../../state/keys/keymap.js';
import {keyName} from '../../state/keys/key-name.js';
import {CHANGE_BINDINGS, LOOK_BINDINGS} from '../../state/change-actions.js';
import {filterKey} from '../../state/filter-keys.js';
import {bindingActs} from '../../state/keys/key-availability.js';
import {logMostBack} from '../../state/log-scroll.js';
import {moveSelection, type Move} from '../../state/navigation.js';
import type {Action} from '../../state/reducer.js';
import type {AppState} from '../../state/app-state.js';
import {MAX_KEYS_IN_A_READ, splitChunk} from '../../state/keys/key-chunk.js';
import {openedText, stopsReplay, useTypeAhead, type TypeAhead} from './type-ahead.js';

export interface AppKeyHandlers {
	readonly refresh: () => void;
	/** A key that changes the world: open its form or run its plan. */
	readonly change: (id: BindingId) => void;
	readonly exportLog: () => void;
	readonly copyLog: () => void;
	/** p, x, s: look inside the selected namespace (ping, one command, a shell). */
	readonly look?: (id: BindingId) => void;
	/** The command log overlay's size: its scrolling stops at the first command instead of going on past it. */
	readonly logSize?: {readonly columns: number; readonly rows: number};
	/** How far the open help or detail view scrolls: presses past its end are not saved up. */
	readonly overlayMostScroll?: () => number;
}

const MOVES: Partial<Record<BindingId, Move>> = {up: 'up', down: 'down', pageUp: 'pageUp', pageDown: 'pageDown', home: 'home', end: 'end'};

const PANE_KEYS = {focusNamespaces: 'namespaces', focusInterfaces: 'interfaces', focusRoutes: 'routes'} as const;

export function activeScopes(state: AppState): Scope[] {
	if (state.filtering) return ['filter'];
	if (state.overlay?.kind === 'log') return ['log', 'overlay', 'global'];
	if (state.overlay?.kind === 'topology') return ['map', 'global'];
	return state.overlay ? ['overlay', 'global'] : scopesFor(state.focus);
}

const shellHasTerminal = (state: AppState): boolean => state.overlay?.kind === 'exec' && state.overlay.view.panel === 'shell';

/**
 * `running`: a plan is running; keys typed then wait for its end (type-ahead.ts). `interactive`: input
 * hooks may be mounted at all (true while a form has the keys and `isActive` is false).
 */
export function useAppKeys(
	getState: () => AppState,
	dispatch: (action: Action) => void,
	handlers: AppKeyHandlers,
	page: number,
	isActive: boolean,
	{running, interactive}: {readonly running: boolean; readonly interactive: boolean} = {running: false, interactive: false},
): TypeAhead {
	const {exit} = useApp();
	const keys = {
		act(input: string, key: Key): void {
			const state = getState();
			const name = keyName(input, key);
			if (state.filtering) {
				const typed = filterKey(state, name, input);
				if (typed && 'action' in typed) return dispatch(typed.action);
				if (typed && 'move' in typed) {
					const action = moveSelection(state, MOVES[findBinding(name, ['lists'])?.id ?? 'up'] ?? 'up', page);
					if (action) dispatch(action);
					return;
				}
				// Ctrl+C still quits while typing.
				if (!name.startsWith('ctrl+')) return;
			}
			const binding = findBinding(name, state.filtering ? ['global'] : activeScopes(state));
			if (!binding || !bindingActs(state, binding.id)) return;
			const move = MOVES[binding.id];
			if (move) {
				const action = moveSelection(state, move, page);
				if (action) dispatch(action);
				return;
			}
			switch (binding.id) {
				case 'quit':
					exit();
					return;
				case 'help':
					dispatch(state.overlay?.kind === 'help' ? {type: 'closeOverlay'} : {type: 'openOverlay', overlay: {kind: 'help'}});
					return;
				case 'topology':
					dispatch(state.overlay?.kind === 'topology' ? {type: 'closeOverlay'} : {type: 'openOverlay', overlay: {kind: 'topology'}});
					return;
				case 'scrollUp':
				case 'scrollDown':
				case 'scrollPageUp':
				case 'scrollPageDown':
				case 'logTop':
				case 'logEnd': {
					const steps: Partial<Record<BindingId, number>> = {scrollUp: -1, scrollDown: 1, scrollPageUp: -page, scrollPageDown: page, logTop: -Infinity, logEnd: Infinity};
					const step = steps[binding.id] ?? 0;
					if (state.overlay?.kind !== 'log' || handlers.logSize === undefined) {
						// Help and detail count from their top: clamped to what they show.
						const most = handlers.overlayMostScroll?.() ?? Number.POSITIVE_INFINITY;
						const to = Math.min(Math.max(state.overlayScroll + step, 0), most);
						if (Number.isFinite(to) && to !== state.overlayScroll) dispatch({type: 'scrollOverlay', step: to - state.overlayScroll});
						return;
					}
					// The log counts back from its end: clamped here, so ↓ after g (or after ↑ past the top) moves at once.
					const target = Math.min(Math.max(state.overlayScroll + step, -logMostBack(state.log, handlers.logSize.columns, handlers.logSize.rows)), 0);
					if (target !== state.overlayScroll) dispatch({type: 'scrollOverlay', step: target - state.overlayScroll});
					return;
				}
				case 'close':
					dispatch({type: 'closeOverlay'});
					return;
				case 'nextPane':
					if (!state.overlay) dispatch({type: 'cycleFocus', step: 1});
					return;
				case 'prevPane':
					if (!state.overlay) dispatch({type: 'cycleFocus', step: -1});
					return;
				case 'detail':
					dispatch({type: 'openOverlay', overlay: {kind: 'detail'}});
					return;
				case 'refresh':
					handlers.refresh();
					return;
				case 'focusNamespaces':
				case 'focusInterfaces':
				case 'focusRoutes':
					if (!state.overlay) dispatch({type: 'focus', pane: PANE_KEYS[binding.id]});
					return;
				case 'tutorials':
					dispatch(state.overlay?.kind === 'tutorials' ? {type: 'closeOverlay'} : {type: 'openOverlay', overlay: {kind: 'tutorials'}});
					return;
				case 'log':
					dispatch(state.overlay?.kind === 'log' ? {type: 'closeOverlay'} : {type: 'openOverlay', overlay: {kind: 'log'}});
					return;
				case 'exportLog':
					handlers.exportLog();
					return;
				case 'copyLog':
					handlers.copyLog();
					return;
				case 'filter':
					dispatch({type: 'filterStart'});
					return;
				case 'clearFilter':
					dispatch({type: 'filterClear'});
					return;
				case 'otherEnd':
					if (!state.overlay) dispatch({type: 'otherEnd'});
					return;
			}
			if (LOOK_BINDINGS.has(binding.id) && (!state.overlay || state.overlay.kind === 'detail')) {
				handlers.look?.(binding.id);
				return;
			}
			// Change keys act on the panes' selection; not while an overlay covers them.
			if (CHANGE_BINDINGS.has(binding.id) && (!state.overlay || state.overlay.kind === 'detail')) handlers.change(binding.id);
		},
	};
	/** Acts on one key typed ahead; returns the binding it was looked up as (replay stops at some). */
	const replay = ({input, key}: {input: string; key: Key}): BindingId | undefined => {
		const state = getState();
		const id = state.filtering ? undefined : findBinding(keyName(input, key), activeScopes(state))?.id;
		keys.act(input, key);
		return id;
	};
	const typeAhead = useTypeAhead(getState, dispatch, running, replay);
	/** Each key of a read in turn: held during a run, else acted on; after one that opens a form or a
	 * panel, the rest of the read is not fed to it (an Enter in it would confirm what was not seen). */
	const onRead = (input: string, key: Key): void => {
		const read = splitChunk(input, key);
		if (read.length > MAX_KEYS_IN_A_READ && !getState().filtering) return typeAhead.notUsed(read, 'pasted? only / takes text here');
		for (const [index, typed] of read.entries()) {
			if (typeAhead.hold(typed)) continue;
			const acted = replay(typed);
			const rest = read.slice(index + 1);
			if (rest.length > 0 && stopsReplay(acted, getState())) return typeAhead.notUsed(rest, openedText(typed, getState()));
		}
	};
	// A form submits with Enter and stays mounted until its listener is detached after the run renders:
	// a key read in that moment (typed right behind the Enter) would go to the closing form and be lost;
	// held here instead. This listener is attached at mount (and again when a shell gives the terminal
	// back, with no form open), so it hears each key before any form's (listeners are called in the order
	// they were attached): the submitting Enter itself finds the form still open and passes.
	const mainListening = useRef(false);
	useInput(
		(input, key) => {
			if (mainListening.current || getState().overlay?.kind !== 'running') return;
			for (const typed of splitChunk(input, key)) typeAhead.hold(typed);
		},
		// Not while a shell has the terminal: nothing of ours may read its keys then.
		{isActive: interactive && !shellHasTerminal(getState())},
	);
	useInput(onRead, {isActive});
	// A paste on the panes (the terminal marks it: this turns bracketed paste on) is text, never keys: a q
	// or an Enter in it must not act. The filter takes its first line; elsewhere it is refused, and said so.
	usePaste(
		(text) => {
			const state = getState();
			if (!state.filtering) return dispatch({type: 'message', tone: 'error', text: 'pasted text not used: only / and the forms take text'});
			const [line = ''] = text.split(/[\r\n]/);
			dispatch({type: 'filterText', text: (state.filters[state.filtering] ?? '') + line});
		},
		{isActive},
	);
	// After the listener above is attached or detached (effects run in order): whether it hears keys.
	useEffect(() => {
		mainListening.current = isActive;
	}, [isActive]);
	return typeAhead;
}
