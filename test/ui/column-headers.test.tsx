// Column names above the lists where the panes have rows to spare (200x50), none at 80x24 where every
// row is needed and the columns say what they are.
import {describe, expect, it} from 'vitest';
import {KEYS, press, waitForFrame} from '../support/ink.js';
import {startApp} from '../support/start-app.js';

describe('column headers at 200x50', () => {
	it('name the columns of the namespaces, interfaces and routes panes, aligned with the rows', async () => {
		const {app} = await startApp({size: {columns: 200, rows: 50}});
		const lines = (app.lastFrame() ?? '').split('\n');
		const header = lines.find((l) => l.includes(' name (who lives there)')) ?? '';
		expect(header).toMatch(/links up[║│]/);
		expect(header).toMatch(/ name +kind +state +mac +mtu +other end, bridge · addresses/);
		// Each name sits under its column's name.
		const brRow = lines.find((l) => l.includes(' br0 ')) ?? '';
		for (const [column, cell] of [
			['kind', 'bridge'],
			['state', 'UP'],
			['mtu', '1500'],
		]) {
			expect(brRow.indexOf(` ${cell}`) + 1, column).toBe(header.indexOf(` ${column}`) + 1);
		}
		expect(lines.some((l) => l.includes('ip destination [nhid] [via gateway] dev device'))).toBe(true);
		// The header is not a row: the selection starts on the first item, under it.
		const hostRow = lines.findIndex((l) => l.includes('›host'));
		expect(lines[hostRow - 1]).toContain('name (who lives there)');
		await press(app, 'j');
		await waitForFrame(app, /›ns1/);
	});
});

describe('column headers at 80x24', () => {
	it('are left out: the rows are needed for items', async () => {
		const {app} = await startApp();
		const frame = app.lastFrame() ?? '';
		expect(frame).not.toContain('who lives there');
		expect(frame).not.toMatch(/ name +state/);
		expect(frame).not.toContain('ip destination');
		await press(app, KEYS.tab);
		await waitForFrame(app, /║›lo +UP/);
	});
});
