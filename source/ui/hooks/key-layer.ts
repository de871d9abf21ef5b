// Handlers keyed by binding id: what a key does is looked up in keymap.ts by the input layer
// (use-key-input.ts), and a panel only says what each of its bindings does. A panel adds its table while it
// shows; the layer reads the table current at the key (updated at every commit), so no key reaches a
// handler made for an older render.
import {createContext, useContext, useLayoutEffect, useRef} from 'react';
import type {BindingId} from '../../state/keys/keymap.js';
import type {TypedKey} from '../../state/keys/key-chunk.js';

export type KeyHandler = (typed: TypedKey) => void;
export type KeyHandlers = Partial<Record<BindingId, KeyHandler>>;

export interface KeyLayer {
	/** Adds a table of handlers; returns what removes it. */
	add(table: {readonly current: KeyHandlers}): () => void;
	/** The handler for a binding among the tables added, the newest first. */
	handler(id: BindingId): KeyHandler | undefined;
}

export function createKeyLayer(): KeyLayer {
	const tables: Array<{readonly current: KeyHandlers}> = [];
	return {
		add(table) {
			tables.unshift(table);
			return () => {
				const at = tables.indexOf(table);
				if (at >= 0) tables.splice(at, 1);
			};
		},
		handler: (id) => tables.find((table) => table.current[id])?.current[id],
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
