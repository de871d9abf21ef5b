// The overlay registry, as state sees it: for whatever covers the panes (or nothing), who reads the keys,
// which scopes of keymap.ts they are looked up in, what the footer offers, whether the tutorial's keys
// act, and what it needs of the screen. The input layer, the footer, key availability and type-ahead all
// ask here, so no overlay is decided in more than one place. (How each is drawn: ui/overlays/overlay-view.tsx.)
import type {AppState, Overlay} from './app-state.js';
import type {ExecView} from './exec-view.js';
import {scopesFor, type Scope} from './keys/keymap.js';

export interface OverlaySpec {
	/**
	 * Who reads the keys: the app's table and any panel's ('app'); only the panel's own table ('panel'); the
	 * overlay itself ('own': a form, which the input layer hands each key, to type as text or act on); or
	 * nothing of nsdeck ('none': a shell has the terminal).
	 */
	readonly reader: 'app' | 'panel' | 'own' | 'none';
	/** Scopes a key is looked up in, most specific first. */
	readonly scopes: readonly Scope[];
	/** Scopes the footer offers (forms and the keep countdown say their keys themselves). */
	readonly footer: readonly Scope[];
	/** Whether h and T (the tutorial's keys) act while it shows. */
	readonly tutorialKeys: boolean;
	/** It shows the panes' selection: change and look keys act on it (keymap.ts `when: 'selection'`). */
	readonly showsSelection: boolean;
	/** It needs the rows: the tutorial below the panes shrinks to its goal (a form draws every field). */
	readonly compactTutorial: boolean;
	/** Keys typed ahead during a run may go on acting over it (its keys only show things). */
	readonly replayOver: boolean;
}

const SHOWS: OverlaySpec = {reader: 'app', scopes: ['overlay', 'global'], footer: ['overlay', 'global'], tutorialKeys: true, showsSelection: false, compactTutorial: false, replayOver: false};
const FORM: OverlaySpec = {...SHOWS, reader: 'own', scopes: [], footer: [], tutorialKeys: false};

const SPECS: {readonly [K in Exclude<Overlay['kind'], 'exec'>]: OverlaySpec} = {
	help: {...SHOWS, replayOver: true},
	detail: {...SHOWS, showsSelection: true, replayOver: true},
	log: {...SHOWS, scopes: ['log', 'overlay', 'global'], footer: ['log', 'overlay', 'global'], replayOver: true},
	result: SHOWS,
	// Keys typed now wait for the run's end (ui/hooks/type-ahead.ts).
	running: SHOWS,
	topology: {...SHOWS, scopes: ['map', 'global'], footer: ['map', 'global']},
	form: {...FORM, compactTutorial: true},
	keep: {...SHOWS, reader: 'panel', scopes: ['keep'], footer: []},
	// L closes the chooser too: 'global' holds it. The footer is what it was before the chooser had a scope.
	tutorials: {...SHOWS, reader: 'panel', scopes: ['picker', 'global'], tutorialKeys: false},
};

const EXEC: {readonly [K in ExecView['panel']]: OverlaySpec} = {
	pingForm: FORM,
	commandForm: FORM,
	captureForm: FORM,
	scriptForm: FORM,
	ping: {...SHOWS, reader: 'panel', scopes: ['ping', 'global'], footer: ['ping'], tutorialKeys: false},
	output: {...SHOWS, reader: 'panel', scopes: ['output', 'global'], footer: ['output'], tutorialKeys: false},
	// The output panel's keys, and the capture's own first.
	capture: {...SHOWS, reader: 'panel', scopes: ['capture', 'output', 'global'], footer: ['capture', 'output'], tutorialKeys: false},
	shell: {...SHOWS, reader: 'none', scopes: [], footer: [], tutorialKeys: false},
};

export const overlaySpec = (overlay: Overlay): OverlaySpec => (overlay.kind === 'exec' ? EXEC[overlay.view.panel] : SPECS[overlay.kind]);

/** The panes themselves, and the panes while a filter is typed. */
function panesSpec(state: AppState): OverlaySpec {
	if (state.filtering) return {...SHOWS, scopes: ['filter'], footer: ['filter'], tutorialKeys: false, replayOver: true};
	const scopes = scopesFor(state.focus);
	return {...SHOWS, scopes, footer: scopes, showsSelection: true, replayOver: true};
}

/** What reads the keys now, and how: the open overlay's spec, or the panes'. */
export const keyReading = (state: AppState): OverlaySpec => (state.overlay && !state.filtering ? overlaySpec(state.overlay) : panesSpec(state));

/** The scopes a key is looked up in now, most specific first. */
export const activeScopes = (state: AppState): readonly Scope[] => keyReading(state).scopes;

/** The scopes the footer offers now: the overlay's (or the panes'), then the tutorial's when one is open. */
export const footerScopes = (state: AppState, tutorialOpen: boolean): readonly Scope[] => [...keyReading(state).footer, ...(tutorialOpen ? TUTORIAL : [])];

const TUTORIAL: readonly Scope[] = ['tutorial'];
