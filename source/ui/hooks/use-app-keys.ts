// The app's own keys, by binding id: moves in the lists, focus, the overlays that only show things, the
// log, filters, and the change and look keys. The input layer (use-key-input.ts) looks each key up in
// keymap.ts and calls the handler here; whether a key acts now is the binding row's (key-availability.ts).
import {useApp} from 'ink';
import type {BindingId} from '../../state/keys/keymap.js';
import {filterKey} from '../../state/filter-keys.js';
import {logMostBack} from '../../state/log-scroll.js';
import {moveSelection, type Move} from '../../state/navigation.js';
import type {Action} from '../../state/reducer.js';
import type {AppState, Overlay} from '../../state/app-state.js';
import type {TypedKey} from '../../state/keys/key-chunk.js';
import {KEYMAP} from '../../state/keys/keymap.js';
import type {KeyHandlers} from './key-layer.js';
import {noNamespaceText} from '../../state/selectors.js';

export interface AppKeyHandlers {
	readonly refresh: () => void;
	/** A key that changes the world: open its form or run its plan. */
	readonly change: (id: BindingId) => void;
	readonly exportLog: () => void;
	/** W: save the world as a file. */
	readonly saveWorld?: () => void;
	readonly copyLog: () => void;
	/** p, x, s: look inside the selected namespace (ping, one command, a shell). */
	readonly look?: (id: BindingId) => void;
	/** The command log overlay's size: its scrolling stops at the first command instead of going on past it. */
	readonly logSize?: {readonly columns: number; readonly rows: number};
	/** Enter's detail view: reads what the World does not hold (sysctls, firewall) once it is open. */
	readonly detailFacts?: () => void;
	/** How far the open help or detail view scrolls: presses past its end are not saved up. */
	readonly overlayMostScroll?: () => number;
	/** Several servers: a move in the namespaces pane, headings and other servers included (true when taken). */
	readonly crossHost?: (to: Move) => boolean;
	/** Several servers: Enter on a server's heading folds or unfolds it (true when it was on one). */
	readonly foldServer?: () => boolean;
}

const MOVES: Partial<Record<BindingId, Move>> = {up: 'up', down: 'down', pageUp: 'pageUp', pageDown: 'pageDown', home: 'home', end: 'end'};

export interface AppKeys {
	readonly table: KeyHandlers;
	/** While a filter is typed: whether the key was the filter's (text, Enter, Esc, a move). */
	readonly filterText: (typed: TypedKey) => boolean;
	/** A paste on the panes: the filter takes its first line; elsewhere it is refused, and said so. */
	readonly paste: (text: string) => void;
}

export function useAppKeys(getState: () => AppState, dispatch: (action: Action) => void, handlers: AppKeyHandlers, page: number): AppKeys {
	const {exit} = useApp();
	const move = (to: Move): void => {
		if (handlers.crossHost?.(to)) return;
		const action = moveSelection(getState(), to, page);
		if (action) dispatch(action);
	};
	const toggle = (kind: 'help' | 'topology' | 'log' | 'tutorials') => (): void =>
		dispatch(getState().overlay?.kind === kind ? {type: 'closeOverlay'} : {type: 'openOverlay', overlay: {kind} as Overlay});
	const scroll = (step: number) => (): void => {
		const state = getState();
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
	};
	const table: KeyHandlers = {
		quit: () => exit(),
		help: toggle('help'),
		topology: toggle('topology'),
		log: toggle('log'),
		tutorials: toggle('tutorials'),
		up: () => move('up'),
		down: () => move('down'),
		pageUp: () => move('pageUp'),
		pageDown: () => move('pageDown'),
		home: () => move('home'),
		end: () => move('end'),
		scrollUp: scroll(-1),
		scrollDown: scroll(1),
		scrollPageUp: scroll(-page),
		scrollPageDown: scroll(page),
		logTop: scroll(-Infinity),
		logEnd: scroll(Infinity),
		close: () => dispatch({type: 'closeOverlay'}),
		nextPane: () => dispatch({type: 'cycleFocus', step: 1}),
		prevPane: () => dispatch({type: 'cycleFocus', step: -1}),
		focusNamespaces: () => dispatch({type: 'focus', pane: 'namespaces'}),
		focusInterfaces: () => dispatch({type: 'focus', pane: 'interfaces'}),
		focusRoutes: () => dispatch({type: 'focus', pane: 'routes'}),
		detail: () => {
			if (handlers.foldServer?.()) return;
			// On a server's heading in another pane: nothing to show the detail of.
			if (getState().onServerHeading) return dispatch({type: 'message', tone: 'info', text: noNamespaceText(getState())});
			dispatch({type: 'openOverlay', overlay: {kind: 'detail'}});
			handlers.detailFacts?.();
		},
		refresh: () => handlers.refresh(),
		exportLog: () => handlers.exportLog(),
		saveWorld: () => handlers.saveWorld?.(),
		copyLog: () => handlers.copyLog(),
		filter: () => dispatch({type: 'filterStart'}),
		clearFilter: () => dispatch({type: 'filterClear'}),
		otherEnd: () => dispatch({type: 'otherEnd'}),
	};
	// Every row marked as a change or a look (keymap.ts) acts on the panes' selection.
	for (const binding of KEYMAP) {
		if (binding.changes) table[binding.id] = () => handlers.change(binding.id);
		if (binding.looks) table[binding.id] = () => handlers.look?.(binding.id);
	}
	const filterText = (typed: TypedKey): boolean => {
		const result = filterKey(getState(), typed.name, typed.input);
		if (result && 'action' in result) dispatch(result.action);
		if (result && 'move' in result) move(MOVES[result.move] ?? 'up');
		return result !== undefined;
	};
	const paste = (text: string): void => {
		const state = getState();
		if (!state.filtering) return dispatch({type: 'message', tone: 'error', text: 'pasted text not used: only / and the forms take text'});
		const [line = ''] = text.split(/[\r\n]/);
		dispatch({type: 'filterText', text: (state.filters[state.filtering] ?? '') + line});
	};
	return {table, filterText, paste};
}
