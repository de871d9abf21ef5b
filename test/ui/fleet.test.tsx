// Two servers in one app, over fake Systems: both listed under their names (their `host` namespaces
// apart), ↓ past the first server's namespaces makes the second the active world (the title and the
// interfaces are its), Enter on a server's heading folds it, and a disconnected server's heading says so,
// with the time of its last read.
import {render} from 'ink-testing-library';
import {describe, expect, it, onTestFinished} from 'vitest';
import {App} from '../../source/app.js';
import {namespaceGroups} from '../../source/state/fleet.js';
import {initialState} from '../../source/state/reducer.js';
import type {Connection} from '../../source/system/ssh-keeper.js';
import {createFakeSystem, type FakeSystem} from '../support/fake-system.js';
import {WorldBuilder} from '../support/hand-world.js';
import {KEYS, press, waitForFrame} from '../support/ink.js';

const LAST_READ = new Date(2026, 0, 2, 3, 4, 5).getTime();

function server(dest: string, other: string, link: string, connection?: Connection): FakeSystem {
	const world = new WorldBuilder().namespace('host').namespace(other).veth(`host/${link}`, `${other}/${link}-peer`).build();
	return Object.assign(createFakeSystem(world), {host: dest, connection});
}

const down: Connection = {state: () => ({up: false, lastRead: LAST_READ}), subscribe: () => () => undefined, onBack: () => () => undefined, noteRead: () => undefined, stop: () => undefined};

/** h1 (with red) and h2 (with blue) in one app at 80x24; h2 with `h2Connection` when given. */
function renderFleet(h2Connection?: Connection) {
	const h1 = server('h1', 'red', 'to-red');
	const h2 = server('h2', 'blue', 'to-blue', h2Connection);
	const servers = [
		{dest: 'h1', system: h1},
		{dest: 'h2', system: h2},
	];
	const app = render(<App system={h1} servers={servers} size={{columns: 80, rows: 24}} />);
	onTestFinished(() => app.unmount());
	return {app, h1, servers};
}

describe('several servers in one app', () => {
	it('lists both under their names, and ↓ past the first goes on to the second', async () => {
		const {app} = renderFleet();
		const frame = await waitForFrame(app, /▾ h1 · 2[\s\S]*host[\s\S]*red[\s\S]*▾ h2 · 2[\s\S]*host[\s\S]*blue/);
		expect(frame).toContain('on h1 over ssh');
		expect(frame).toContain('to-red');
		await press(app, KEYS.down);
		// Past h1's last namespace: h2's heading, then its first namespace.
		await press(app, KEYS.down);
		await waitForFrame(app, 'on h2 over ssh');
		await press(app, KEYS.down);
		const second = await waitForFrame(app, /║›host/);
		// h2's host namespace, with h2's interfaces: another world, though its id is h1's too.
		expect(second).toMatch(/›host/);
		expect(second).toContain('to-blue');
		expect(second).not.toContain('to-red');
		await press(app, KEYS.up);
		await press(app, KEYS.up);
		expect(await waitForFrame(app, 'on h1 over ssh')).toMatch(/›red/);
		// A form's preview names the server its plan runs on.
		await press(app, 'n');
		await press(app, 'x');
		await waitForFrame(app, 'It will run on h1 (ssh h1 -- …):');
	});

	it('folds a server with Enter on its heading, and unfolds it again', async () => {
		const {app} = renderFleet();
		await waitForFrame(app, /▾ h1 · 2[\s\S]*red[\s\S]*▾ h2 · 2/);
		// ↑ from h1's first namespace: its heading, where no namespace is selected (the panes say so).
		await press(app, KEYS.up);
		const onHeading = await waitForFrame(app, /›▾ h1 · 2/);
		expect(onHeading).not.toContain('to-red');
		expect(onHeading).toContain('no namespace selected');
		// A key that acts on a namespace says where the cursor is, and changes nothing.
		await press(app, 'd');
		await waitForFrame(app, "on a server's heading: ↓ selects a namespace");
		await press(app, KEYS.enter);
		const folded = await waitForFrame(app, '▸ h1 · 2 folded');
		expect(folded).not.toMatch(/red/);
		expect(folded).not.toContain('Interface eth0');
		// ↓ from a folded heading: the next server.
		await press(app, KEYS.down);
		await waitForFrame(app, /║›▾ h2 · 2/);
		await press(app, KEYS.up);
		await waitForFrame(app, /║›▸ h1 · 2 folded/);
		await press(app, KEYS.enter);
		await waitForFrame(app, /›▾ h1 · 2[\s\S]*host[\s\S]*red/);
	});

	it('Enter folds only in the namespaces pane', async () => {
		const {app} = renderFleet();
		await waitForFrame(app, /▾ h1 · 2[\s\S]*red/);
		await press(app, KEYS.up);
		await waitForFrame(app, /›▾ h1 · 2/);
		// Tab to the interfaces pane: Enter there is no fold of the server.
		await press(app, KEYS.tab);
		await press(app, KEYS.enter);
		await waitForFrame(app, "on a server's heading: ↓ selects a namespace");
		expect(app.lastFrame()).not.toContain('folded');
		await press(app, KEYS.shiftTab);
		await press(app, KEYS.enter);
		await waitForFrame(app, '▸ h1 · 2 folded');
	});

	it('an Alt+key while the filter is typed is not Esc and a key (Alt+B opens no bridge form)', async () => {
		const {app} = renderFleet();
		await waitForFrame(app, /▾ h1 · 2[\s\S]*red/);
		await press(app, '/');
		await press(app, '\u001Bb');
		expect(app.lastFrame()).not.toContain('Add a bridge');
	});

	it('opens the active server when one of its namespaces is selected (by the map, a jump): nothing selected is hidden', () => {
		const world = new WorldBuilder().namespace('host').namespace('red').build();
		const hosts = [{dest: 'h1', world, connection: {up: true}}, {dest: 'h2', world, connection: {up: true}}];
		const folded = new Set(['h1', 'h2']);
		const onHeading = namespaceGroups({...initialState, world, selectedNs: 'red', onServerHeading: true}, hosts, 0, folded);
		expect(onHeading.map((g) => g.folded)).toEqual([true, true]);
		const selected = namespaceGroups({...initialState, world, selectedNs: 'red', onServerHeading: false}, hosts, 0, folded);
		expect(selected.map((g) => g.folded)).toEqual([false, true]);
	});

	it('says a server is disconnected in its heading, with its last read', async () => {
		const {app, h1, servers} = renderFleet(down);
		// At 80 columns the pane is narrow: the short form; wider, in words.
		await waitForFrame(app, '▾ h2 ✕ 03:04:05');
		app.rerender(<App system={h1} servers={servers} size={{columns: 160, rows: 24}} />);
		await waitForFrame(app, '▾ h2 disconnected, read 03:04:05');
	});
});
