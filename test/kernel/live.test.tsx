// Live refresh against the kernel: another process changes the world and the watcher (ip monitor and
// /run/netns) reports it; the App over the real System shows it without a key press.
import {render} from 'ink-testing-library';
import {afterEach, beforeAll, beforeEach, describe, expect, it, vi} from 'vitest';
import {App} from '../../source/app.js';
import {findNetdump} from '../../source/system/netdump-binary.js';
import {runCommand} from '../../source/system/runner.js';
import {hostLocation} from '../../source/system/netns-location.js';
import {readNsids} from '../../source/system/snapshot.js';
import {createRealSystem} from '../../source/system/system.js';
import {startWatch, type WorldChange} from '../../source/system/watch.js';
import {KEYS, press, settle, waitForFrame} from '../support/ink.js';
import {untilTheMonitorListens} from '../support/monitor.js';
import {ipJson, requireSandbox, resetWorld, sh} from '../support/sandbox.js';

beforeAll(requireSandbox);
beforeEach(resetWorld);

let cleanup: Array<() => void> = [];
afterEach(() => {
	for (const f of cleanup) f();
	cleanup = [];
});

describe('the watcher', () => {
	it('names the namespace an event happened in, and gives new namespaces an nsid', async () => {
		await sh('ip', 'netns', 'add', 'w1');
		const changes: WorldChange[] = [];
		cleanup.push(startWatch((c) => changes.push(c), {runner: runCommand, canChange: true}));
		await untilTheMonitorListens(changes);
		// The watcher gives w1 a host nsid, so the monitor sees inside it.
		await vi.waitFor(async () => expect((await ipJson<{name?: string}>('netns', 'list-id')).map((e) => e.name)).toContain('w1'), {timeout: 5000});
		changes.length = 0;
		await sh('ip', '-n', 'w1', 'addr', 'add', '10.7.7.7/24', 'dev', 'lo');
		await vi.waitFor(() => expect(changes).toContainEqual({type: 'namespaces', ids: ['w1']}), {timeout: 5000});
		await sh('ip', 'netns', 'add', 'w2');
		await vi.waitFor(() => expect(changes).toContainEqual({type: 'list'}), {timeout: 5000});
		await sh('ip', 'link', 'add', 'hv', 'type', 'veth', 'peer', 'name', 'hp');
		await vi.waitFor(() => expect(changes).toContainEqual({type: 'namespaces', ids: ['host']}), {timeout: 5000});
	});

	it('a burst of 300 namespaces from outside: the watcher runs one ip at a time, and gives every one an nsid', async () => {
		let inFlight = 0;
		let most = 0;
		let calls = 0;
		const counting: typeof runCommand = async (argv, options) => {
			calls++;
			most = Math.max(most, ++inFlight);
			try {
				return await runCommand(argv, options);
			} finally {
				inFlight--;
			}
		};
		const netdump = findNetdump();
		cleanup.push(startWatch(() => {}, {runner: counting, canChange: true, netdump}));
		const names = Array.from({length: 300}, (_, i) => `burst${i + 1}`);
		// One namespace per ip process, as separate tools would make them: one directory event each.
		await Promise.all([0, 1, 2, 3].map(async (k) => {
			for (const name of names.filter((_, i) => i % 4 === k)) await sh('ip', 'netns', 'add', name);
		}));
		try {
			await vi.waitFor(async () => expect((await readNsids(runCommand, hostLocation, netdump)).filter((e) => e.name?.startsWith('burst'))).toHaveLength(300), {
				timeout: 20_000,
				interval: 200,
			});
			expect(most).toBe(1);
			expect(calls).toBeLessThan(50);
		} finally {
			await runCommand(['ip', '-b', '-'], {input: names.map((n) => `netns del ${n}\n`).join('')});
		}
	});

	it('names every nsid, also beyond where the kernel ends its nsid dump, and sees changes there', async () => {
		// The kernel here ends its nsid dump after ~134 entries (ip netns list-id shows no more): these 150
		// namespaces, each with a host nsid, go past that.
		const names = Array.from({length: 150}, (_, i) => `many${i + 1}`);
		const ipBatch = async (lines: string[]): Promise<void> => {
			const result = await runCommand(['ip', '-b', '-'], {input: lines.join('')});
			if (result.exitCode !== 0) throw new Error(`ip -b failed: ${result.stderr}`);
		};
		await ipBatch(names.map((n) => `netns add ${n}\nnetns set ${n} auto\n`));
		try {
			const netdump = findNetdump();
			const named = (await readNsids(runCommand, hostLocation, netdump)).map((entry) => entry.name);
			expect(named).toEqual(expect.arrayContaining(names));
			const changes: WorldChange[] = [];
			cleanup.push(startWatch((c) => changes.push(c), {runner: runCommand, canChange: false, netdump}));
			await untilTheMonitorListens(changes);
			await sh('ip', '-n', 'many150', 'addr', 'add', '10.7.7.8/24', 'dev', 'lo');
			await vi.waitFor(() => expect(changes).toContainEqual({type: 'namespaces', ids: ['many150']}), {timeout: 5000});
		} finally {
			await ipBatch(names.map((n) => `netns del ${n}\n`));
		}
	});

	it('changes nothing when read-only', async () => {
		await sh('ip', 'netns', 'add', 'ro');
		const changes: WorldChange[] = [];
		// Every command this watcher runs, so the check does not depend on other watchers still winding down.
		const ran: string[] = [];
		const spy: typeof runCommand = (argv, options) => {
			ran.push(argv.join(' '));
			return runCommand(argv, options);
		};
		cleanup.push(startWatch((c) => changes.push(c), {runner: spy, canChange: false}));
		await sh('ip', 'netns', 'add', 'ro2');
		await vi.waitFor(() => expect(changes).toContainEqual({type: 'list'}), {timeout: 5000});
		expect(ran.filter((command) => command.includes('-b') || command.includes('netns set'))).toEqual([]);
	});
});

describe('the app over the real system', () => {
	async function start() {
		const app = render(<App system={createRealSystem({lab: true})} size={{columns: 120, rows: 40}} />);
		cleanup.push(app.unmount);
		await settle();
		return app;
	}

	it('shows a namespace added, an address added and a link set down by another process', async () => {
		await sh('ip', 'netns', 'add', 'alpha');
		await sh('ip', '-n', 'alpha', 'link', 'add', 'left', 'type', 'veth', 'peer', 'name', 'right');
		await sh('ip', '-n', 'alpha', 'link', 'set', 'left', 'up');
		await sh('ip', '-n', 'alpha', 'link', 'set', 'right', 'up');
		const app = await start();
		await waitForFrame(app, 'Namespaces (2)', 5000);
		await press(app, 'j');
		await waitForFrame(app, /left\s+veth\s+UP/, 5000);

		await sh('ip', 'netns', 'add', 'beta');
		await waitForFrame(app, /beta\s+0\/1 up/, 5000);
		expect(app.lastFrame()).toContain('Namespaces (3)');

		await sh('ip', '-n', 'alpha', 'addr', 'add', '10.9.8.7/24', 'dev', 'left');
		await waitForFrame(app, /left\s+veth\s+UP\s+.*10\.9\.8\.7\/24/, 5000);

		await sh('ip', '-n', 'alpha', 'link', 'set', 'right', 'down');
		await waitForFrame(app, /right\s+veth\s+DOWN/, 5000);
		await waitForFrame(app, /left\s+veth\s+NO-CARRIER/, 5000);
	});

	it('shows a change in a namespace that is not selected (the monitor, not the poll)', async () => {
		await sh('ip', 'netns', 'add', 'quiet');
		const app = await start();
		await waitForFrame(app, /quiet\s+0\/1 up/, 5000);
		await sh('ip', '-n', 'quiet', 'link', 'set', 'lo', 'up');
		await waitForFrame(app, /quiet\s+1\/1 up/, 5000);
		expect(app.lastFrame()).toMatch(/›host/);
	});

	it('moves the selection when the selected namespace is deleted from outside', async () => {
		for (const name of ['ns1', 'ns2', 'ns3']) await sh('ip', 'netns', 'add', name);
		const app = await start();
		await waitForFrame(app, 'Namespaces (4)', 5000);
		await press(app, 'j');
		await press(app, 'j');
		await waitForFrame(app, 'Interfaces in ns2', 5000);
		await sh('ip', 'netns', 'del', 'ns2');
		const frame = await waitForFrame(app, 'Namespaces (3)', 5000);
		expect(frame).toMatch(/›ns3/);
		expect(frame).toContain('Interfaces in ns3');
		await press(app, KEYS.up);
		await waitForFrame(app, /›ns1/);
	});
});
