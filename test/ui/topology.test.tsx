// The topology map in the app, over a fake system with the bridge world captured in the lab.
import {describe, expect, it} from 'vitest';
import {WorldBuilder} from '../support/hand-world.js';
import {KEYS, press, settle, waitForFrame} from '../support/ink.js';
import {startApp} from '../support/start-app.js';

const start = (size = {columns: 80, rows: 24}) => startApp({size});

describe('topology map', () => {
	it('opens on t: every namespace a box, br0 a hub, ns1 and ns2 wired to it; the host selected', async () => {
		const {app} = await start();
		await press(app, 't');
		const frame = await waitForFrame(app, 'Topology  3 namespaces · 3 veth pairs · 1 bridge');
		const lines = frame.split('\n');
		expect(lines.length).toBe(24);
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
		expect(frame).toMatch(/╔═ host ═+╗/);
		expect(frame).toMatch(/┌─ ns1 ─+┐/);
		expect(frame).toMatch(/╔═╣ br0 +bridge +UP +10\.1\.1\.4\/24/);
		expect(frame).toMatch(/╠═╣ veth_ns1_br0 .*→ ns1\/veth_ns1 +╟─+┐/);
		expect(frame).toMatch(/│ veth_ns1 +veth +UP +10\.1\.1\.1\/24 +→ host\/veth_ns1… ├─+┘/);
		// The panes are gone while the map is open.
		expect(frame).not.toContain('Namespaces (3)');
	});

	it('closes on Esc, back to the panes as they were', async () => {
		const {app} = await start();
		await press(app, 't');
		await waitForFrame(app, 'Topology');
		await press(app, KEYS.escape);
		const frame = await waitForFrame(app, 'Namespaces (3)');
		expect(frame).toMatch(/›host/);
		expect(frame).not.toContain('Topology');
	});

	it('selects the next namespace with Tab, and Enter goes to it in the panes', async () => {
		const {app} = await start();
		await press(app, KEYS.tab); // focus the interfaces pane first: Enter must bring focus back to namespaces
		await press(app, 't');
		await waitForFrame(app, /╔═ host/);
		await settle();
		await press(app, KEYS.tab);
		let frame = await waitForFrame(app, /╔═ ns1 ═/);
		expect(frame).toMatch(/┌─ host ─/);
		await press(app, 'j');
		await waitForFrame(app, /╔═ ns2 ═/);
		await press(app, 'k');
		await waitForFrame(app, /╔═ ns1 ═/);
		await press(app, KEYS.enter);
		frame = await waitForFrame(app, 'Interfaces in ns1');
		expect(frame).toMatch(/╔═+╗.*\n║Namespaces/);
		expect(frame).toMatch(/›ns1/);
		expect(frame).not.toContain('Esc to close');
	});

	it('pans with the arrow keys when the map is taller than the screen', async () => {
		const {app} = await start({columns: 80, rows: 16});
		await press(app, 't');
		let frame = await waitForFrame(app, 'rows 1–12 of 18');
		await settle();
		expect(frame).toContain('═ host ═');
		await press(app, KEYS.down);
		await press(app, KEYS.down);
		frame = await waitForFrame(app, 'rows 3–14 of 18');
		expect(frame).not.toContain('═ host ═');
		await press(app, KEYS.up);
		await waitForFrame(app, 'rows 2–13 of 18');
	});

	it('follows the world: read again, it shows the new namespaces and drops the gone one', async () => {
		const {app, system} = await start();
		await press(app, 't');
		await waitForFrame(app, '3 namespaces');
		await settle();
		await press(app, KEYS.tab);
		await waitForFrame(app, /╔═ ns1 ═/);
		// ns1 goes away: the map falls back to the first namespace.
		system.world = new WorldBuilder().namespace('host').namespace('fresh').veth('host/up-link', 'fresh/down-link', {up: [true, false]}).build();
		await press(app, '\u0012'); // Ctrl+R: read the world again
		let frame = await waitForFrame(app, '2 namespaces · 1 veth pair · 0 bridges');
		expect(frame).toMatch(/┌─ fresh ─/);
		expect(frame).toMatch(/down-link +veth +DOWN .*├╌+┘/);
		expect(frame).toMatch(/╔═ host ═/);
		await press(app, KEYS.enter);
		frame = await waitForFrame(app, 'Interfaces in host');
		expect(frame).not.toContain('Esc to close'); // Enter chose in the map; it did not open the detail too
	});

	it('closes on t as it opened', async () => {
		const {app} = await start();
		await press(app, 't');
		await waitForFrame(app, 'Topology');
		await press(app, 't');
		await waitForFrame(app, 'Namespaces (3)');
	});
});
