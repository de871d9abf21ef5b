// The overlay registry: one answer, per overlay, to who reads the keys, in which scopes, what the footer
// offers and whether the tutorial's keys act; key availability reads it.
import {describe, expect, it} from 'vitest';
import type {AppState, Overlay} from '../../source/state/app-state.js';
import {bindingActs, footerActs} from '../../source/state/keys/key-availability.js';
import {KEYMAP, SCOPE_TITLES, findBinding} from '../../source/state/keys/keymap.js';
import {activeScopes, keyReading, overlaySpec} from '../../source/state/overlays.js';
import {initialState} from '../../source/state/reducer.js';
import type {FormSpec} from '../../source/plans/forms/form-spec.js';
import type {PingPlan} from '../../source/plans/forms/exec-forms.js';

const spec = {} as FormSpec;
const OVERLAYS: Overlay[] = [
	{kind: 'help'},
	{kind: 'detail'},
	{kind: 'form', spec},
	{kind: 'running', title: 'x'},
	{kind: 'keep', title: 'x', deadline: 0},
	{kind: 'log'},
	{kind: 'topology'},
	{kind: 'tutorials'},
	{kind: 'exec', view: {panel: 'ping'}},
	{kind: 'exec', view: {panel: 'output'}},
	{kind: 'exec', view: {panel: 'pingForm', spec: {} as FormSpec<PingPlan>}},
	{kind: 'exec', view: {panel: 'shell', ns: 'ns1'}},
];
const over = (overlay?: Overlay): AppState => ({...initialState, overlay});
const binding = (id: string) => KEYMAP.find((b) => b.id === id)!;

describe('the overlay registry', () => {
	it.each(OVERLAYS.map((o) => [o.kind === 'exec' ? `exec ${o.view.panel}` : o.kind, o] as const))('%s: scopes that exist, and keys read by someone', (_name, overlay) => {
		const s = overlaySpec(overlay);
		for (const scope of [...s.scopes, ...s.footer]) expect(Object.keys(SCOPE_TITLES)).toContain(scope);
		// What reads its own keys (a form) or leaves them to a shell looks nothing up here.
		if (s.reader === 'own' || s.reader === 'none') expect(s.scopes).toEqual([]);
		else expect(s.scopes.length).toBeGreaterThan(0);
	});

	it('looks keys up as before: the focused pane, a filter, the log, the map', () => {
		expect(activeScopes(over())).toEqual(['namespaces', 'lists', 'global']);
		expect(activeScopes({...over(), focus: 'routes'})).toEqual(['routes', 'lists', 'global']);
		expect(activeScopes({...over(), filtering: 'namespaces'})).toEqual(['filter']);
		expect(activeScopes(over({kind: 'log'}))).toEqual(['log', 'overlay', 'global']);
		expect(activeScopes(over({kind: 'topology'}))).toEqual(['map', 'global']);
		expect(findBinding('j', activeScopes(over({kind: 'tutorials'})))?.id).toBe('pickerDown');
		expect(findBinding('L', activeScopes(over({kind: 'tutorials'})))?.id).toBe('tutorials');
	});

	it('lets the tutorial’s keys act over the panes and what only shows, not over a form, a panel or a filter', () => {
		expect(keyReading(over()).tutorialKeys).toBe(true);
		expect(keyReading(over({kind: 'keep', title: 'x', deadline: 0})).tutorialKeys).toBe(true);
		expect(keyReading(over({kind: 'form', spec})).tutorialKeys).toBe(false);
		expect(keyReading(over({kind: 'tutorials'})).tutorialKeys).toBe(false);
		expect(keyReading(over({kind: 'exec', view: {panel: 'ping'}})).tutorialKeys).toBe(false);
		expect(keyReading({...over(), filtering: 'namespaces'}).tutorialKeys).toBe(false);
	});

	it('lets change and look keys act on the panes and over the detail only; pane keys only on the panes', () => {
		expect(bindingActs(over(), binding('veth'))).toBe(true);
		expect(bindingActs(over({kind: 'detail'}), binding('ping'))).toBe(true);
		expect(bindingActs(over({kind: 'help'}), binding('veth'))).toBe(false);
		expect(bindingActs(over({kind: 'detail'}), binding('nextPane'))).toBe(false);
		expect(bindingActs(over({kind: 'log'}), binding('log'))).toBe(true);
	});

	it('has the footer offer neither the overlay already open nor changes in a read-only session', () => {
		expect(footerActs(over({kind: 'log'}), false)(binding('log'))).toBe(false);
		expect(footerActs(over(), false)(binding('log'))).toBe(true);
		expect(footerActs(over(), true)(binding('veth'))).toBe(false);
		expect(footerActs(over(), true)(binding('ping'))).toBe(true);
	});
});
