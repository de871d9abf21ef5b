// `o` in the interfaces pane jumps to the selected interface's other end across namespaces — a veth's
// peer, the device a macvlan sits on — and back; where there is none it says so.
import {render} from 'ink-testing-library';
import {describe, expect, it, onTestFinished} from 'vitest';
import {App} from '../../source/app.js';
import type {World} from '../../source/model/types.js';
import {selectRow} from '../support/drive.js';
import {createFakeSystem} from '../support/fake-system.js';
import {WorldBuilder} from '../support/hand-world.js';
import {KEYS, press, waitForFrame} from '../support/ink.js';
import {startApp} from '../support/start-app.js';

async function startWith(world: World, size = {columns: 80, rows: 24}) {
	const app = render(<App system={createFakeSystem(world, [])} size={size} />);
	onTestFinished(() => app.unmount());
	await waitForFrame(app, `Namespaces (${world.namespaces.length})`);
	return app;
}

describe.each([
	{columns: 80, rows: 24},
	{columns: 200, rows: 50},
])('o at $columns x $rows', (size) => {
	it("goes from a veth in the host to its peer in ns1, and back (the captured bridge world)", async () => {
		const {app} = await startApp({size});
		await press(app, '2');
		await selectRow(app, 'veth_ns1_br0');
		await press(app, 'o');
		let frame = await waitForFrame(app, 'Interfaces in ns1');
		expect(frame).toMatch(/›ns1 /);
		expect(frame).toMatch(/›veth_ns1 /);
		expect(frame).toContain('ns1/veth_ns1: the peer of host/veth_ns1_br0 · o goes back');
		// The interfaces pane keeps the focus: o again goes straight back.
		await press(app, 'o');
		frame = await waitForFrame(app, 'Interfaces in host');
		expect(frame).toMatch(/›host /);
		expect(frame).toMatch(/›veth_ns1_br0 /);
		expect(frame).toContain('host/veth_ns1_br0: back from ns1/veth_ns1');
	});
});

describe('o', () => {
	it('goes from a macvlan in a pod to the bridge it sits on in the host, and back', async () => {
		const world = new WorldBuilder().namespace('host').namespace('pod').bridge('host/br0', []).stacked('pod/mv0', 'macvlan', 'host/br0').build();
		const app = await startWith(world);
		await press(app, 'j');
		await waitForFrame(app, 'Interfaces in pod');
		await press(app, '2');
		await selectRow(app, 'mv0');
		await press(app, 'o');
		let frame = await waitForFrame(app, 'Interfaces in host');
		expect(frame).toMatch(/›host /);
		expect(frame).toMatch(/›br0 /);
		expect(frame).toContain('host/br0: the device under pod/mv0');
		await press(app, 'o');
		frame = await waitForFrame(app, 'Interfaces in pod');
		expect(frame).toMatch(/›mv0 /);
	});

	it('says so when the peer is in a namespace nsdeck cannot see, and when there is no other end', async () => {
		const built = new WorldBuilder().namespace('host').namespace('hidden').veth('host/veth_out', 'hidden/eth0').build();
		// The namespace holding the peer is not in what nsdeck read: only the host's side of the pair is.
		const world: World = {namespaces: built.namespaces.filter((n) => n.id !== 'hidden')};
		const app = await startWith(world);
		await press(app, '2');
		await selectRow(app, 'veth_out');
		await press(app, 'o');
		let frame = await waitForFrame(app, 'veth_out: its peer is in a namespace nsdeck cannot see');
		expect(frame).toMatch(/›veth_out /);
		await selectRow(app, 'lo');
		await press(app, 'o');
		frame = await waitForFrame(app, 'lo has no other end: o is for veths and stacked devices');
		expect(frame).toMatch(/›lo /);
	});

	it('clears a filter that would hide the other end', async () => {
		const {app} = await startApp();
		await press(app, '/');
		for (const ch of 'host') await press(app, ch);
		await press(app, KEYS.enter);
		await waitForFrame(app, '(1/3)');
		await press(app, '2');
		await selectRow(app, 'veth_ns2_br0');
		await press(app, 'o');
		const frame = await waitForFrame(app, 'Interfaces in ns2');
		expect(frame).toContain('Namespaces (3)');
		expect(frame).toMatch(/›veth_ns2 /);
	});

	it('is listed in the help overlay', async () => {
		// Every key on one page: at 200x50 the help needs no scrolling.
		const {app} = await startApp({size: {columns: 200, rows: 50}});
		await press(app, '?');
		await waitForFrame(app, /o\s+other end \(veth peer/);
	});
});
