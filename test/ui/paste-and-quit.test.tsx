// A paste is text, never keys: its line break must not submit a form, and a pasted q or Enter must not act
// on the panes (terminals send a pasted line break as Enter; nsdeck turns on bracketed paste, so the
// terminal marks a paste, as here). And Ctrl+C quits from a form as from anywhere else.
import {render} from 'ink-testing-library';
import {useEffect} from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/app.js';
import {createFakeSystem} from '../support/fake-system.js';
import {fixtureWorld} from '../support/fixtures.js';
import {KEYS, press, settle, waitForFrame} from '../support/ink.js';

const pasted = (text: string): string => `\u001B[200~${text}\u001B[201~`;

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

/** The app, and whether ink has taken it down (as it does on quit). */
async function start() {
	const system = createFakeSystem(fixtureWorld('bridge'), []);
	const state = {unmounted: false};
	function Probe() {
		useEffect(() => () => void (state.unmounted = true), []);
		return <App system={system} size={{columns: 100, rows: 30}} />;
	}
	const app = render(<Probe />);
	unmount = app.unmount;
	await waitForFrame(app, 'Namespaces (3)');
	await settle();
	return {app, system, state};
}

describe('a paste', () => {
	it('goes into the field as text: its line break is shown and refused, and nothing runs', async () => {
		const {app, system} = await start();
		await press(app, 'n');
		await waitForFrame(app, 'New namespace');
		await press(app, pasted('ns9\rzz'));
		await waitForFrame(app, 'ns9␍zz');
		await press(app, KEYS.enter);
		await settle();
		expect(app.lastFrame()).toContain('New namespace');
		expect(app.lastFrame()).toContain('✗');
		expect(system.calls).toEqual([]);
	});

	it('on the panes is not taken as keys (a q in it would quit), and says so', async () => {
		const {app, state} = await start();
		await press(app, pasted('q'));
		await waitForFrame(app, 'pasted text not used');
		expect(state.unmounted).toBe(false);
	});

	it('that ends early (a terminal passed its ESC through) leaves the rest of the read as text: no Enter submits', async () => {
		const {app, system} = await start();
		await press(app, 'n');
		await waitForFrame(app, 'New namespace');
		await press(app, '\u001B[200~brk\u001B[201~\r');
		await waitForFrame(app, 'brk␍');
		await settle();
		expect(app.lastFrame()).toContain('New namespace');
		expect(system.calls).toEqual([]);
	});

	it("in the filter is its first line, as text", async () => {
		const {app} = await start();
		await press(app, '/');
		await press(app, pasted('ns2\rq'));
		await waitForFrame(app, '/ns2');
		expect(app.lastFrame()).not.toContain('ns2q');
	});
});

describe('Ctrl+C', () => {
	it.each([
		['n', 'New namespace'],
		['x', 'Run one command in'],
	])('quits from a form (%s)', async (key, title) => {
		const {app, state} = await start();
		await press(app, key);
		await waitForFrame(app, title);
		await press(app, '\u0003');
		await settle();
		expect(state.unmounted).toBe(true);
	});
});
