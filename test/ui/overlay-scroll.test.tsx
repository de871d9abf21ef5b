// Scrolling the help and the detail view stops at their ends: presses past an end are not saved up, so
// the first press back moves at once.
import {describe, expect, it} from 'vitest';
import {KEYS, press, waitForFrame} from '../support/ink.js';
import {startApp} from '../support/start-app.js';

const PAGE_DOWN = '\u001B[6~';
const PAGE_UP = '\u001B[5~';

describe('overlay scrolling', () => {
	it('help: PgDn past the end, then one PgUp moves back', async () => {
		const {app} = await startApp({size: {columns: 80, rows: 24}});
		await press(app, '?');
		const first = await waitForFrame(app, /PgDn 0\/(\d+)/);
		const most = Number(/PgDn 0\/(\d+)/.exec(first)?.[1]);
		expect(most).toBeGreaterThan(0);
		for (let i = 0; i < 20; i++) await press(app, PAGE_DOWN);
		await waitForFrame(app, `PgDn ${most}/${most}`);
		await press(app, PAGE_UP);
		const back = await waitForFrame(app, /PgDn (\d+)\//);
		expect(Number(/PgDn (\d+)\//.exec(back)?.[1])).toBeLessThan(most);
		// And past the top: one ↓ moves at once.
		for (let i = 0; i < 40; i++) await press(app, PAGE_UP);
		await waitForFrame(app, `PgDn 0/${most}`);
		await press(app, KEYS.down);
		await waitForFrame(app, `PgDn 1/${most}`);
	});
});
