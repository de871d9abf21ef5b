// `/` in the namespaces pane finds namespaces by their interfaces' addresses and MACs too, and the
// interfaces pane shows the interface that matched, selected. The bridge world captured in the lab:
// ns1 10.1.1.1 (and two veths of its own), ns2 10.1.1.2 (MAC 42:28:03:33:53:32), br0 10.1.1.4 in the host.
import {describe, expect, it} from 'vitest';
import {KEYS, press, waitForFrame, type Rendered} from '../support/ink.js';
import {startApp} from '../support/start-app.js';

async function type(app: Rendered, text: string): Promise<void> {
	for (const ch of text) await press(app, ch);
}

describe.each([
	{columns: 80, rows: 24},
	{columns: 200, rows: 50},
])('finding a namespace by what its interfaces hold, at $columns x $rows', (size) => {
	it('/10.1.1.2 narrows to ns2 and shows veth_ns2, selected', async () => {
		const {app} = await startApp({size});
		await press(app, '/');
		await type(app, '10.1.1.2');
		const frame = await waitForFrame(app, '(1/3)');
		expect(frame).toMatch(/›ns2 /);
		expect(frame).not.toMatch(/ ns1 /);
		expect(frame).toMatch(/Interfaces in ns2 \(1\/2\) \/10\.1\.1\.2/);
		expect(frame).toMatch(/›veth_ns2 .*10\.1\.1\.2\/24/);
		expect(frame).not.toMatch(/ lo /);
		// Enter keeps the filter; the interfaces pane still shows the match, and Esc shows everything again.
		await press(app, KEYS.enter);
		await press(app, '2');
		await waitForFrame(app, /›veth_ns2 /);
		await press(app, '1');
		await press(app, KEYS.escape);
		const all = await waitForFrame(app, 'Namespaces (3)');
		expect(all).toContain('Interfaces in ns2 (2)');
		expect(all).toMatch(/›veth_ns2 /);
	});

	it('finds by address with its prefix, by part of a MAC in any case, and by IPv6', async () => {
		const {app} = await startApp({size});
		await press(app, '/');
		await type(app, '10.1.1.4/24');
		let frame = await waitForFrame(app, 'Interfaces in host (1/4)');
		expect(frame).toMatch(/›host /);
		expect(frame).toMatch(/›br0 /);
		await press(app, KEYS.escape);
		await press(app, '/');
		await type(app, '42:28:03');
		frame = await waitForFrame(app, 'Interfaces in ns2 (1/2)');
		expect(frame).toMatch(/›ns2 /);
		expect(frame).toMatch(/›veth_ns2 /);
		await press(app, KEYS.escape);
		await press(app, '/');
		await type(app, 'FE80::4028:3FF:FE33:5332');
		frame = await waitForFrame(app, 'Interfaces in ns2 (1/2)');
		expect(frame).toMatch(/›ns2 /);
	});

	it('a whole address finds only itself: /10.1.1.9 finds nothing', async () => {
		const {app} = await startApp({size});
		await press(app, '/');
		await type(app, '10.1.1.9');
		const frame = await waitForFrame(app, '(0/3)');
		expect(frame).toContain('/10.1.1.9');
		expect(frame).not.toMatch(/ ns2 /);
	});
});
