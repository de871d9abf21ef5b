// NO_COLOR (https://no-color.org) takes the colours away, not the selection: the selected row of the
// focused pane is still drawn in reverse video (a style, not a colour), and every row keeps its › marker.
import {createRequire} from 'node:module';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startApp} from '../support/start-app.js';
import {KEYS, press, waitForFrame} from '../support/ink.js';

// ink's chalk decides at load whether to write styles at all (no TTY here: none). The unit suite shares
// one module graph per worker, so ink may be loaded already: this file turns its chalk's styles on, as in a
// terminal, and NO_COLOR on (theme.ts reads it as it draws), and puts both back after.
const inkChalk = pathToFileURL(createRequire(fileURLToPath(import.meta.resolve('ink'))).resolve('chalk')).href;
const {default: chalk} = (await import(inkChalk)) as {default: {level: number}};
const saved = {FORCE_COLOR: process.env.FORCE_COLOR, NO_COLOR: process.env.NO_COLOR};
const savedLevel = chalk.level;
beforeAll(() => {
	process.env.FORCE_COLOR = '1';
	process.env.NO_COLOR = '1';
	chalk.level = 1;
});
afterAll(() => {
	chalk.level = savedLevel;
	for (const [name, value] of Object.entries(saved)) {
		if (value === undefined) delete process.env[name];
		else process.env[name] = value;
	}
});

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
