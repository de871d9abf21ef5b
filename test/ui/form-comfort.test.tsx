// Forms at 80x24 and 200x50 (issue 19): choosing among hundreds by typing, messages that wrap instead of
// ending in …, the route form on the selected interface, "Nothing to change" said truthfully, detaching a
// port from its bridge, and the veth form's keys for the seed tutorials.
import {render} from 'ink-testing-library';
import {describe, expect, it, onTestFinished} from 'vitest';
import {App} from '../../source/app.js';
import {parseSshConnection} from '../../source/model/ssh-session.js';
import {HOST_ID} from '../../source/model/types.js';
import {createFakeSystem, type ExpectedCall} from '../support/fake-system.js';
import {selectRow} from '../support/drive.js';
import {WorldBuilder} from '../support/hand-world.js';
import {KEYS, press, settle, waitForFrame} from '../support/ink.js';
import {startApp} from '../support/start-app.js';

const SIZES = [
	{columns: 80, rows: 24},
	{columns: 200, rows: 50},
] as const;

/** The frame's text inside the form's border, rows joined: a wrapped message reads whole. */
const inside = (frame: string): string =>
	frame
		.split('\n')
		.map((line) => line.replaceAll(/[║╔╗╚╝═]/g, '').trim())
		.join(' ')
		.replaceAll(/\s+/g, ' ');

async function typeText(app: {stdin: {write(s: string): void}}, text: string): Promise<void> {
	for (const ch of text) await press(app as never, ch);
}

describe.each(SIZES)('forms at $columns x $rows', (size) => {
	it('a choice among 300 namespaces: typing narrows the list, Backspace erases, the highlight stays on its option, Enter takes it', async () => {
		const builder = new WorldBuilder().namespace(HOST_ID);
		for (let i = 1; i <= 300; i++) builder.namespace(`ns${i}`);
		const system = createFakeSystem(builder.build(), []);
		const app = render(<App system={system} size={size} />);
		onTestFinished(() => app.unmount());
		await waitForFrame(app, 'Namespaces (301)');
		await settle();
		await press(app, 'b');
		await waitForFrame(app, 'Add a bridge');
		await press(app, KEYS.tab);
		// A letter on the field opens the list with that letter as its filter.
		await typeText(app, 'ns29');
		let frame = await waitForFrame(app, 'Choose In (11 of 301)');
		expect(frame).toContain('filter: ns29');
		// Nothing cut at 80 columns: the list's title and its filter line read whole.
		expect(frame.split('\n').filter((line) => /Choose In|filter:/.test(line)).join('\n')).not.toContain('…');
		expect(frame).toContain('Esc keeps host');
		await press(app, KEYS.down);
		await press(app, KEYS.down);
		await waitForFrame(app, /❯ ns291/);
		// Widening the filter keeps ns291 highlighted (ink-select-input alone would jump back to the top).
		await press(app, KEYS.backspace);
		frame = await waitForFrame(app, 'filter: ns2▏');
		expect(frame).toMatch(/❯ ns291/);
		await typeText(app, 'xyz');
		await waitForFrame(app, 'nothing matches ns2xyz');
		for (let i = 0; i < 3; i++) await press(app, KEYS.backspace);
		await waitForFrame(app, /❯ ns291/);
		await press(app, KEYS.enter);
		frame = await waitForFrame(app, /In +‹ ns291 ›/);
		expect(frame).toContain('ip -n ns291 link add name br0 type bridge');
		// Esc leaves the value as it was.
		await press(app, KEYS.space);
		await waitForFrame(app, 'Choose In (301)');
		await typeText(app, 'ns7');
		await press(app, KEYS.escape);
		frame = await waitForFrame(app, /In +‹ ns291 ›/);
		expect(frame).not.toContain('Choose In');
		expect(system.calls).toEqual([]);
	});

	it('the list shows who lives in each namespace and its filter finds a namespace by its pod', async () => {
		const builder = new WorldBuilder().namespace(HOST_ID);
		for (let i = 1; i <= 300; i++) builder.namespace(`cni-${String(i).padStart(4, '0')}`);
		const built = builder.build();
		const world = {
			...built,
			namespaces: built.namespaces.map((n) => (n.id === 'cni-0042' ? {...n, label: {processes: 2, pod: {namespace: 'shop', name: 'web-7f9c'}}} : n)),
		};
		const system = createFakeSystem(world, []);
		const app = render(<App system={system} size={size} />);
		onTestFinished(() => app.unmount());
		await waitForFrame(app, 'Namespaces (301)');
		await settle();
		await press(app, 'b');
		await waitForFrame(app, 'Add a bridge');
		await press(app, KEYS.tab);
		await typeText(app, 'WEB');
		const frame = await waitForFrame(app, 'Choose In (1 of 301)');
		expect(frame).toMatch(/❯ cni-0042 +pod shop\/web-7f9c/);
		await press(app, KEYS.enter);
		await waitForFrame(app, 'ip -n cni-0042 link add name br0 type bridge');
		expect(system.calls).toEqual([]);
	});

	it('over SSH a filter and a Tab in one chunk take the first match and go on to the next field', async () => {
		const builder = new WorldBuilder().namespace(HOST_ID);
		for (let i = 1; i <= 300; i++) builder.namespace(`ns${i}`);
		const system = createFakeSystem(builder.build(), []);
		const app = render(<App system={system} size={size} />);
		onTestFinished(() => app.unmount());
		await waitForFrame(app, 'Namespaces (301)');
		await settle();
		await press(app, 'b');
		await waitForFrame(app, 'Add a bridge');
		await press(app, KEYS.tab);
		await press(app, 'ns42\t10.1.1.4/24');
		const frame = await waitForFrame(app, 'ip -n ns42 addr add 10.1.1.4/24 dev br0');
		expect(frame).not.toContain('Choose In');
		expect(system.calls).toEqual([]);
	});

	it('a command longer than the form is wide wraps in the preview instead of ending in …', async () => {
		const {app, system} = await startApp({size});
		await press(app, 'v');
		await waitForFrame(app, 'Add a veth pair');
		await press(app, KEYS.up);
		await press(app, KEYS.up);
		await press(app, KEYS.right); // end 1: host → ns1
		await press(app, KEYS.tab);
		await typeText(app, 'veth_ns1_br0');
		for (let i = 0; i < 3; i++) await press(app, KEYS.tab);
		await press(app, KEYS.right); // end 2: ns1 → ns2
		// veth_ns2 is taken in ns2: the suggestion takes a number.
		const command = 'ip link add name veth_ns1_br0 netns ns1 type veth peer name veth_ns2_2 netns ns2';
		const frame = await waitForFrame(app, 'ip -n ns1 link set dev veth_ns1_br0 up');
		expect(inside(frame)).toContain(command);
		expect(frame).not.toContain('…');
		expect(system.calls).toEqual([]);
	});

	it('what a plan takes along reads whole: its consequences wrap instead of ending in …', async () => {
		const {app, system} = await startApp({size});
		await press(app, 'j');
		await press(app, 'd');
		const frame = await waitForFrame(app, 'Delete namespace ns1');
		expect(inside(frame)).toMatch(/veths destroyed, with their other ends: .*veth_ns1 ↔ host\/veth_ns1_br0/);
		expect(frame).not.toContain('…');
		expect(system.calls).toEqual([]);
	});

	it('a long validation message wraps in the form instead of ending in …', async () => {
		const {app, system} = await startApp({size});
		await press(app, 'b');
		await waitForFrame(app, 'Add a bridge');
		await typeText(app, 'all');
		const frame = await waitForFrame(app, '✗');
		expect(inside(frame)).toContain('✗ "all" is reserved by the kernel (net.ipv4.conf.all holds settings for every interface)');
		expect(frame.split('\n').filter((line) => line.includes('✗')).join('\n')).not.toContain('…');
		expect(frame).toContain('Fix the fields marked ✗ to see the commands.');
		expect(system.calls).toEqual([]);
	});

	it('r on an interface makes it the route’s device; r in the routes pane starts with any device', async () => {
		const {app} = await startApp({size, expected: [{argv: ['ip', 'route', 'add', 'default', 'dev', 'veth_ns1_br0']}]});
		await press(app, '2');
		await selectRow(app, 'veth_ns1_br0');
		await press(app, 'r');
		const frame = await waitForFrame(app, 'Add a route in host');
		expect(frame).toMatch(/Device +‹ veth_ns1_br0 ›/);
		expect(frame).toContain('ip route add default dev veth_ns1_br0');
		await press(app, KEYS.escape);
		await press(app, '3');
		await press(app, 'r');
		await waitForFrame(app, /Device +‹ \(any\) ›/);
	});

	it('a form whose values are the system’s says "Nothing to change" and runs nothing on Enter', async () => {
		const {app, system} = await startApp({size});
		await press(app, 'f');
		let frame = await waitForFrame(app, 'Forwarding in host');
		expect(inside(frame)).toContain('Nothing to change: IPv4 forwarding is off and IPv6 forwarding off already');
		expect(frame).not.toContain('Fill in the fields');
		expect(frame).not.toContain('Enter runs');
		await press(app, KEYS.enter);
		await settle();
		expect(app.lastFrame()).toContain('Forwarding in host');
		expect(system.calls).toEqual([]);
		await press(app, KEYS.space);
		frame = await waitForFrame(app, 'sysctl -w net.ipv4.ip_forward=1');
		expect(frame).not.toContain('Nothing to change');
		await press(app, KEYS.escape);
		// c on a port whose bridge is the only one: it is there already.
		await press(app, '2');
		await selectRow(app, 'veth_ns1_br0');
		await press(app, 'c');
		frame = await waitForFrame(app, 'Connect veth_ns1_br0 to a bridge');
		expect(inside(frame)).toContain('Nothing to change: veth_ns1_br0 is on br0 already');
		await press(app, KEYS.enter);
		await settle();
		expect(system.calls).toEqual([]);
	});

	it('u takes the selected port out of its bridge (asks twice); offered only on an interface with a master', async () => {
		const expected: ExpectedCall[] = [{argv: ['ip', 'link', 'set', 'dev', 'veth_ns1_br0', 'nomaster']}];
		const {app, system} = await startApp({size, expected});
		await press(app, '2');
		await selectRow(app, 'lo');
		await press(app, 'u');
		await waitForFrame(app, 'lo is on no bridge: nothing to detach it from');
		if (size.columns >= 200) expect(app.lastFrame()).not.toContain('detach  ');
		await selectRow(app, 'veth_ns1_br0');
		if (size.columns >= 200) await waitForFrame(app, /u detach/);
		await press(app, 'u');
		const frame = await waitForFrame(app, 'Detach veth_ns1_br0 from br0');
		expect(frame).toContain('ip link set dev veth_ns1_br0 nomaster');
		await press(app, KEYS.enter);
		await waitForFrame(app, 'Sure? Enter again');
		expect(system.calls).toEqual([]);
		await press(app, KEYS.enter);
		await waitForFrame(app, '✓ Detach veth_ns1_br0 from bridge br0 in host');
		expect(system.pending()).toEqual([]);
	});

	it('u on a port of the bridge the SSH session comes in over wants the bridge’s name typed first', async () => {
		const {app, system} = await startApp({size});
		// As if nsdeck ran in an SSH session to br0's address.
		Object.assign(system, {sshSession: parseSshConnection('10.1.1.9 50000 10.1.1.4 22')});
		await press(app, '2');
		await selectRow(app, 'veth_ns1_br0');
		await press(app, 'u');
		const frame = await waitForFrame(app, 'Detach veth_ns1_br0 from br0');
		expect(inside(frame)).toContain('runs over br0: taking a port out of it can cut off this very session');
		expect(frame).toContain('Type br0 to go ahead');
		await press(app, KEYS.enter);
		await press(app, KEYS.enter);
		await waitForFrame(app, 'type br0 first');
		expect(system.calls).toEqual([]);
	});

	it('tutorial A’s pair, ns2 selected: v, one address, Enter (13 keys) makes ns1 ⇄ ns2 with both addresses, up', async () => {
		const world = new WorldBuilder().namespace(HOST_ID).namespace('ns1').namespace('ns2').build();
		const system = createFakeSystem(world, [
			{argv: ['ip', 'link', 'add', 'name', 'veth_ns1', 'netns', 'ns1', 'type', 'veth', 'peer', 'name', 'veth_ns2', 'netns', 'ns2']},
			{argv: ['ip', '-n', 'ns1', 'addr', 'add', '10.1.1.1/24', 'dev', 'veth_ns1']},
			{argv: ['ip', '-n', 'ns2', 'addr', 'add', '10.1.1.2/24', 'dev', 'veth_ns2']},
			{argv: ['ip', '-n', 'ns1', 'link', 'set', 'dev', 'veth_ns1', 'up']},
			{argv: ['ip', '-n', 'ns2', 'link', 'set', 'dev', 'veth_ns2', 'up']},
		]);
		const app = render(<App system={system} size={size} />);
		onTestFinished(() => app.unmount());
		await waitForFrame(app, 'Namespaces (3)');
		await settle();
		// As after `n ns1`, `n ns2`: ns2 is selected.
		await selectRow(app, 'ns2');
		await press(app, 'v');
		await waitForFrame(app, 'Add a veth pair');
		await typeText(app, '10.1.1.1/24');
		const frame = await waitForFrame(app, 'ip -n ns2 addr add 10.1.1.2/24 dev veth_ns2');
		// The longest command wraps at 80 columns rather than ending in …
		expect(inside(frame)).toContain('ip link add name veth_ns1 netns ns1 type veth peer name veth_ns2 netns ns2');
		expect(frame).not.toContain('…');
		await press(app, KEYS.enter);
		await waitForFrame(app, '✓ Add veth pair veth_ns1 (ns1) ⇄ veth_ns2 (ns2)');
		expect(system.pending()).toEqual([]);
	});
});
