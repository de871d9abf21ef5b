// Wide names (CJK, emoji, and the visible forms of control and bidi characters) take the columns they
// are drawn in: every row of the panes is as wide as the screen, and the map's boxes keep their edges.
import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import {describe, expect, it, onTestFinished, vi} from 'vitest';
import {App} from '../../source/app.js';
import {sliceColumns} from '../../source/model/text-width.js';
import {buildTopology} from '../../source/model/topology.js';
import {layoutTopology} from '../../source/ui/topology/layout.js';
import {createFakeSystem} from '../support/fake-system.js';
import {WorldBuilder} from '../support/hand-world.js';
import {KEYS, press, settle, waitForFrame} from '../support/ink.js';
import {cellsOf, expectBoxesAligned, expectPanesFull} from '../support/screen-cells.js';

const world = new WorldBuilder()
	.namespace('host')
	.namespace('网桥')
	.namespace('🐳ns')
	.namespace('g\u202Etxt')
	.veth('host/网桥0', '网桥/端口一', {addresses: ['10.0.0.1/24', '10.0.0.2/24']})
	.veth('网桥/veth🐳', '🐳ns/eth0')
	.veth('g\u202Etxt/a\u202Eb', 'host/c\u001Bd')
	.veth('网桥/👨‍👩‍👧', '网桥/e\u0301x')
	.bridge('网桥/桥', ['veth🐳'])
	.build();

async function start(size: {columns: number; rows: number}, shown = world) {
	const app = render(<App system={createFakeSystem(shown)} size={size} />);
	onTestFinished(() => app.unmount());
	// ink-testing-library's stdout is 100 columns whatever the app is told: make ink lay out at the size.
	Object.defineProperty(app.stdout, 'columns', {value: size.columns});
	(app.stdout as unknown as NodeJS.EventEmitter).emit('resize');
	await waitForFrame(app, /Namespaces \(\d+\)/);
	await settle();
	return app;
}

/** The display column where `word` first stands alone in a line, after `from`. */
function columnOf(line: string, word: string, from = 0): number {
	const cells = cellsOf(line);
	return cells.findIndex((_, i) => i >= from && cells.slice(i, i + word.length).join('') === word && cells[i - 1] === ' ' && cells[i + word.length] === ' ');
}

/** Nothing is cut that has room: every namespace's counts whole, each interface's state in one column. */
function expectColumns(frame: string): void {
	const lines = frame.split('\n');
	const nsRows = lines.filter((line) => /(host|网桥|🐳ns|txt)/.test(line.split(/[║│]/)[1] ?? ''));
	expect(nsRows, frame).toHaveLength(4);
	for (const line of nsRows) expect(line.split(/[║│]/)[1], frame).toMatch(/\d\/\d up$/);
	const paneStart = cellsOf(lines[1]).lastIndexOf('┌') + 1 || cellsOf(lines[1]).lastIndexOf('╔') + 1;
	const stateColumns = lines.slice(2).map((line) => columnOf(line, 'UP', paneStart)).filter((c) => c >= 0);
	expect(stateColumns.length, frame).toBeGreaterThanOrEqual(2);
	expect(new Set(stateColumns).size, frame).toBe(1);
}

describe.each([
	{columns: 80, rows: 24},
	{columns: 120, rows: 40},
])('wide names at $columns x $rows', (size) => {
	it('every row of the panes is as wide as the screen, on every namespace and in the interfaces pane', async () => {
		const app = await start(size);
		for (let ns = 0; ns < 4; ns++) {
			expectPanesFull(app.lastFrame() ?? '', size);
			expectColumns(app.lastFrame() ?? '');
			await press(app, 'j');
			await settle();
		}
		await press(app, 'k');
		await press(app, 'k');
		await press(app, KEYS.tab);
		const frame = await waitForFrame(app, 'Interfaces in 网桥');
		expect(frame).toContain('端口一');
		expectPanesFull(frame, size);
	});

	it("the map's boxes line up: corners in one column, every row's edges in the corners' columns", async () => {
		const app = await start(size);
		await press(app, 't');
		const frame = await waitForFrame(app, 'Topology');
		expectBoxesAligned(frame);
		expect(frame).toContain('网桥');
		expect(frame).toContain('g⟨U+202E⟩txt');
	});
});

describe('a map wider than the screen, panned sideways', () => {
	it('shows each row from the same column: a wide character cut by the edge is a blank, nothing shifts', async () => {
		const builder = new WorldBuilder().namespace('host').namespace('网桥').namespace('🐳ns');
		// Names one column in, so that a pan of four columns cuts their wide character in two.
		for (let i = 0; i < 24; i++) builder.veth(`网桥/x网${i}`, `${i % 2 ? 'host' : '🐳ns'}/y👨‍👩‍👧${i}`);
		const wide = builder.build();
		const size = {columns: 60, rows: 24};
		const map = layoutTopology(wide, buildTopology(wide), {selected: 'host', width: size.columns});
		expect(map.width).toBeGreaterThan(size.columns + 3);
		const app = await start(size, wide);
		await press(app, 't');
		await waitForFrame(app, 'Topology');
		// → pans four columns at a time, up to the map's right edge.
		for (const left of [0, 4, 8].map((c) => Math.min(c, map.width - size.columns))) {
			if (left > 0) await press(app, KEYS.right);
			await vi.waitFor(() => {
				const frame = app.lastFrame() ?? '';
				const lines = frame.split('\n');
				for (const line of lines) expect(stringWidth(line), frame).toBeLessThanOrEqual(size.columns);
				// Title bar, two header lines, then the map's rows from its first.
				lines.slice(3, -1).forEach((line, row) => expect(line, frame).toBe(sliceColumns(map.lines[row] ?? '', left, size.columns).trimEnd()));
			});
		}
	});
});
