// Long generated names at 80 columns: two pod namespaces (cni-<uuid>) stay apart in the list and on the
// map, cut in the middle; the full name is in the interfaces pane's title and the detail.
import {render} from 'ink-testing-library';
import {describe, expect, it, onTestFinished} from 'vitest';
import {App} from '../../source/app.js';
import {createFakeSystem} from '../support/fake-system.js';
import {WorldBuilder} from '../support/hand-world.js';
import {KEYS, press, waitForFrame} from '../support/ink.js';

const POD_A = 'cni-72b1c0d4-5e6f-4a3b-8c9d-0e1f2a3b9f1a';
const POD_B = 'cni-72b1c0d4-1d2c-4b5a-9e8f-7a6b5c4d3e2f';

async function start(size: {columns: number; rows: number}) {
	const world = new WorldBuilder().namespace('host').namespace(POD_A).namespace(POD_B).veth(`host/veth3a9f1b2c`, `${POD_A}/eth0`, {addresses: ['10.0.0.1/24', '10.0.0.2/24']}).veth('host/veth3a9f7d4e', `${POD_B}/eth0`).build();
	const app = render(<App system={createFakeSystem(world)} size={size} />);
	onTestFinished(() => app.unmount());
	await waitForFrame(app, 'Namespaces (3)');
	return app;
}

describe.each([
	{columns: 80, rows: 24},
	{columns: 200, rows: 50},
])('two cni- namespaces at $columns x $rows', (size) => {
	it('look different in the namespaces pane, and the selected one is named in full', async () => {
		const app = await start(size);
		const frame = app.lastFrame() ?? '';
		const rows = frame.split('\n').filter((l) => l.includes('cni-'));
		const cells = rows.map((l) => /[║│][›\s](cni-\S+)/.exec(l)?.[1]).filter(Boolean);
		expect(cells).toHaveLength(2);
		expect(cells[0]).not.toBe(cells[1]);
		// Cut in the middle: the start says what it is, the end which one (even 200 columns leave the list 26).
		for (const cell of cells) expect(cell).toMatch(/^cni-7[0-9a-f-]*…[0-9a-f]+$/);
		expect(cells.map((c) => c?.slice(-4)).sort()).toEqual(['3e2f', '9f1a']);
		await press(app, 'j');
		await waitForFrame(app, /Interfaces in cni-72b1c0d4-(5e6f|1d2c)-[0-9a-f-]+ \(2\)/);
		await press(app, KEYS.enter);
		const detail = await waitForFrame(app, 'Namespace cni-');
		expect(detail).toMatch(new RegExp(`Namespace (${POD_A}|${POD_B})`));
	});

	it('stay apart as the other end of the host’s veths, and the addresses stay in view', async () => {
		const app = await start(size);
		const rows = (app.lastFrame() ?? '').split('\n').filter((l) => l.includes('veth3a9f'));
		expect(rows).toHaveLength(2);
		const ends = rows.map((l) => /→ (\S+)/.exec(l)?.[1]);
		expect(ends[0]).not.toBe(ends[1]);
		for (const end of ends) expect(end).toMatch(/^cni-72b1c0d4.*(9f1a|3e2f)\/eth0$/);
		expect(rows[0]).toContain('10.0.0.1/24');
	});

	it('get boxes with different titles on the map', async () => {
		const app = await start(size);
		await press(app, 't');
		const frame = await waitForFrame(app, 'Topology');
		const titles = [...frame.matchAll(/[─═] (cni-\S+) [─═]/g)].map((m) => m[1]);
		expect(titles).toHaveLength(2);
		expect(titles[0]).not.toBe(titles[1]);
	});
});
