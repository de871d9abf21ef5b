// --dry-run as a planner, over a fake system that fails on any command: each confirmed plan is recorded,
// not run; what it makes appears in the panes marked planned; later forms offer it; the log's w writes
// the plans as one script.
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/app.js';
import {createFakeSystem} from '../support/fake-system.js';
import {fillForm, selectRow} from '../support/drive.js';
import {fixtureWorld} from '../support/fixtures.js';
import {KEYS, press, settle, waitForFrame, type Rendered} from '../support/ink.js';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

async function start(size = {columns: 80, rows: 24}) {
	const system = createFakeSystem(fixtureWorld('bridge'), []);
	const app = render(<App system={system} size={size} dryRun />);
	unmount = app.unmount;
	await waitForFrame(app, 'Namespaces (3)');
	await settle();
	return {app, system};
}

async function planNamespace(app: Rendered, name: string): Promise<void> {
	await press(app, 'n');
	await fillForm(app, 'New namespace', [name]);
	await waitForFrame(app, `planned, not run: Create namespace ${name}`);
}

describe('--dry-run plans', () => {
	it.each([
		[80, 24],
		[200, 50],
	])('at %dx%d: a planned namespace is listed, marked planned, selected, and nothing runs', async (columns, rows) => {
		const {app, system} = await start({columns, rows});
		await planNamespace(app, 'ns9');
		const frame = await waitForFrame(app, 'Namespaces (4)');
		expect(frame).toMatch(columns === 80 ? /›ns9\s+planned║/ : /›ns9\s+planned 1\/1 up/);
		// The kernel's namespaces are not marked.
		expect(frame).toMatch(/ns1\s+\d\/\d up/);
		expect(frame).not.toMatch(/ns1\s+planned/);
		expect(system.calls).toEqual([]);
	});

	it('the next form offers the planned namespace; the planned veth shows in the panes with its peer, and its detail says planned', async () => {
		const {app, system} = await start({columns: 100, rows: 30});
		await planNamespace(app, 'ns9');
		await press(app, 'v');
		// The form joins the selected namespace, the planned ns9, to a partner; its end is named after it.
		await waitForFrame(app, /End 2 in\s+‹ ns9/);
		await fillForm(app, 'Add a veth pair', ['10.9.9.1/24']);
		await waitForFrame(app, 'planned, not run: Add veth pair veth_ns1_2 (ns1) ⇄ veth_ns9 (ns9)');
		await press(app, '1');
		await selectRow(app, 'ns9');
		const frame = await waitForFrame(app, /veth_ns9\s+veth\s+UP\s+planned\s+→ ns1\/veth_ns1_2 10\.9\.9\.2\/24/);
		expect(frame).toContain('Interfaces in ns9 (2)');
		await press(app, '2');
		await selectRow(app, 'veth_ns9');
		await press(app, KEYS.enter);
		const detail = await waitForFrame(app, 'Interface veth_ns9');
		expect(detail).toMatch(/planned\s+not made yet: planned in this dry run/);
		expect(detail).toMatch(/10\.9\.9\.2\/24 scope global \(planned\)/);
		await press(app, KEYS.escape);
		// The routes pane shows the subnet route the kernel would add, planned.
		await press(app, '3');
		await waitForFrame(app, /10\.9\.9\.0\/24 dev veth_ns9 proto kernel scope link src 10\.9\.9\.2 planned/);
		expect(system.calls).toEqual([]);
	});

	it.each(['p', 'x', 's'])('%s on a namespace that is only planned says so, and runs nothing', async (key) => {
		const {app, system} = await start();
		await planNamespace(app, 'ns9');
		await press(app, key);
		const frame = await waitForFrame(app, 'ns9 is only planned (dry run): nothing runs inside');
		// No form or panel opened: the panes are still there.
		expect(frame).toContain('Namespaces (4)');
		expect(system.calls).toEqual([]);
	});

	it('forwarding planned in a planned namespace is where the next forwarding form starts; the kernel is not asked', async () => {
		const {app, system} = await start();
		system.readForwarding = () => Promise.reject(new Error('asked the kernel about a planned namespace'));
		await planNamespace(app, 'ns9');
		await press(app, 'f');
		await waitForFrame(app, /IPv4 forwarding\s+\[ \] no/);
		await press(app, KEYS.space);
		await press(app, KEYS.enter);
		await waitForFrame(app, 'planned, not run: Enable IPv4 forwarding in ns9');
		await waitForFrame(app, /ns9\s+planned/);
		await press(app, 'f');
		await waitForFrame(app, /IPv4 forwarding\s+\[x\] yes/);
		expect(system.calls).toEqual([]);
	});

	it('a later read of the kernel keeps the planned objects on top of it', async () => {
		const {app, system} = await start({columns: 100, rows: 30});
		await planNamespace(app, 'ns9');
		// Someone else makes a namespace meanwhile: the kernel's new world, with the plan on top.
		const ns1 = system.world.namespaces.find((n) => n.id === 'ns1');
		system.world = {namespaces: [...system.world.namespaces, {...ns1!, id: 'ns5', path: '/run/netns/ns5'}]};
		system.emit({type: 'list'});
		const frame = await waitForFrame(app, 'Namespaces (5)');
		expect(frame).toMatch(/ns5\s+\d\/\d up/);
		expect(frame).toMatch(/ns9\s+planned/);
		expect(system.calls).toEqual([]);
	});

	it('a namespace made for real under the same name as a planned one is read, not left as planned', async () => {
		const {app, system} = await start({columns: 100, rows: 30});
		await planNamespace(app, 'ns9');
		// The host selected, so that ns9 is not read for being selected.
		await press(app, 'g');
		await waitForFrame(app, /›host/);
		const ns1 = system.world.namespaces.find((n) => n.id === 'ns1');
		system.world = {namespaces: [...system.world.namespaces, {...ns1!, id: 'ns9', path: '/run/netns/ns9'}]};
		system.emit({type: 'list'});
		// ns1's links, read from the kernel's ns9 (2 of 4 up): neither the planned lo alone nor a placeholder.
		await waitForFrame(app, /ns9\s+planned 2\/4 up/);
		expect(system.calls).toEqual([]);
	});

	it('w in the log asks where, then writes the plans as one script, in order, and says where', async () => {
		const {app} = await start({columns: 100, rows: 30});
		await planNamespace(app, 'ns9');
		await press(app, 'b');
		await fillForm(app, 'Add a bridge', ['br9', {choose: 'ns9'}, '10.9.0.1/24']);
		await waitForFrame(app, 'planned, not run: Add bridge br9 in ns9');
		const dir = mkdtempSync(join(tmpdir(), 'nsdeck-plan-'));
		try {
			await press(app, 'l');
			await waitForFrame(app, 'Command log');
			await press(app, 'w');
			await waitForFrame(app, 'Write the plan (5 commands) as a script');
			const file = join(dir, 'plan.sh');
			await press(app, '\u0015'); // Ctrl+U clears the default
			await press(app, file);
			await press(app, KEYS.enter);
			await waitForFrame(app, `wrote ${file} (5 commands)`);
			expect(readFileSync(file, 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#!') && !l.startsWith('# Run') && !l.startsWith('# planned'))).toEqual([
				'set -e',
				'# Create namespace ns9',
				'ip netns add ns9',
				'ip -n ns9 link set dev lo up',
				'# Add bridge br9 in ns9',
				'ip -n ns9 link add name br9 type bridge',
				'ip -n ns9 link set dev br9 up',
				'ip -n ns9 addr add 10.9.0.1/24 dev br9',
			]);
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});
});
