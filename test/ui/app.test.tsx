// The app over a fake system with the bridge world captured in the lab: navigation, focus, help, detail.
import {render} from 'ink-testing-library';
import {describe, expect, it, onTestFinished} from 'vitest';
import {App} from '../../source/app.js';
import {createFakeSystem} from '../support/fake-system.js';
import {fixtureWorld} from '../support/fixtures.js';
import {KEYS, press, waitForFrame} from '../support/ink.js';
import {startApp} from '../support/start-app.js';

const start = (size = {columns: 80, rows: 24}) => startApp({size});

describe('explorer panes', () => {
	it('shows the host first with its bridge ports and veth peers', async () => {
		const {app} = await start();
		const frame = app.lastFrame() ?? '';
		expect(frame).toContain('LAB');
		expect(frame).toMatch(/›host\s+4\/4 up/);
		expect(frame).toContain('Interfaces in host (4)');
		expect(frame).toMatch(/br0\s+UP\s+2 ports 10\.1\.1\.4\/24/);
		expect(frame).toContain('→ ns1/veth_ns1 master br0');
		expect(frame).toContain('v4 10.1.1.0/24 dev br0');
	});

	it('moves to ns1 with j and shows its interfaces, peer in the host and routes', async () => {
		const {app} = await start();
		await press(app, 'j');
		const frame = await waitForFrame(app, 'Interfaces in ns1');
		expect(frame).toMatch(/›ns1/);
		expect(frame).toContain('→ host/veth_ns1_br0');
		expect(frame).toContain('loop_a');
		expect(frame).toContain('NO-CARRIER');
		expect(frame).toContain('default via 10.1.1.4 dev veth_ns1');
		expect(frame).toContain('v6 fd01::/64 via fd00::2 dev loop_a');
	});

	it('moves focus with Tab and Shift+Tab, and selection within the focused pane', async () => {
		const {app} = await start();
		await press(app, 'j'); // ns1
		await press(app, KEYS.tab); // interfaces
		await press(app, KEYS.down);
		await press(app, KEYS.down);
		await press(app, KEYS.enter);
		let frame = await waitForFrame(app, 'Interface ');
		expect(frame).toMatch(/Interface \S+ — Esc to close/);
		await press(app, KEYS.escape);
		await press(app, KEYS.shiftTab); // back to namespaces
		await press(app, 'k');
		frame = await waitForFrame(app, 'Interfaces in host');
		expect(frame).toMatch(/›host/);
	});

	it('keeps the selected interface per namespace', async () => {
		const {app} = await start();
		await press(app, KEYS.tab);
		await press(app, 'G'); // last interface in host
		await waitForFrame(app, /›veth_ns2_br0/);
		await press(app, KEYS.shiftTab);
		await press(app, 'j');
		await waitForFrame(app, 'Interfaces in ns1');
		await press(app, 'k');
		await waitForFrame(app, /›veth_ns2_br0/);
	});
});

describe('overlays', () => {
	it('opens help on ? with keys from the keymap, and closes it on Esc', async () => {
		const {app} = await start();
		await press(app, '?');
		const frame = await waitForFrame(app, 'nsdeck help');
		expect(frame).toContain('Everywhere');
		expect(frame).toMatch(/q Ctrl\+C\s+quit/);
		// The Lists section starts at the bottom of the first page at 80x24: three lines further on.
		for (let line = 0; line < 4; line++) await press(app, 'j');
		expect(await waitForFrame(app, /↓ j\s+move down/)).toContain('Lists');
		await press(app, KEYS.escape);
		await waitForFrame(app, 'Namespaces (3)');
	});

	it('shows the detail of a veth: MAC, MTU, peer and every address', async () => {
		const {app} = await start();
		await press(app, 'j');
		await press(app, KEYS.tab);
		await waitForFrame(app, 'Interfaces in ns1');
		await press(app, 'G');
		await press(app, KEYS.enter);
		const frame = await waitForFrame(app, 'Interface veth_ns1');
		expect(frame).toMatch(/other end\s+host\/veth_ns1_br0/);
		expect(frame).toMatch(/MTU\s+1500/);
		expect(frame).toMatch(/IPv4 address\s+10\.1\.1\.1\/24 scope global/);
		expect(frame).toMatch(/IPv6 address\s+fe80::/);
	});

	it('shows the detail of the selected namespace', async () => {
		const {app} = await start();
		await press(app, KEYS.enter);
		const frame = await waitForFrame(app, 'Namespace host');
		expect(frame).toMatch(/nsid 0\s+ns1/);
	});

	it('shows footer hints for the focused pane', async () => {
		const {app} = await start();
		expect(app.lastFrame()).toMatch(/Enter detail/);
		expect(app.lastFrame()).toMatch(/\? help/);
	});

	it('fits a large terminal and shows MAC and MTU there', async () => {
		const {app} = await start({columns: 160, rows: 40});
		const frame = app.lastFrame() ?? '';
		expect(frame.split('\n').length).toBe(40);
		expect(frame).toMatch(/br0\s+bridge\s+UP\s+([0-9a-f]{2}:){5}[0-9a-f]{2} 1500/);
	});

	it('draws exactly 24 lines of at most 80 columns at 80x24', async () => {
		const {app} = await start();
		const lines = (app.lastFrame() ?? '').split('\n');
		expect(lines.length).toBe(24);
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
	});
});

describe('first read', () => {
	it('shows the read made at start in the first frame, then reads only the other namespaces', async () => {
		const world = fixtureWorld('bridge');
		const system = createFakeSystem(world);
		const reads: string[] = [];
		const readNamespace = system.readNamespace;
		system.readNamespace = async (id) => {
			reads.push(id);
			return readNamespace(id);
		};
		const readMany: string[][] = [];
		const readNamespaces = system.readNamespaces;
		system.readNamespaces = async (ids, options) => {
			readMany.push([...ids]);
			return readNamespaces(ids, options);
		};
		const host = world.namespaces[0];
		const app = render(<App system={system} size={{columns: 80, rows: 24}} firstRead={{listing: {places: world.namespaces, unseen: {}}, first: host}} />);
		onTestFinished(() => app.unmount());
		const first = app.frames[0] ?? '';
		expect(first).toContain('Interfaces in host (4)');
		expect(first).toContain('Namespaces (3)');
		expect(first).not.toContain('reading');
		await waitForFrame(app, /ns1\s+\d\/\d up/);
		expect(reads).toEqual([]);
		expect(readMany).toEqual([['ns1', 'ns2']]);
	});
});
