// A field's example (`none, or 100ms`) shows in its value cell, where the typed value goes, not pushed
// to the row's right end: at 60 columns it read `n…`.
import {describe, expect, it} from 'vitest';
import {KEYS, press, waitForFrame} from '../support/ink.js';
import {startApp} from '../support/start-app.js';

describe.each([
	{columns: 60, rows: 15},
	{columns: 80, rows: 24},
])('placeholders at $columns x $rows', (size) => {
	it('Q shows each example where its value goes', async () => {
		const {app} = await startApp({size});
		await press(app, '2');
		await press(app, 'Q');
		const frame = await waitForFrame(app, 'Shape what');
		const lines = frame.split('\n');
		const burst = lines.find((l) => l.includes('Burst')) ?? '';
		const jitter = lines.find((l) => l.includes('Jitter')) ?? '';
		expect(jitter).toContain('none, or 10ms');
		expect(jitter.indexOf('none')).toBe(burst.indexOf('32kbit'));
		await press(app, KEYS.escape);
	});
});
