// Forms over a fake system: the preview shows the exact commands, Enter runs exactly those, and bad or
// hostile input is refused in the form with no process started.
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/app.js';
import {createFakeSystem, type ExpectedCall} from '../support/fake-system.js';
import {fixtureWorld} from '../support/fixtures.js';
import {WorldBuilder} from '../support/hand-world.js';
import {KEYS, press, settle, waitForFrame} from '../support/ink.js';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

async function start(expected: ExpectedCall[] = [], options: {dryRun?: boolean; canChange?: boolean} = {}) {
	const system = createFakeSystem(fixtureWorld('bridge'), expected);
	if (options.canChange === false) Object.assign(system, {access: {canChange: false, reason: 'read-only'}});
	const app = render(<App system={system} size={{columns: 100, rows: 30}} dryRun={options.dryRun} />);
	unmount = app.unmount;
	await waitForFrame(app, 'Namespaces (3)');
	await settle();
	return {app, system};
}

async function type(app: {stdin: {write(s: string): void}}, text: string) {
	await press(app as never, text);
}

describe('Ctrl+Y in a form', () => {
	it('hands the previewed commands to the clipboard, runs nothing, and the status says how it went', async () => {
		const {app, system} = await start();
		const copied: string[] = [];
		system.copyToClipboard = async (text) => {
			copied.push(text);
			return {sent: false, why: 'tmux blocks it; run `tmux set -g set-clipboard on`, then copy again'};
		};
		await press(app, 'n');
		await waitForFrame(app, 'New namespace');
		await type(app, 'ns3');
		await waitForFrame(app, 'ip -n ns3 link set dev lo up');
		await press(app, '\u0019');
		await waitForFrame(app, '✗ not copied: tmux blocks it');
		expect(copied).toEqual(['ip netns add ns3\nip -n ns3 link set dev lo up\n']);
		expect(system.calls).toEqual([]);
	});
});

describe('new namespace form', () => {
	it('previews and runs exactly its commands', async () => {
		const {app, system} = await start([{argv: ['ip', 'netns', 'add', 'ns3']}, {argv: ['ip', '-n', 'ns3', 'link', 'set', 'dev', 'lo', 'up']}]);
		await press(app, 'n');
		await waitForFrame(app, 'New namespace');
		await type(app, 'ns3');
		const frame = await waitForFrame(app, 'ip -n ns3 link set dev lo up');
		expect(frame).toContain('ip netns add ns3');
		await press(app, KEYS.enter);
		await waitForFrame(app, '✓ Create namespace ns3 (2 commands)');
		expect(system.pending()).toEqual([]);
	});

	it('says in the form that a name exists, and runs nothing', async () => {
		const {app, system} = await start();
		await press(app, 'n');
		await waitForFrame(app, 'New namespace');
		await type(app, 'ns1');
		await press(app, KEYS.enter);
		await waitForFrame(app, '✗ namespace ns1 already exists');
		expect(system.calls).toEqual([]);
	});

	it.each([
		['shell metacharacters', 'a;reboot'],
		['command substitution', '$(id)'],
		['backticks', '`id`'],
		['a path', '../etc'],
		['a newline', 'a\nb'],
		['spaces', 'a b'],
		['65 bytes', 'x'.repeat(65)],
		['empty', ''],
	])('refuses %s in a namespace name', async (_what, value) => {
		const {app, system} = await start();
		await press(app, 'n');
		await waitForFrame(app, 'New namespace');
		if (value) await type(app, value);
		await press(app, KEYS.enter);
		await waitForFrame(app, '✗');
		expect(app.lastFrame()).toContain('New namespace');
		expect(system.calls).toEqual([]);
	});
});

describe('veth form', () => {
	it.each([
		['16-byte names', {name1: 'a'.repeat(16)}, 'at most 15 characters'],
		['a name with :', {name1: 'eth0:1'}, 'letters, digits'],
		['$(…) in a name', {name1: '$(reboot)'}, 'must start with a letter or a digit'],
		['$(…) inside a name', {name1: 'a$(reboot)'}, 'letters, digits'],
		['a bad CIDR', {address1: '10.1.1.300/24'}, 'not an address/prefix'],
		['no prefix', {address1: '10.1.1.1'}, 'not an address/prefix'],
		['an existing name where end 1 goes (the host)', {name1: 'br0'}, 'br0 already exists in host'],
		['an existing name where end 2 goes (ns1)', {name2: 'veth_ns1'}, 'veth_ns1 already exists in ns1'],
	])('refuses %s', async (_what, override, message) => {
		const {app, system} = await start();
		const values = {name1: 'vA', address1: '', name2: 'vB', ...override};
		await press(app, 'v');
		await waitForFrame(app, 'Add a veth pair');
		// The cursor starts on end 1's address; its name is the field above.
		await press(app, KEYS.shiftTab);
		await type(app, values.name1);
		await press(app, KEYS.tab);
		if (values.address1) await type(app, values.address1);
		for (let i = 0; i < 3; i++) await press(app, KEYS.tab);
		await type(app, values.name2);
		await press(app, KEYS.enter);
		await waitForFrame(app, message);
		expect(system.calls).toEqual([]);
	});

	it('makes an end named like a host link directly in its namespace (refused before: both ends went through the host)', async () => {
		const {app, system} = await start([
			{argv: ['ip', 'link', 'add', 'name', 'veth_ns1_br0', 'netns', 'ns1', 'type', 'veth', 'peer', 'name', 'veth_ns2_br0', 'netns', 'ns2']},
			{argv: ['ip', '-n', 'ns1', 'link', 'set', 'dev', 'veth_ns1_br0', 'up']},
			{argv: ['ip', '-n', 'ns2', 'link', 'set', 'dev', 'veth_ns2_br0', 'up']},
		]);
		await press(app, 'v');
		await waitForFrame(app, 'Add a veth pair');
		await press(app, KEYS.up);
		await press(app, KEYS.up);
		await press(app, KEYS.right); // end 1: host → ns1
		await press(app, KEYS.tab);
		await type(app, 'veth_ns1_br0');
		for (let i = 0; i < 3; i++) await press(app, KEYS.tab);
		await press(app, KEYS.right); // end 2: ns1 → ns2
		await press(app, KEYS.tab);
		await type(app, 'veth_ns2_br0');
		await waitForFrame(app, 'ip link add name veth_ns1_br0 netns ns1 type veth peer name veth_ns2_br0 netns ns2');
		await press(app, KEYS.enter);
		await waitForFrame(app, '✓ Add veth pair veth_ns1_br0 (ns1) ⇄ veth_ns2_br0 (ns2)');
		expect(system.pending()).toEqual([]);
	});
});

describe('keys that change the world', () => {
	it('Space shows the plan first; setting down asks twice, then runs, and the log shows it', async () => {
		const {app, system} = await start([{argv: ['ip', 'link', 'set', 'dev', 'lo', 'down']}]);
		await press(app, KEYS.tab);
		await press(app, KEYS.space);
		let frame = await waitForFrame(app, 'Set lo down in host');
		expect(frame).toContain('ip link set dev lo down');
		expect(frame).toContain('Enter twice runs');
		expect(system.calls).toEqual([]);
		await press(app, KEYS.enter);
		frame = await waitForFrame(app, 'Sure? Enter again (or y) runs it');
		expect(frame).toContain('ip link set dev lo down');
		expect(system.calls).toEqual([]);
		await press(app, KEYS.enter);
		await waitForFrame(app, '✓ Set lo down in host');
		await press(app, 'l');
		await waitForFrame(app, /✓ exit 0\s+ip link set dev lo down/);
		expect(system.pending()).toEqual([]);
	});

	it('a failing step shows the kernel message, a hint and the rollback', async () => {
		const {app} = await start([
			{argv: ['ip', 'link', 'add', 'name', 'br9', 'type', 'bridge']},
			{argv: ['ip', 'link', 'set', 'dev', 'br9', 'up'], result: {exitCode: 2, stderr: 'RTNETLINK answers: Operation not permitted'}},
			{argv: ['ip', 'link', 'del', 'dev', 'br9']},
		]);
		await press(app, 'b');
		await waitForFrame(app, 'Add a bridge');
		await type(app, 'br9');
		await press(app, KEYS.enter);
		const frame = await waitForFrame(app, 'step 2 of 2 failed');
		expect(frame).toContain('RTNETLINK answers: Operation not permitted');
		expect(frame).toMatch(/hint: .*root or CAP_NET_ADMIN/);
		expect(frame).toContain('↺ ip link del dev br9');
	});

	it('in a dry run, runs nothing and logs the plan as not run', async () => {
		const {app, system} = await start([], {dryRun: true});
		await press(app, 'n');
		await waitForFrame(app, 'New namespace');
		await type(app, 'ns9');
		await press(app, KEYS.enter);
		await waitForFrame(app, 'planned, not run: Create namespace ns9');
		await press(app, 'l');
		await waitForFrame(app, /○ not run\s+ip netns add ns9/);
		expect(system.calls).toEqual([]);
	});

	it('read-only: says why instead of opening a form', async () => {
		const {app, system} = await start([], {canChange: false});
		await press(app, 'n');
		await waitForFrame(app, /read-only.*cannot change anything here/);
		expect(app.lastFrame()).not.toContain('New namespace');
		expect(system.calls).toEqual([]);
	});

	it('d on the host namespace refuses; d on ns1 asks first and shows what goes with it', async () => {
		const {app} = await start();
		await press(app, 'd');
		await waitForFrame(app, "the host's own namespace cannot be deleted");
		await press(app, 'j');
		await press(app, 'd');
		const frame = await waitForFrame(app, 'Delete namespace ns1');
		expect(frame).toContain('This cannot be undone');
		expect(frame).toContain('ip netns del ns1');
		expect(frame).toMatch(/veths destroyed, with their other ends: .*veth_ns1 ↔ host\/veth_ns1_br0/);
		await press(app, KEYS.escape);
		await waitForFrame(app, 'Namespaces (3)');
	});
});

describe('a choice among many', () => {
	it('Space opens the list (ink-select-input): ↓ and Enter take another namespace, Esc keeps the value', async () => {
		const world = new WorldBuilder().namespace('host').namespace('ns1').namespace('ns2').namespace('ns3').namespace('ns4').namespace('ns5').build();
		const system = createFakeSystem(world, []);
		const app = render(<App system={system} size={{columns: 100, rows: 30}} />);
		unmount = app.unmount;
		await waitForFrame(app, 'Namespaces (6)');
		await settle();
		await press(app, 'b');
		await waitForFrame(app, 'Add a bridge');
		await type(app, 'br7');
		await press(app, KEYS.tab);
		await press(app, KEYS.space);
		let frame = await waitForFrame(app, 'Choose In (6)');
		expect(frame).toContain('ns4');
		await press(app, KEYS.down);
		await press(app, KEYS.enter);
		frame = await waitForFrame(app, /› ?In +‹ ns1 ›/);
		expect(frame).toContain('ip -n ns1 link add name br7 type bridge');
		await press(app, KEYS.space);
		await waitForFrame(app, 'Choose In (6)');
		await press(app, KEYS.down);
		await press(app, KEYS.escape);
		frame = await waitForFrame(app, 'ip -n ns1 link add name br7 type bridge');
		expect(frame).not.toContain('Choose In');
		expect(system.calls).toEqual([]);
	});

	it('five options or fewer cycle with ← → and Space: no list', async () => {
		const {app} = await start();
		await press(app, 'b');
		await waitForFrame(app, 'Add a bridge');
		await press(app, KEYS.tab);
		await press(app, KEYS.space);
		await waitForFrame(app, /› ?In +‹ ns1 ›/);
		expect(app.lastFrame()).not.toContain('Choose In');
	});
});

describe('nothing outside the kernel stops a plan halfway', () => {
	async function startWith(expected: ExpectedCall[], props: {logFile?: string; dryRun?: boolean}) {
		const system = createFakeSystem(fixtureWorld('bridge'), expected);
		const app = render(<App system={system} size={{columns: 120, rows: 30}} {...props} />);
		unmount = app.unmount;
		await waitForFrame(app, 'Namespaces (3)');
		await settle();
		return {app, system};
	}

	it('a log that cannot be written is reported, and every step of the plan still runs', async () => {
		const {app, system} = await startWith(
			[{argv: ['ip', 'link', 'add', 'name', 'br9', 'type', 'bridge']}, {argv: ['ip', 'link', 'set', 'dev', 'br9', 'up']}],
			{logFile: '/proc/nsdeck-no-such-dir/log'},
		);
		await press(app, 'b');
		await waitForFrame(app, 'Add a bridge');
		await type(app, 'br9');
		await press(app, KEYS.enter);
		await waitForFrame(app, /✓ Add bridge br9 in host \(2 commands\) — cannot write \/proc\/nsdeck-no-such-dir\/log/);
		expect(system.pending()).toEqual([]);
	});

	it('when an undo fails, the status says the rollback is incomplete and names what is left', async () => {
		const {app} = await startWith(
			[
				{argv: ['ip', 'link', 'add', 'name', 'br9', 'type', 'bridge']},
				{argv: ['ip', 'link', 'set', 'dev', 'br9', 'up'], result: {exitCode: 2, stderr: 'RTNETLINK answers: Operation not permitted'}},
				{argv: ['ip', 'link', 'del', 'dev', 'br9'], result: {exitCode: 2, stderr: 'RTNETLINK answers: Device or resource busy'}},
			],
			{},
		);
		await press(app, 'b');
		await waitForFrame(app, 'Add a bridge');
		await type(app, 'br9');
		await press(app, KEYS.enter);
		const frame = await waitForFrame(app, /failed; rollback incomplete: 1 undo step failed \(ip link del dev br9\)/);
		expect(frame).not.toContain('failed; rolled back');
	});

	it('a dry run opens no shell (s), saying why', async () => {
		const {app, system} = await startWith([], {dryRun: true});
		await press(app, 's');
		await waitForFrame(app, /dry run: no shell/);
		expect(system.calls).toEqual([]);
	});
});

describe('how many times a change asks', () => {
	it('Space to set a link up runs on one Enter: it adds, so it asks once', async () => {
		const world = new WorldBuilder().namespace('host').namespace('ns1').veth('ns1/a', 'ns1/b', {up: [false, false]}).build();
		const system = createFakeSystem(world, [{argv: ['ip', '-n', 'ns1', 'link', 'set', 'dev', 'a', 'up']}, {argv: ['ip', '-n', 'ns1', 'link', 'set', 'dev', 'a', 'down']}]);
		const app = render(<App system={system} size={{columns: 100, rows: 30}} />);
		unmount = app.unmount;
		await waitForFrame(app, 'Namespaces (2)');
		await settle();
		await press(app, 'j');
		await press(app, KEYS.tab);
		await press(app, 'j');
		await press(app, KEYS.space);
		await waitForFrame(app, 'Set a up in ns1');
		await press(app, KEYS.enter);
		await waitForFrame(app, '✓ Set a up in ns1');
		expect(system.calls).toHaveLength(1);
	});
});

describe('keys that arrive together', () => {
	it('two Enters in one chunk (as over SSH) confirm a destructive plan twice', async () => {
		const {app, system} = await start([{argv: ['ip', 'link', 'set', 'dev', 'lo', 'down']}]);
		await press(app, KEYS.tab);
		await press(app, KEYS.space);
		await waitForFrame(app, 'Set lo down in host');
		await press(app, '\r\r');
		await waitForFrame(app, '✓ Set lo down in host');
		expect(system.pending()).toEqual([]);
	});
});

describe('text typed on a choice row is never dropped', () => {
	it('p, then 10.0.2.2 typed on the Target row: the ping goes to 10.0.2.2 (the tutorials’ hint)', async () => {
		const {app, system} = await start();
		const pinged: string[][] = [];
		system.stream = async (argv) => {
			pinged.push([...argv]);
			return {argv, exitCode: 0, stdout: '', stderr: ''};
		};
		await press(app, 'j'); // ns1
		await waitForFrame(app, 'Interfaces in ns1');
		await press(app, 'p');
		await waitForFrame(app, /› ?Target +‹/);
		for (const char of '10.0.2.2') await press(app, char);
		await waitForFrame(app, 'ip netns exec ns1 ping -n -c 4 -i 1 -W 2 10.0.2.2');
		await press(app, KEYS.enter);
		await waitForFrame(app, '$ ip netns exec ns1 ping -n -c 4 -i 1 -W 2 10.0.2.2');
		expect(pinged).toEqual([['ip', 'netns', 'exec', 'ns1', 'ping', '-n', '-c', '4', '-i', '1', '-W', '2', '10.0.2.2']]);
		expect(system.calls).toEqual([]);
	});

	it('on a choice of five or fewer, opens its list narrowed by what was typed; Enter takes the match', async () => {
		const {app, system} = await start();
		await press(app, 'b');
		await waitForFrame(app, 'Add a bridge');
		await press(app, KEYS.tab);
		await press(app, 'n');
		await press(app, 's');
		await press(app, '2');
		await waitForFrame(app, 'Choose In (1 of 3)');
		await press(app, KEYS.enter);
		const frame = await waitForFrame(app, /› ?In +‹ ns2 ›/);
		expect(frame).toContain('ip -n ns2 link add name br0 type bridge');
		expect(system.calls).toEqual([]);
	});
});
