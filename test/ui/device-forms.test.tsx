// e and + in the interfaces pane at 80x24: each form opens on the selected interface, shows the exact
// commands, runs exactly those on Enter, and refuses bad values in the form with nothing run.
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/app.js';
import {createFakeSystem, type ExpectedCall} from '../support/fake-system.js';
import {fixtureWorld} from '../support/fixtures.js';
import {KEYS, press, settle, waitForFrame} from '../support/ink.js';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

const CTRL_U = '\u0015';

/** The app at 80x24 with ns1's veth_ns1 selected in the interfaces pane. */
async function onVeth(expected: ExpectedCall[] = [], size = {columns: 80, rows: 24}) {
	const world = fixtureWorld('bridge');
	const system = createFakeSystem(world, expected);
	const app = render(<App system={system} size={size} />);
	unmount = app.unmount;
	await waitForFrame(app, 'Namespaces (3)');
	await settle();
	await press(app, 'j');
	await press(app, '2');
	const links = world.namespaces.find((n) => n.id === 'ns1')?.links ?? [];
	await waitForFrame(app, 'loop_a');
	// Down to veth_ns1, in the order the pane lists them: G then up until it is selected.
	for (let i = 0; i < links.length && !/›\s*\S*\s*veth_ns1|▶.*veth_ns1/.test(app.lastFrame() ?? ''); i++) await press(app, 'j');
	return {app, system};
}

const widest = (frame: string): number => Math.max(...frame.split('\n').map((line) => [...line].length));

describe('e: change the selected interface’s name, MTU or MAC', () => {
	it('opens prefilled, previews only the changed MTU, and runs exactly that', async () => {
		const {app, system} = await onVeth([{argv: ['ip', '-n', 'ns1', 'link', 'set', 'dev', 'veth_ns1', 'mtu', '9000']}]);
		await press(app, 'e');
		let frame = await waitForFrame(app, 'Change veth_ns1 in ns1');
		expect(frame).toMatch(/Name\s+veth_ns1/);
		expect(frame).toMatch(/MTU\s+1500/);
		await press(app, KEYS.tab);
		await press(app, CTRL_U);
		await press(app, '9000');
		frame = await waitForFrame(app, 'ip -n ns1 link set dev veth_ns1 mtu 9000');
		expect(frame).not.toContain('address');
		expect(widest(frame)).toBeLessThanOrEqual(80);
		await press(app, KEYS.enter);
		await waitForFrame(app, '✓ Set veth_ns1 in ns1: mtu 9000 (1 command)');
		expect(system.pending()).toEqual([]);
	});

	it('a rename of the up veth shows down, rename, up and why; asks twice', async () => {
		const {app} = await onVeth();
		await press(app, 'e');
		await waitForFrame(app, 'Change veth_ns1 in ns1');
		await press(app, CTRL_U);
		await press(app, 'uplink');
		const frame = await waitForFrame(app, 'ip -n ns1 link set dev uplink up');
		expect(frame).toContain('ip -n ns1 link set dev veth_ns1 down');
		expect(frame).toContain('ip -n ns1 link set dev veth_ns1 name uplink');
		expect(frame).toContain('! it is set down, renamed, set up again (older kernels refuse an up rename)');
		expect(frame).toContain('! scripts and firewall rules that name veth_ns1 need the new name');
		expect(frame).toContain('Enter twice runs');
		expect(widest(frame)).toBeLessThanOrEqual(80);
	});

	it.each([
		['an MTU out of range', 1, '70000', '✗ the MTU is 68–65535'],
		['a multicast MAC', 2, '01:00:5e:00:00:01', '✗ 01:00:5e:00:00:01 is a multicast'],
		['a taken name', 0, 'loop_a', '✗ loop_a already exists in ns1'],
	])('refuses %s in the form and runs nothing', async (_what, field, value, message) => {
		const {app, system} = await onVeth();
		await press(app, 'e');
		await waitForFrame(app, 'Change veth_ns1 in ns1');
		for (let i = 0; i < field; i++) await press(app, KEYS.tab);
		await press(app, CTRL_U);
		await press(app, value);
		await press(app, KEYS.enter);
		await waitForFrame(app, message);
		expect(system.calls).toEqual([]);
	});
});

describe('e with nothing changed (issue 27 item 10)', () => {
	it('says these are the current values, not "Fill in the fields", and runs nothing on Enter', async () => {
		const {app, system} = await onVeth();
		await press(app, 'e');
		let frame = await waitForFrame(app, 'Change veth_ns1 in ns1');
		expect(frame).not.toContain('Fill in the fields');
		expect(frame).toContain('Nothing to change: these are its current values');
		await press(app, KEYS.tab);
		await press(app, CTRL_U);
		await press(app, '01500');
		frame = await waitForFrame(app, /MTU\s+01500/);
		expect(frame).toContain('Nothing to change: these are its current values');
		await press(app, KEYS.enter);
		await settle();
		expect(app.lastFrame()).toContain('Change veth_ns1 in ns1');
		expect(system.calls).toEqual([]);
	});
});

describe('+: a new device stacked on the selected interface', () => {
	it('starts as a macvlan in bridge mode, up, named macvlan0, and runs exactly that', async () => {
		const {app, system} = await onVeth([
			{argv: ['ip', '-n', 'ns1', 'link', 'add', 'link', 'veth_ns1', 'name', 'macvlan0', 'type', 'macvlan', 'mode', 'bridge']},
			{argv: ['ip', '-n', 'ns1', 'link', 'set', 'dev', 'macvlan0', 'up']},
		]);
		await press(app, '+');
		const frame = await waitForFrame(app, 'ip -n ns1 link add link veth_ns1 name macvlan0 type macvlan mode bridge');
		expect(frame).toContain('New device on veth_ns1 in ns1');
		expect(frame).toContain('ip -n ns1 link set dev macvlan0 up');
		expect(widest(frame)).toBeLessThanOrEqual(80);
		await press(app, KEYS.enter);
		await waitForFrame(app, '✓ Add macvlan macvlan0 on veth_ns1 in ns1 (2 commands)');
		expect(system.pending()).toEqual([]);
	});

	it('a vxlan: → to the kind, a VNI, and the command with dev and dstport', async () => {
		const {app, system} = await onVeth();
		await press(app, '+');
		await waitForFrame(app, 'New device on veth_ns1 in ns1');
		await press(app, KEYS.right);
		await press(app, KEYS.right);
		await waitForFrame(app, /Kind\s+‹ vxlan ›/);
		for (let i = 0; i < 4; i++) await press(app, KEYS.tab);
		await press(app, '42');
		const frame = await waitForFrame(app, 'ip -n ns1 link add name vxlan0 type vxlan id 42 dev veth_ns1 dstport 4789');
		expect(widest(frame)).toBeLessThanOrEqual(80);
		expect(system.calls).toEqual([]);
	});

	it('a vlan with id 4095 is refused in the form; 10 names it veth_ns1.10', async () => {
		const {app, system} = await onVeth();
		await press(app, '+');
		await waitForFrame(app, 'New device on veth_ns1 in ns1');
		for (let i = 0; i < 3; i++) await press(app, KEYS.right);
		await waitForFrame(app, /Kind\s+‹ vlan ›/);
		for (let i = 0; i < 4; i++) await press(app, KEYS.tab);
		await press(app, '4095');
		await press(app, KEYS.enter);
		await waitForFrame(app, '✗ a VLAN id is 1–4094');
		await press(app, CTRL_U);
		await press(app, '10');
		await waitForFrame(app, 'ip -n ns1 link add link veth_ns1 name veth_ns1.10 type vlan id 10');
		expect(system.calls).toEqual([]);
	});

	it('at 200x50 the whole form and its commands show', async () => {
		const {app} = await onVeth([], {columns: 200, rows: 50});
		await press(app, '+');
		const frame = await waitForFrame(app, 'ip -n ns1 link add link veth_ns1 name macvlan0 type macvlan mode bridge');
		for (const label of ['Kind', 'Name', 'Mode (macvlan/tap)', 'Mode (ipvlan)', 'VLAN id / VNI', 'Port (vxlan)', 'Remote (vxlan)', 'Local (vxlan)', 'Into namespace', 'Bring up']) expect(frame).toContain(label);
	});
});
