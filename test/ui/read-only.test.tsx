// A session that may not change anything (not root, no --dry-run): the footer offers no change key, and
// the help marks each one unavailable.
import {describe, expect, it} from 'vitest';
import {KEYMAP} from '../../source/state/keys/keymap.js';
import {KEYS, press, waitForFrame} from '../support/ink.js';
import {startApp} from '../support/start-app.js';

const READ_ONLY = {canChange: false, reason: 'read-only: not root (needs CAP_NET_ADMIN)'};
const footerOf = (frame: string): string => frame.split('\n').at(-1) ?? '';
/** `n new`, `d delete`, … : every change key's hint. */
const changeHints = KEYMAP.filter((b) => b.changes && b.hint).map((b) => ` ${b.hint}`);

async function startReadOnly(size: {columns: number; rows: number}, dryRun = false) {
	return startApp({size, props: {dryRun}, access: READ_ONLY});
}

describe.each([
	{columns: 80, rows: 24},
	{columns: 200, rows: 50},
])('read-only at $columns x $rows', (size) => {
	it('offers no change key in the footer of any pane, and still the others', async () => {
		const {app} = await startReadOnly(size);
		for (const key of ['2', '3', '1']) {
			await press(app, key);
			const footer = footerOf(app.lastFrame() ?? '');
			for (const hint of changeHints) expect(footer, hint).not.toMatch(new RegExp(`(^|  )\\S+${hint}(  |$)`));
			expect(footer).toMatch(/\? help$/);
		}
		const footer = footerOf(app.lastFrame() ?? '');
		expect(footer).toContain('s shell');
		expect(footer).toContain('Enter detail');
	});

	it('marks every change key unavailable in the help', async () => {
		const {app} = await startReadOnly(size);
		await press(app, KEYS.tab);
		await press(app, '?');
		const frame = await waitForFrame(app, 'nsdeck help');
		expect(frame).toContain('read-only: changes unavailable');
		// At 200 columns the help has four columns now: a long description wraps after its first words.
		expect(frame).toMatch(/v {11}add a veth pair \(read-only:/);
		expect(frame).toMatch(/p {11}ping from the selected namespace,\s/);
		expect(frame).not.toMatch(/ping from the selected namespace, live \(read-only/);
	});
});

describe('a dry run without the rights to change', () => {
	it('still offers the change keys: they plan without running', async () => {
		const {app} = await startReadOnly({columns: 80, rows: 24}, true);
		await press(app, '2');
		await press(app, '1');
		expect(footerOf(app.lastFrame() ?? '')).toMatch(/^n new/);
	});
});
