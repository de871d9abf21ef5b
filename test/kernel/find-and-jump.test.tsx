// `/` by address and `o` to the other end, on what the kernel reports (nsids per viewer, a lower device
// in another namespace), not on hand-made records: a pod with a veth to the host and a macvlan made on
// the host's end and moved into the pod, and a vxlan on that end in the host.
import {render} from 'ink-testing-library';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {App} from '../../source/app.js';
import {createRealSystem} from '../../source/system/system.js';
import {selectRow} from '../support/drive.js';
import {KEYS, press, waitForFrame} from '../support/ink.js';
import {requireSandbox, resetWorld, sh} from '../support/sandbox.js';

const ip = (...args: string[]): Promise<string> => sh('ip', ...args);

let unmount: (() => void) | undefined;
beforeAll(async () => {
	requireSandbox();
	await resetWorld();
	await ip('netns', 'add', 'pod');
	await ip('link', 'add', 'name', 'hv0', 'type', 'veth', 'peer', 'name', 'pv0', 'netns', 'pod');
	await ip('-n', 'pod', 'addr', 'add', '10.70.0.2/24', 'dev', 'pv0');
	await ip('link', 'add', 'link', 'hv0', 'name', 'mvpod', 'type', 'macvlan', 'mode', 'bridge');
	await ip('link', 'set', 'dev', 'mvpod', 'netns', 'pod');
	await ip('link', 'add', 'name', 'vx0', 'type', 'vxlan', 'id', '42', 'remote', '10.9.9.9', 'dstport', '4789', 'dev', 'hv0');
});
afterEach(() => unmount?.());

async function start() {
	const app = render(<App system={createRealSystem({lab: true})} size={{columns: 80, rows: 24}} />);
	unmount = app.unmount;
	await waitForFrame(app, 'Namespaces (2)', 8000);
	await waitForFrame(app, /hv0 /, 8000);
	return app;
}

describe('finding and jumping on the real kernel', () => {
	it('/10.70.0.2 finds the pod and its veth end', async () => {
		const app = await start();
		await press(app, '/');
		for (const ch of '10.70.0.2') await press(app, ch);
		const frame = await waitForFrame(app, 'Interfaces in pod (1/3)');
		expect(frame).toMatch(/›pod /);
		expect(frame).toMatch(/›pv0 /);
	});

	it('o: the pod veth to the host, the pod macvlan to the host device it sits on and back, the vxlan to its device', async () => {
		const app = await start();
		await selectRow(app, 'pod');
		await press(app, '2');
		await selectRow(app, 'pv0');
		await press(app, 'o');
		expect(await waitForFrame(app, 'Interfaces in host')).toMatch(/›hv0 /);
		await press(app, '1');
		await selectRow(app, 'pod');
		await press(app, '2');
		await selectRow(app, 'mvpod');
		await press(app, 'o');
		const host = await waitForFrame(app, 'host/hv0: the device under pod/mvpod');
		expect(host).toMatch(/›hv0 /);
		await press(app, 'o');
		expect(await waitForFrame(app, 'Interfaces in pod')).toMatch(/›mvpod /);
		await press(app, KEYS.shiftTab);
		await selectRow(app, 'host');
		await press(app, '2');
		await selectRow(app, 'vx0');
		await press(app, 'o');
		expect(await waitForFrame(app, 'host/hv0: the device under host/vx0')).toMatch(/›hv0 /);
	});
});
