// The seeds' scenarios built from an empty world with keys and forms only, through the real System, in
// the sandbox; each checked with `ip` afterwards.
import {render} from 'ink-testing-library';
import {afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {App} from '../../source/app.js';
import {createRealSystem} from '../../source/system/system.js';
import {fillForm, selectRow} from '../support/drive.js';
import {press, waitForFrame, type Rendered} from '../support/ink.js';
import {ipJson, requireSandbox, resetWorld, sh} from '../support/sandbox.js';

let unmount: (() => void) | undefined;
beforeAll(requireSandbox);
beforeEach(resetWorld);
afterEach(() => unmount?.());

async function start(): Promise<Rendered> {
	const app = render(<App system={createRealSystem({lab: true})} size={{columns: 100, rows: 40}} />);
	unmount = app.unmount;
	await waitForFrame(app, 'Namespaces (1)');
	return app;
}

const done = (app: Rendered, title: string): Promise<string> => waitForFrame(app, `✓ ${title}`, 8000);

async function newNamespace(app: Rendered, name: string): Promise<void> {
	await press(app, 'n');
	await fillForm(app, 'New namespace', [name]);
	await done(app, `Create namespace ${name}`);
}

interface IpLink {
	ifname: string;
	operstate: string;
	master?: string;
	link_netnsid?: number;
	addr_info: Array<{local: string; prefixlen: number}>;
}
const link = async (ns: string, name: string): Promise<IpLink> =>
	(await ipJson<IpLink>(...(ns === 'host' ? [] : ['-n', ns]), 'addr', 'show', 'dev', name))[0];
const cidrs = (l: IpLink): string[] => l.addr_info.map((a) => `${a.local}/${a.prefixlen}`);

describe('seed scenarios built with keys and forms', () => {
	it('(1) ns1 and ns2 joined by a veth pair, 10.1.1.1/24 and 10.1.1.2/24, up', async () => {
		const app = await start();
		await newNamespace(app, 'ns1');
		await newNamespace(app, 'ns2');
		// ns2 is selected: the form offers ns1 ⇄ ns2, veth_ns1 and veth_ns2, the cursor on the first address;
		// the second address follows the first (10.1.1.2/24).
		await press(app, 'v');
		await fillForm(app, 'Add a veth pair', ['10.1.1.1/24']);
		await done(app, 'Add veth pair veth_ns1 (ns1) ⇄ veth_ns2 (ns2)');
		const frame = await waitForFrame(app, '→ ns2/veth_ns2');
		expect(frame).toMatch(/›veth_ns1\s/);

		const a = await link('ns1', 'veth_ns1');
		const b = await link('ns2', 'veth_ns2');
		expect(cidrs(a)).toContain('10.1.1.1/24');
		expect(cidrs(b)).toContain('10.1.1.2/24');
		expect([a.operstate, b.operstate]).toEqual(['UP', 'UP']);
		expect(await sh('ip', 'netns', 'list')).toMatch(/ns1[\s\S]*ns2|ns2[\s\S]*ns1/);
	});

	it('(2) ns1 and ns2 on bridge br0 in the host, br0 10.1.1.4/24, forwarding on', async () => {
		const app = await start();
		await newNamespace(app, 'ns1');
		await newNamespace(app, 'ns2');
		await press(app, 'b');
		await fillForm(app, 'Add a bridge', ['br0', {choose: 'host'}, '10.1.1.4/24']);
		await done(app, 'Add bridge br0 in host');
		// br0 is selected, then br0's newest port: each pair's host end goes into br0, the other into the next
		// fresh namespace, the cursor on that end's address.
		for (const [ns, address] of [
			['ns1', '10.1.1.1/24'],
			['ns2', '10.1.1.2/24'],
		]) {
			await press(app, 'v');
			await fillForm(app, 'Add a veth pair', [address]);
			await done(app, `Add veth pair veth_${ns}_br0 (host on br0) ⇄ veth_${ns} (${ns})`);
		}
		await press(app, '1');
		await selectRow(app, 'host');
		await press(app, 'f');
		await fillForm(app, 'Forwarding in host', [{toggle: true}]);
		await done(app, 'Enable IPv4 forwarding in host');

		const ports = (await ipJson<{ifname: string}>('link', 'show', 'master', 'br0')).map((l) => l.ifname).sort();
		expect(ports).toEqual(['veth_ns1_br0', 'veth_ns2_br0']);
		expect(cidrs(await link('host', 'br0'))).toContain('10.1.1.4/24');
		expect(cidrs(await link('ns1', 'veth_ns1'))).toContain('10.1.1.1/24');
		expect(cidrs(await link('ns2', 'veth_ns2'))).toContain('10.1.1.2/24');
		expect((await sh('cat', '/proc/sys/net/ipv4/ip_forward')).trim()).toBe('1');
		// The panes show it: the host's interfaces list br0's ports and their peers.
		const frame = await waitForFrame(app, '→ ns2/veth_ns2');
		expect(frame).toMatch(/veth_ns1_br0\s+veth\s+UP\s+→ ns1\/veth_ns1 master br0/);
	});

	it('(3) a namespace joined to the host by a veth pair', async () => {
		const app = await start();
		await newNamespace(app, 'test');
		// The host and test, in the pane's order: the host end first, named after test.
		await press(app, 'v');
		await fillForm(app, 'Add a veth pair', ['10.0.0.2/24', {skip: true}, {skip: true}, {skip: true}, '10.0.0.1/24']);
		await done(app, 'Add veth pair veth_test_host (host) ⇄ veth_test (test)');
		const inNs = await link('test', 'veth_test');
		const inHost = await link('host', 'veth_test_host');
		expect(cidrs(inNs)).toContain('10.0.0.1/24');
		expect(cidrs(inHost)).toContain('10.0.0.2/24');
		expect(inHost.link_netnsid).toBeTypeOf('number');
		expect([inNs.operstate, inHost.operstate]).toEqual(['UP', 'UP']);
	});
});
