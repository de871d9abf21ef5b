// p, x and s over a fake system: the forms validate and preview the exact command, the panels stream what
// comes back, Esc stops (the abort reaches the process), a failed ping is explained, and the shell gets the
// terminal only once nothing reads keys.
import {render} from 'ink-testing-library';
import {existsSync, readFileSync} from 'node:fs';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {App} from '../../source/app.js';
import type {World} from '../../source/model/types.js';
import type {CommandResult, StreamOptions} from '../../source/system/runner.js';
import type {Suspend} from '../../source/system/terminal.js';
import {createFakeSystem, type FakeSystem} from '../support/fake-system.js';
import {fixtureWorld} from '../support/fixtures.js';
import {KEYS, press, settle, waitForFrame, type Rendered} from '../support/ink.js';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

interface Started {
	readonly app: Rendered & {stdin: {listenerCount(event: string): number}};
	readonly system: FakeSystem;
}

async function start(options: {suspend?: Suspend; dryRun?: boolean; rows?: number} = {}): Promise<Started> {
	const system = createFakeSystem(fixtureWorld('bridge'));
	const app = render(<App system={system} size={{columns: 100, rows: options.rows ?? 30}} suspend={options.suspend} dryRun={options.dryRun} />);
	unmount = app.unmount;
	await waitForFrame(app, 'Namespaces (3)');
	await settle();
	await press(app, 'j'); // ns1
	await waitForFrame(app, 'Interfaces in ns1');
	return {app: app as unknown as Started['app'], system};
}

const PING_NS1 = ['ip', 'netns', 'exec', 'ns1', 'ping', '-n', '-c', '4', '-i', '1', '-W', '2', '10.1.1.2'];

const OK_LINES = [
	'PING 10.1.1.2 (10.1.1.2) 56(84) bytes of data.',
	'64 bytes from 10.1.1.2: icmp_seq=1 ttl=64 time=0.143 ms',
	'64 bytes from 10.1.1.2: icmp_seq=2 ttl=64 time=0.065 ms',
	'64 bytes from 10.1.1.2: icmp_seq=3 ttl=64 time=0.081 ms',
	'64 bytes from 10.1.1.2: icmp_seq=4 ttl=64 time=0.100 ms',
	'',
	'--- 10.1.1.2 ping statistics ---',
	'4 packets transmitted, 4 received, 0% packet loss, time 3073ms',
	'rtt min/avg/max/mdev = 0.065/0.097/0.143/0.029 ms',
];

const LOST_LINES = ['PING 10.1.1.2 (10.1.1.2) 56(84) bytes of data.', '', '--- 10.1.1.2 ping statistics ---', '4 packets transmitted, 0 received, 100% packet loss, time 3050ms'];

/** A scripted stream: hands over `lines`, then waits for `release` (if given) before it ends. */
function scripted(lines: readonly string[], result: Partial<CommandResult> = {}, release?: Promise<void>) {
	const calls: Array<{argv: readonly string[]; options: StreamOptions}> = [];
	const stream = async (argv: readonly string[], options: StreamOptions): Promise<CommandResult> => {
		calls.push({argv, options});
		for (const line of lines) options.onLine(line, 'stdout');
		if (release) await release;
		return {argv, exitCode: 0, stdout: lines.join('\n') + '\n', stderr: '', ...result};
	};
	return {stream, calls};
}

async function chooseOther(app: Rendered): Promise<void> {
	for (let i = 0; i < 10 && !(app.lastFrame() ?? '').includes('‹ other address… ›'); i++) await press(app, KEYS.left);
	await waitForFrame(app, '‹ other address… ›');
}

async function openPing(app: Rendered): Promise<string> {
	await press(app, 'p');
	return waitForFrame(app, 'Ping from ns1');
}

describe('p: the ping form', () => {
	it('offers the known addresses with their namespaces and previews the exact command', async () => {
		const {app} = await start();
		const frame = await openPing(app);
		expect(frame).toContain('‹ 10.1.1.2 (ns2/veth_ns2) ›');
		expect(frame).toContain('ip netns exec ns1 ping -n -c 4 -i 1 -W 2 10.1.1.2');
		await press(app, KEYS.right);
		await waitForFrame(app, '‹ 10.1.1.4 (host/br0) ›');
		await waitForFrame(app, 'ping -n -c 4 -i 1 -W 2 10.1.1.4');
	});

	it('takes any other address, with -6 for IPv6', async () => {
		const {app} = await start();
		await openPing(app);
		await press(app, KEYS.left); // the last option: other address…
		await waitForFrame(app, '‹ other address… ›');
		await press(app, KEYS.tab);
		await press(app, 'fd00::2');
		await waitForFrame(app, 'ip netns exec ns1 ping -6 -n -c 4 -i 1 -W 2 fd00::2');
	});

	it.each([
		['a name', [KEYS.left, KEYS.tab, 'example.com'], 'not an IP address (-n: no names)'],
		['an empty other address', [KEYS.left], 'an address is needed'],
		['a link-local address', [KEYS.left, KEYS.tab, 'fe80::1'], 'link-local needs an interface'],
		['a count of zero', [KEYS.tab, KEYS.tab, '\u0015', '0'], 'a whole number of packets, 1 to 100000'],
		['a count with a shell', [KEYS.tab, KEYS.tab, '4;reboot'], 'a whole number of packets, 1 to 100000'],
		['an interval below 0.2', [KEYS.tab, KEYS.tab, KEYS.tab, '\u0015', '0.1'], "at least 0.2: ping refuses less without root"],
		['an interval that is not a number', [KEYS.tab, KEYS.tab, KEYS.tab, '\u0015', '1s'], 'seconds between packets, e.g. 1 or 0.5'],
	])('refuses %s and runs nothing', async (_what, keys, message) => {
		const {app, system} = await start();
		const {stream, calls} = scripted([]);
		system.stream = stream;
		await openPing(app);
		for (const key of keys) await press(app, key);
		await press(app, KEYS.enter);
		await waitForFrame(app, `✗ ${message}`);
		expect(calls).toEqual([]);
		expect(system.calls).toEqual([]);
	});
});

describe('p: the ping panel', () => {
	it('streams each reply as it arrives, then the summary', async () => {
		const {app, system} = await start();
		let release = (): void => {};
		const {stream, calls} = scripted(OK_LINES.slice(0, 3), {stdout: OK_LINES.join('\n')}, new Promise<void>((r) => (release = r)));
		system.stream = stream;
		await openPing(app);
		await press(app, KEYS.enter);
		let frame = await waitForFrame(app, 'icmp_seq=2');
		expect(frame).toContain('Ping 10.1.1.2 from ns1 — running… Esc stops it');
		expect(frame).toContain('$ ip netns exec ns1 ping -n -c 4 -i 1 -W 2 10.1.1.2');
		expect(frame).not.toContain('icmp_seq=3');
		expect(calls[0].argv).toEqual(PING_NS1);
		expect(calls[0].options.killSignal).toBe('SIGINT');
		for (const line of OK_LINES.slice(3)) calls[0].options.onLine(line, 'stdout');
		release();
		frame = await waitForFrame(app, '✓ 4 sent, 4 received, 0% loss · rtt min/avg/max 0.065/0.097/0.143 ms');
		expect(frame).toContain('icmp_seq=4');
		expect(frame).toContain('done · p ping again · Esc close');
		expect(frame).not.toContain('why:');
		// A ping only looks: no plan ran (it is logged, as a command that looked: see look-inside-comfort).
		expect(system.calls).toEqual([]);
		await press(app, KEYS.escape);
		await waitForFrame(app, 'Interfaces in ns1');
	});

	it('stops at once on Esc: the abort reaches the process, the panel says stopped', async () => {
		const {app, system} = await start();
		let signal: AbortSignal | undefined;
		system.stream = async (argv, options) => {
			signal = options.signal;
			options.onLine(OK_LINES[1], 'stdout');
			await new Promise<void>((resolve) => options.signal?.addEventListener('abort', () => resolve()));
			return {argv, exitCode: 0, stdout: `${OK_LINES[1]}\n2 packets transmitted, 1 received, 50% packet loss, time 1001ms\n`, stderr: '', failure: 'stopped'};
		};
		await openPing(app);
		await press(app, KEYS.enter);
		await waitForFrame(app, 'icmp_seq=1');
		expect(signal?.aborted).toBe(false);
		await press(app, KEYS.escape);
		const frame = await waitForFrame(app, '■ stopped: 2 sent, 1 received, 50% loss');
		expect(signal?.aborted).toBe(true);
		expect(frame).toContain('stopped · p ping again · Esc close');
		expect(frame).not.toContain('why:'); // a stopped ping with replies is no failure
		await press(app, KEYS.escape);
		await waitForFrame(app, 'Interfaces in ns1');
	});

	it('explains a failed ping from the world read again: the down bridge port is named', async () => {
		const {app, system} = await start();
		const down: World = {
			namespaces: system.world.namespaces.map((n) =>
				n.id === 'host' ? {...n, links: n.links.map((l) => (l.name === 'veth_ns2_br0' ? {...l, adminUp: false, state: 'DOWN'} : l))} : n,
			),
		};
		system.stream = async (argv, options) => {
			for (const line of LOST_LINES) options.onLine(line, 'stdout');
			// The kernel changed while the app showed the old world: the diagnosis must read it again.
			system.world = down;
			return {argv, exitCode: 1, stdout: LOST_LINES.join('\n'), stderr: ''};
		};
		await openPing(app);
		await press(app, KEYS.enter);
		// The way hop by hop, the broken hop marked with its evidence on its line, and the fix offered.
		const frame = await waitForFrame(app, '✗ interface veth_ns2_br0 in host is down');
		expect(frame).toContain('✗ 4 sent, 0 received, 100% loss');
		expect(frame).toContain('✗ ns1: 10.1.1.0/24 dev veth_ns1 → host/veth_ns1_br0 → host/br0 → host/veth_ns2_br0 →');
		expect(frame).toContain('F: set veth_ns2_br0 in host up (the plan is shown first)');
		// F opens the ordinary plan preview; nothing runs until Enter.
		await press(app, 'F');
		await waitForFrame(app, 'Set veth_ns2_br0 up in host');
	});

	it('says why when ping cannot even send: ns2 has no route to 192.0.2.1', async () => {
		const {app, system} = await start();
		await press(app, 'j'); // ns2: no default route
		await waitForFrame(app, 'Interfaces in ns2');
		system.stream = async (argv, options) => {
			options.onLine('ping: connect: Network is unreachable', 'stderr');
			return {argv, exitCode: 2, stdout: '', stderr: 'ping: connect: Network is unreachable\n'};
		};
		await press(app, 'p');
		await waitForFrame(app, 'Ping from ns2');
		await chooseOther(app);
		await press(app, KEYS.tab);
		await press(app, '192.0.2.1');
		await press(app, KEYS.enter);
		const frame = await waitForFrame(app, '✗ ns2: no route to 192.0.2.1 ✗ no route in ns2 covers 192.0.2.1');
		expect(frame).toContain('✗ ping: connect: Network is unreachable');
		expect(frame).toContain("why: ns2's IPv4 routes: 10.1.1.0/24 dev veth_ns2");
	});

	it('keeps the earlier pings as a short history, and p opens the form again with the last values', async () => {
		const {app, system} = await start();
		system.stream = scripted(OK_LINES).stream;
		await openPing(app);
		await press(app, KEYS.enter);
		await waitForFrame(app, '✓ 4 sent');
		await press(app, 'p');
		let frame = await waitForFrame(app, 'Ping from ns1');
		expect(frame).toContain('‹ 10.1.1.2 (ns2/veth_ns2) ›');
		system.stream = scripted(LOST_LINES, {exitCode: 1}).stream;
		await press(app, KEYS.enter);
		frame = await waitForFrame(app, 'Earlier pings:');
		expect(frame).toContain('✓ ns1 → 10.1.1.2  4/4 received, 0% loss, avg 0.097 ms');
		expect(frame).toContain('✗ 4 sent, 0 received, 100% loss');
	});
});

describe('x: one command in the namespace', () => {
	it('previews the argv, says what it does not do, shows stdout, stderr and the exit status, and logs it', async () => {
		const {app, system} = await start();
		const calls: Array<readonly string[]> = [];
		system.stream = async (argv, options) => {
			calls.push(argv);
			options.onLine('10.1.1.2 dev veth_ns1 lladdr 42:00:00:00:00:02 REACHABLE', 'stdout');
			options.onLine('something went wrong', 'stderr');
			expect(options.timeoutMs).toBe(10_000);
			return {argv, exitCode: 1, stdout: '', stderr: 'something went wrong\n'};
		};
		await press(app, 'x');
		let frame = await waitForFrame(app, 'Run one command in ns1');
		expect(frame).toContain('with | > $( ) * it runs through sh -c');
		await press(app, 'ip neigh show "a b"');
		await waitForFrame(app, "ip netns exec ns1 ip neigh show 'a b'");
		await press(app, KEYS.enter);
		frame = await waitForFrame(app, '✗ exit status 1');
		expect(calls).toEqual([['ip', 'netns', 'exec', 'ns1', 'ip', 'neigh', 'show', 'a b']]);
		expect(frame).toContain('REACHABLE');
		expect(frame).toContain('something went wrong');
		await press(app, KEYS.escape);
		await waitForFrame(app, 'Interfaces in ns1');
		await press(app, 'l');
		frame = await waitForFrame(app, 'Command log (1)');
		expect(frame).toMatch(/✗ exit 1\s+ip netns exec ns1 ip neigh show 'a b' — something went wrong/);
	});

	it('refuses an unclosed quote and runs nothing', async () => {
		const {app, system} = await start();
		await press(app, 'x');
		await waitForFrame(app, 'Run one command in ns1');
		await press(app, 'echo "a');
		await press(app, KEYS.enter);
		await waitForFrame(app, '✗ a " quote is not closed');
		expect(system.calls).toEqual([]);
	});

	it('scrolls long output with PgUp, Home and End', async () => {
		const {app, system} = await start({rows: 24});
		system.stream = async (argv, options) => {
			for (let i = 1; i <= 60; i++) options.onLine(`line ${i}`, 'stdout');
			return {argv, exitCode: 0, stdout: '', stderr: ''};
		};
		await press(app, 'x');
		await waitForFrame(app, 'Run one command in ns1');
		await press(app, 'seq 60');
		await press(app, KEYS.enter);
		let frame = await waitForFrame(app, '✓ exit status 0');
		expect(frame).toContain('line 60');
		expect(frame).not.toMatch(/line 1\b/);
		await press(app, '\u001B[5~'); // PgUp
		frame = await waitForFrame(app, /lines \d+–\d+ of 60/);
		expect(frame).not.toContain('line 60');
		await press(app, '\u001B[H'); // Home
		frame = await waitForFrame(app, /line 1\s/);
		expect(frame).toContain('lines 1–');
		await press(app, '\u001B[F'); // End
		await waitForFrame(app, 'line 60');
	});

	it('runs nothing in a dry run', async () => {
		const {app, system} = await start({dryRun: true});
		await press(app, 'x');
		await waitForFrame(app, 'Run one command in ns1');
		await press(app, 'ip neigh');
		await press(app, KEYS.enter);
		await waitForFrame(app, 'nothing ran: --dry-run runs no typed command');
		expect(system.calls).toEqual([]);
	});
});

describe('s: a shell in the namespace', () => {
	const shell = process.env.SHELL;
	beforeEach(() => {
		process.env.SHELL = '/bin/sh';
	});
	afterEach(() => {
		if (shell === undefined) delete process.env.SHELL;
		else process.env.SHELL = shell;
	});

	it("bash: a generated rc file that sources the user's own, then names the namespace in PS1; gone afterwards", async () => {
		process.env.SHELL = '/bin/bash';
		const suspend: Suspend = async (run) => run();
		const {app, system} = await start({suspend});
		let rc = '';
		let rcFile = '';
		system.attach = async (argv, env) => {
			expect(argv.slice(0, 6)).toEqual(['ip', 'netns', 'exec', 'ns1', '/bin/bash', '--rcfile']);
			expect(env).toEqual({NSDECK_NETNS: 'ns1'});
			rcFile = argv[6];
			rc = readFileSync(rcFile, 'utf8');
			return 0;
		};
		await press(app, 's');
		await waitForFrame(app, 'back from the shell in ns1');
		expect(rc).toContain('. "$HOME/.bashrc"');
		expect(rc).toContain(`PS1='[netns ns1] '"$PS1"`);
		expect(existsSync(rcFile)).toBe(false);
	});

	it('hands the terminal over with nothing reading keys, then comes back where it was and reads the world again', async () => {
		const suspended: string[] = [];
		const suspend: Suspend = async (run, note) => {
			suspended.push(note ?? '');
			return run();
		};
		const {app, system} = await start({suspend});
		await press(app, KEYS.tab); // interfaces pane, to see that focus comes back too
		await press(app, KEYS.shiftTab);
		let reads = 0;
		const list = system.listNamespaces;
		system.listNamespaces = async () => {
			reads++;
			return list();
		};
		const attached: Array<{argv: readonly string[]; env: Readonly<Record<string, string>>; readers: number}> = [];
		system.attach = async (argv, env) => {
			attached.push({argv, env, readers: app.stdin.listenerCount('readable')});
			return 0;
		};
		await press(app, 's');
		const frame = await waitForFrame(app, 'back from the shell in ns1');
		expect(attached).toEqual([{argv: ['ip', 'netns', 'exec', 'ns1', '/bin/sh'], env: {NSDECK_NETNS: 'ns1', PS1: expect.stringMatching(/^\[netns ns1\] [$#] $/)}, readers: 0}]);
		expect(suspended[0]).toBe('nsdeck: shell in namespace ns1 — exit to return');
		expect(frame).toMatch(/›ns1/);
		expect(frame).toContain('Interfaces in ns1');
		await waitForFrame(app, 'Namespaces (3)');
		expect(reads).toBeGreaterThan(0);
		// Keys work again.
		await press(app, 'j');
		await waitForFrame(app, 'Interfaces in ns2');
	});

	it('says so when there is no terminal to hand over', async () => {
		const {app} = await start();
		await press(app, 's');
		await waitForFrame(app, 'a shell needs the terminal');
	});
});
