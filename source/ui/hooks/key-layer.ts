// Handlers keyed by binding id: what a key does is looked up in keymap.ts by the input layer
// (use-key-input.ts), and a panel only says what each of its bindings does. A panel adds its table while it
// shows; the layer reads the table current at the key (updated at every commit), so no key reaches a
// handler made for an older render.
import {createContext, useContext, useLayoutEffect, useRef} from 'react';
import type {BindingId} from '../../state/keys/keymap.js';
import type {TypedKey} from '../../state/keys/key-chunk.js';

export type KeyHandler = (typed: TypedKey) => void;
export type KeyHandlers = Partial<Record<BindingId, KeyHandler>>;

/**
 * What reads keys as text as well as keys (a form): while the overlay registry says the overlay reads its
 * own keys, it gets each key of a read in turn, and each paste whole. Keys after the one that made a run
 * start wait for the run's end like any other (type-ahead.ts), with no help from the form.
 */
export interface KeyReader {
	readonly key: (typed: TypedKey) => void;
	readonly paste: (text: string) => void;
}

export interface KeyLayer {
	/** Adds a table of handlers; returns what removes it. */
	add(table: {readonly current: KeyHandlers}): () => void;
	/** The handler for a binding among the tables added, the newest first. */
	handler(id: BindingId): KeyHandler | undefined;
	/** Sets the reader of an overlay that reads its own keys; returns what removes it. */
	read(reader: {readonly current: KeyReader}): () => void;
	/** The reader set last, if any. */
	reader(): KeyReader | undefined;
}

export function createKeyLayer(): KeyLayer {
	const tables: Array<{readonly current: KeyHandlers}> = [];
	const readers: Array<{readonly current: KeyReader}> = [];
	const remove = <T>(list: T[], item: T) => (): void => {
		const at = list.indexOf(item);
		if (at >= 0) list.splice(at, 1);
	};
	return {
		add(table) {
			tables.unshift(table);
			return remove(tables, table);
		},
		handler: (id) => tables.find((table) => table.current[id])?.current[id],
		read(reader) {
			readers.unshift(reader);
			return remove(readers, reader);
		},
		reader: () => readers[0]?.current,
	};
}

export const KeyLayerContext = createContext<KeyLayer | undefined>(undefined);

/** This component's keys, while `isActive`; `layer` for a hook of the root, above which no provider is. */
export function useKeys(handlers: KeyHandlers, isActive = true, layer?: KeyLayer): void {
	const provided = useContext(KeyLayerContext);
	const to = layer ?? provided;
	const table = useRef(handlers);
	useLayoutEffect(() => {
		table.current = handlers;
	});
	useLayoutEffect(() => (isActive && to ? to.add(table) : undefined), [to, isActive]);
}

/** This component reads keys and pastes as a form does (KeyReader), while `isActive`. */
export function useKeyReader(reader: KeyReader, isActive = true): void {
	const layer = useContext(KeyLayerContext);
	const current = useRef(reader);
	useLayoutEffect(() => {
		current.current = reader;
	});
	useLayoutEffect(() => (isActive && layer ? layer.read(current) : undefined), [layer, isActive]);
}
