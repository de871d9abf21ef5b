// The help overlay: every key from keymap.ts, laid out so that nothing overlaps and scrolling keeps each
// item in its column; one column below 100 columns.
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {KEYMAP, displayKey} from '../../source/state/keys/keymap.js';
import {helpLayout} from '../../source/ui/overlays/help-layout.js';
import {mapAction} from '../../source/ui/topology/map-keys.js';
import {press, waitForFrame} from '../support/ink.js';
import {startApp} from '../support/start-app.js';

const PAGE_DOWN = '\u001B[6~';

const SIZES = [
	{columns: 80, rows: 24},
	{columns: 200, rows: 50},
];

/** Every file under source/, for the keys they read. */
function sourceFiles(dir = join(import.meta.dirname, '..', '..', 'source')): string[] {
	return readdirSync(dir, {withFileTypes: true}).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
}

const inHelp = (key: string, scope?: string): boolean => KEYMAP.some((b) => b.keys.includes(key) && (scope === undefined || b.scope === scope));

describe('the keys the help lists', () => {
	it('has every Ctrl key some part of nsdeck reads', () => {
		const read = new Set(sourceFiles().flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/'(ctrl\+[a-z])'/g)].map((m) => m[1])));
		expect([...read]).toEqual(expect.arrayContaining(['ctrl+u', 'ctrl+y']));
		for (const key of read) expect(inHelp(key), key).toBe(true);
	});

	it('has every key of the map, and the map acts on each key the help gives it', () => {
		const mapKeys = ['up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'tab', 'shift+tab', 'j', 'k', 'return'];
		for (const key of mapKeys) expect(mapAction(key), key).toBeDefined();
		for (const b of KEYMAP.filter((x) => x.scope === 'map' && x.id !== 'close')) for (const key of b.keys) expect(mapAction(key), key).toBeDefined();
		for (const key of mapKeys) expect(inHelp(key, 'map'), key).toBe(true);
		expect(inHelp('escape', 'map')).toBe(true);
	});
});

describe.each(SIZES)('the help layout at $columns x $rows', ({columns, rows}) => {
	const height = rows - 3;
	it('lists every binding once, each line within its column', () => {
		const layout = helpLayout(columns, height, 0);
		const lines = layout.columns.flat();
		for (const b of KEYMAP) {
			const keys = b.keys.map(displayKey).join(' ');
			// Rows that say the same (pan up, down, left, right) share one entry: its keys hold this row's.
			expect(lines.some((l) => l.kind === 'entry' && ` ${l.keys} `.includes(` ${keys} `) && b.description.startsWith(l.text.split(' (')[0] || b.description)), b.id).toBe(true);
		}
		// An entry (and its wrapped lines) has 12 columns of keys before its text; a title stands alone.
		for (const line of lines) expect((line.kind === 'title' ? 0 : 12) + [...line.text].length, line.text).toBeLessThanOrEqual(layout.columnWidth);
		expect(layout.columnWidth * layout.columns.length + 2 * (layout.columns.length - 1)).toBeLessThanOrEqual(columns - 4);
		if (columns < 100) expect(layout.columns).toHaveLength(1);
	});

	it('scrolls every column together: an item never changes column', () => {
		const top = helpLayout(columns, height, 0);
		const scrolled = helpLayout(columns, height, 5);
		expect(scrolled.columns).toEqual(top.columns);
		expect(scrolled.start).toBe(Math.min(5, top.maxScroll));
	});
});

describe.each([
	{columns: 120, rows: 40},
	{columns: 120, rows: 30},
	{columns: 100, rows: 30},
	{columns: 160, rows: 40},
])('the help at $columns x $rows, scrolled (issue 27 item 10)', ({columns, rows}) => {
	it('keeps each section in one column when it fits in one: "Ping panel" is not split', () => {
		const layout = helpLayout(columns, rows - 2, 0);
		// Scrolled, the end of one column and the top of the next are never on screen together.
		expect(layout.maxScroll).toBeGreaterThan(0);
		const tallest = Math.max(layout.rows, ...layout.columns.map((c) => c.length));
		// Each section's lines, and the columns they landed in.
		const sections: Array<{title: string; lines: number; columns: Set<number>}> = [];
		for (const [c, column] of layout.columns.entries()) {
			for (const line of column) {
				if (line.kind === 'title') sections.push({title: line.text, lines: 0, columns: new Set()});
				const section = sections.at(-1);
				if (section && line.kind !== 'gap') {
					section.lines++;
					section.columns.add(c);
				}
			}
		}
		expect(sections.map((s) => s.title)).toContain('Ping panel');
		for (const section of sections) if (section.lines <= tallest) expect([...section.columns], section.title).toHaveLength(1);
	});
});

describe.each([...SIZES, {columns: 120, rows: 30}])('the help overlay at $columns x $rows', (size) => {
	it('draws nothing past a column’s edge, and an item stays in its column when scrolled', async () => {
		const {app} = await startApp({size});
		await press(app, '?');
		const before = await waitForFrame(app, 'nsdeck help');
		const lines = before.split('\n');
		expect(lines).toHaveLength(size.rows);
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(size.columns);
		// Two entries on one row are apart: the keys of each start a column.
		const layout = helpLayout(size.columns, size.rows - 2, 0);
		const columnStarts = layout.columns.map((_, c) => 2 + c * (layout.columnWidth + 2));
		const row = lines.find((l) => l.includes('read the world again')) ?? '';
		const at = (text: string, frame: string): number => (frame.split('\n').find((l) => l.includes(text)) ?? '').indexOf(text);
		expect(columnStarts).toContain(row.indexOf('Ctrl+R'));
		// Scroll: the same item is found at the same column (it may have left the screen at 80x24).
		const probe = 'a shell inside the selected namespace';
		const x = at(probe, before);
		if (layout.maxScroll === 0) {
			// Everything at once (200x50): nothing to scroll.
			expect(size.columns).toBeGreaterThanOrEqual(200);
			return;
		}
		await press(app, 'j');
		await press(app, 'j');
		const after = await waitForFrame(app, '↑↓ PgDn 2/');
		if (x >= 0 && at(probe, after) >= 0) expect(at(probe, after)).toBe(x);
		if (size.columns < 100) expect(after).toContain('Shift+Tab   previous pane');
	});

	it('lists the Ctrl keys of forms and the map’s keys', async () => {
		const {app} = await startApp({size});
		await press(app, '?');
		let seen = await waitForFrame(app, 'nsdeck help');
		// Page down through all of it.
		for (let i = 0; i < 12 && !/PgDn (\d+)\/\1\b/.test(app.lastFrame() ?? ''); i++) {
			await press(app, PAGE_DOWN);
			seen += (app.lastFrame() ?? '') + '\n';
		}
		for (const text of ['Ctrl+U', 'clear the field', 'Ctrl+Y', 'copy the commands', 'Topology map (t)', 'pan the map', 'next namespace', 'Ctrl+R']) {
			expect(seen).toContain(text);
		}
	});
});
