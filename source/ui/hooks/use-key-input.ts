// The one input layer. Every key and paste nsdeck reads comes through here once: a read of several keys is split
// into keys (key-chunk.ts), a paste stays text, keys typed during a run wait for its end (type-ahead.ts),
// and each key is looked up in keymap.ts, in the scopes that the overlay registry (state/overlays.ts) gives
// for what is on screen. What the binding does is its handler, by binding id: the app's own table, or the
// table of the panel that shows (key-layer.ts). No other code names raw keys.
import {useInput, usePaste, type Key} from 'ink';
import {useCallback, useLayoutEffect, useRef} from 'react';
import {findBinding, type Binding, type Scope} from '../../state/keys/keymap.js';
import {bindingActs} from '../../state/keys/key-availability.js';
import {MAX_KEYS_IN_A_READ, splitChunk, textOfKey, type TypedKey} from '../../state/keys/key-chunk.js';
import {keyReading} from '../../state/overlays.js';
import type {AppState} from '../../state/app-state.js';
import type {Action} from '../../state/reducer.js';
import type {KeyHandlers, KeyLayer} from './key-layer.js';
import {openedText, stopsReplay, useTypeAhead, type TypeAhead} from './type-ahead.js';

export interface KeyInputOptions {
	/** Where panels add their handler tables (key-layer.ts). */
	readonly layer: KeyLayer;
	readonly getState: () => AppState;
	readonly dispatch: (action: Action) => void;
	/** False when stdin is not a TTY: no input hook may be mounted then. */
	readonly interactive: boolean;
	/** A plan runs: keys typed now wait for its end. */
	readonly running: boolean;
	/** The app's own keys: the panes, the lists, and the overlays that only show things. */
	readonly app: KeyHandlers;
	/** While a filter is typed: whether the key was taken as filter text (or a move). */
	readonly filterText: (typed: TypedKey) => boolean;
	/** A paste where no form has the keys (the filter takes it; elsewhere it is refused, and said so). */
	readonly paste: (text: string) => void;
}

export interface KeyInput {
	readonly typeAhead: TypeAhead;
}

const TUTORIAL: readonly Scope[] = ['tutorial'];

export function useKeyInput({layer, getState, dispatch, interactive, running, app, filterText, paste}: KeyInputOptions): KeyInput {
	const appTable = useRef(app);
	const filterRef = useRef({filterText, paste});
	useLayoutEffect(() => {
		appTable.current = app;
		filterRef.current = {filterText, paste};
	});

	/** Acts on one key; returns the binding it was looked up as (type-ahead stops after some). */
	const act = useCallback(
		(typed: TypedKey): Binding | undefined => {
			const state = getState();
			const reading = keyReading(state);
			if (reading.reader === 'own' || reading.reader === 'none') return undefined;
			if (state.filtering) {
				// Ctrl+C still quits while typing; every other key is the filter's.
				if (filterRef.current.filterText(typed) || !typed.name.startsWith('ctrl+')) return undefined;
				const binding = findBinding(typed.name, ['global']);
				if (binding) appTable.current[binding.id]?.(typed);
				return undefined;
			}
			const binding = findBinding(typed.name, reading.tutorialKeys ? [...reading.scopes, ...TUTORIAL] : reading.scopes);
			if (!binding || !bindingActs(state, binding)) return binding;
			const handler = layer.handler(binding.id) ?? (reading.reader === 'app' ? appTable.current[binding.id] : undefined);
			handler?.(typed);
			return binding;
		},
		[getState, layer],
	);
	const typeAhead = useTypeAhead(getState, dispatch, running, act);

	// Some terminals pass an ESC inside a paste through, so a pasted "ESC[201~" ends the paste early. ink
	// hands a read's events one after another in one go: until that read is done (a microtask later), what
	// follows a paste is more pasted text, never keys (a q in it would quit, an Enter submit a form).
	const afterPaste = useRef(false);
	const pasted = (text: string): void => {
		if (keyReading(getState()).reader !== 'own') filterRef.current.paste(text);
		else layer.reader()?.paste(text);
	};

	const onRead = (input: string, key: Key): void => {
		if (afterPaste.current) {
			const text = textOfKey(input, key);
			if (text !== '') pasted(text);
			return;
		}
		const state = getState();
		// Not while a form or the filter reads text: there an Alt+B is no Esc (it would close or clear it).
		const read = splitChunk(input, key, keyReading(state).reader !== 'own' && !state.filtering);
		if (keyReading(state).reader !== 'own' && read.length > MAX_KEYS_IN_A_READ && !state.filtering) return typeAhead.notUsed(read, 'pasted? only / takes text here');
		// Each key of a read in turn: held during a run (one a form's Enter just started included), else
		// handed to the form that reads its own keys, else acted on; after one that opens a form or a panel,
		// the rest of the read is not fed to it (an Enter in it would confirm what was not seen).
		for (const [index, typed] of read.entries()) {
			if (typeAhead.hold(typed)) continue;
			const reader = keyReading(getState()).reader === 'own' ? layer.reader() : undefined;
			if (reader) {
				reader.key(typed);
				continue;
			}
			const acted = act(typed);
			const rest = read.slice(index + 1);
			if (rest.length > 0 && stopsReplay(acted, getState())) return typeAhead.notUsed(rest, openedText(typed, getState()));
		}
	};
	// Not while a shell has the terminal: nothing of ours may read its keys then.
	const isActive = interactive && keyReading(getState()).reader !== 'none';
	useInput(onRead, {isActive});
	// A paste (the terminal marks it: this turns bracketed paste on) is text, never keys: a q or an Enter
	// in it must not act. A form takes its own pastes.
	usePaste(
		(text) => {
			pasted(text);
			afterPaste.current = true;
			queueMicrotask(() => void (afterPaste.current = false));
		},
		{isActive},
	);
	return {typeAhead};
}
