// NO_COLOR (https://no-color.org) takes the colours away, not the selection: the selected row of the
// focused pane is still drawn in reverse video (a style, not a colour), and every row keeps its › marker.
import {afterAll, describe, expect, it} from 'vitest';

// ink's chalk decides at load whether to write styles at all; this file loads it with styles on, as in a terminal.
const saved = {FORCE_COLOR: process.env.FORCE_COLOR, NO_COLOR: process.env.NO_COLOR};
process.env.FORCE_COLOR = '1';
process.env.NO_COLOR = '1';
afterAll(() => {
	for (const [name, value] of Object.entries(saved)) {
		if (value === undefined) delete process.env[name];
		else process.env[name] = value;
	}
});
const {startApp} = await import('../support/start-app.js');
const {KEYS, press, waitForFrame} = await import('../support/ink.js');

const INVERSE = '\u001B[7m';
/** Any foreground or background colour (30–37, 39 excepted as a reset, 90–97, 40–47, 38;…, 48;…). */
const COLOUR = /\u001B\[(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;\d+)*m/;

describe.each([
	{columns: 80, rows: 24},
	{columns: 200, rows: 50},
])('under NO_COLOR at $columns x $rows', (size) => {
	it('draws the focused pane’s selected row in reverse video, with no colour anywhere', async () => {
		const {app} = await startApp({size});
		let frame = app.lastFrame() ?? '';
		const hostRow = frame.split('\n').find((l) => l.includes('›') && l.includes('host'));
		expect(hostRow).toContain(`${INVERSE}›`);
		expect(frame).not.toMatch(COLOUR);
		// Focus moves to the interfaces: their selected row is the one in reverse video now.
		await press(app, KEYS.tab);
		frame = await waitForFrame(app, /\u001B\[7m›[^\n]*lo/);
		const lines = frame.split('\n');
		expect(lines.filter((l) => l.includes(INVERSE + '›'))).toHaveLength(1);
		// The namespaces pane keeps its marker, without reverse video (the interfaces' row shares its line).
		const shared = lines.find((l) => l.includes('›') && l.includes('host')) ?? '';
		expect(shared.indexOf(INVERSE)).toBeGreaterThan(shared.indexOf('host'));
	});
});
