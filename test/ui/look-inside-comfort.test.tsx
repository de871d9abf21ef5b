// Issue 19 at 80x24 and 200x50: x starts fresh (the last command only offered), a typed "Other address"
// is what ping pings, output panels wrap (or scroll sideways), and the command log says when, how long
// and how each command ended, pings and x included.
import {render} from 'ink-testing-library';
import {mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/app.js';
import type {CommandResult, StreamOptions} from '../../source/system/runner.js';
import {createFakeSystem, type FakeSystem} from '../support/fake-system.js';
import {fixtureWorld} from '../support/fixtures.js';
import {KEYS, press, settle, waitForFrame, type Rendered} from '../support/ink.js';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

const SIZES = [
	{columns: 80, rows: 24},
	{columns: 200, rows: 50},
] as const;

async function start(size: {columns: number; rows: number}, dryRun = false): Promise<{app: Rendered; system: FakeSystem}> {
	const system = createFakeSystem(fixtureWorld('bridge'));
	const app = render(<App system={system} size={size} dryRun={dryRun} />);
	unmount = app.unmount;
	await waitForFrame(app, 'Namespaces (3)');
	await settle();
	await press(app, 'j'); // ns1
	await waitForFrame(app, 'Interfaces in ns1');
	return {app, system};
}

/** A stream that hands over `lines` and ends with exit status 0; every argv it was given is kept. */
function streamOf(lines: readonly string[], result: Partial<CommandResult> = {}) {
	const calls: Array<readonly string[]> = [];
	const stream = async (argv: readonly string[], options: StreamOptions): Promise<CommandResult> => {
		calls.push(argv);
		for (const line of lines) options.onLine(line, 'stdout');
		return {argv, exitCode: 0, stdout: lines.join('\n') + '\n', stderr: '', ...result};
	};
	return {stream, calls};
}

describe.each(SIZES)('at $columns x $rows', (size) => {
	it('x: the last command is offered, not kept: typing replaces it, Enter on nothing runs it again', async () => {
		const {app, system} = await start(size);
		const {stream, calls} = streamOf(['1: lo: <LOOPBACK,UP>']);
		system.stream = stream;
		await press(app, 'x');
		await waitForFrame(app, 'Run one command in ns1');
		await press(app, 'ip -br link');
		await press(app, KEYS.enter);
		await waitForFrame(app, '✓ exit status 0');
		await press(app, KEYS.escape);
		await waitForFrame(app, 'Interfaces in ns1');
		await press(app, 'x');
		let frame = await waitForFrame(app, 'Run one command in ns1');
		// Offered: Enter would run it again.
		expect(frame).toContain('ip netns exec ns1 ip -br link');
		await press(app, 'ip -br addr');
		frame = await waitForFrame(app, 'ip netns exec ns1 ip -br addr');
		expect(frame).not.toContain('linkip');
		await press(app, KEYS.enter);
		await waitForFrame(app, '✓ exit status 0');
		await press(app, KEYS.escape);
		await press(app, 'x');
		await waitForFrame(app, 'Run one command in ns1');
		await press(app, KEYS.enter);
		await waitForFrame(app, '✓ exit status 0');
		expect(calls).toEqual([
			['ip', 'netns', 'exec', 'ns1', 'ip', '-br', 'link'],
			['ip', 'netns', 'exec', 'ns1', 'ip', '-br', 'addr'],
			['ip', 'netns', 'exec', 'ns1', 'ip', '-br', 'addr'],
		]);
	});

	it('p: a typed "Other address" is what ping pings, not the preset target', async () => {
		const {app, system} = await start(size);
		const {stream, calls} = streamOf([]);
		system.stream = stream;
		await press(app, 'p');
		const frame = await waitForFrame(app, 'Ping from ns1');
		expect(frame).toContain('‹ 10.1.1.2 (ns2/veth_ns2) ›');
		await press(app, KEYS.tab);
		await press(app, '10.1.1.4');
		await waitForFrame(app, 'ip netns exec ns1 ping -n -c 4 -i 1 -W 2 10.1.1.4');
		await press(app, KEYS.enter);
		await waitForFrame(app, 'Ping 10.1.1.4 from ns1');
		expect(calls).toEqual([['ip', 'netns', 'exec', 'ns1', 'ping', '-n', '-c', '4', '-i', '1', '-W', '2', '10.1.1.4']]);
	});

	it('l: pings and x commands are logged with their start time, duration and exit status; ', async () => {
		const {app, system} = await start(size);
		let release = (): void => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		system.stream = async (argv, options) => {
			options.onLine('64 bytes from 10.1.1.2: icmp_seq=1 ttl=64 time=0.1 ms', 'stdout');
			await held;
			return {argv, exitCode: 0, stdout: '1 packets transmitted, 1 received, 0% packet loss, time 0ms\n', stderr: ''};
		};
		await press(app, 'p');
		await waitForFrame(app, 'Ping from ns1');
		await press(app, KEYS.enter);
		await waitForFrame(app, 'icmp_seq=1');
		await press(app, KEYS.escape); // stops it: the fake ends when released
		release();
		await waitForFrame(app, /done|stopped/);
		await press(app, KEYS.escape);
		await waitForFrame(app, 'Interfaces in ns1');
		system.stream = async (argv) => ({argv, exitCode: 3, stdout: '', stderr: 'nope\n'});
		await press(app, 'x');
		await waitForFrame(app, 'Run one command in ns1');
		await press(app, 'false');
		await press(app, KEYS.enter);
		await waitForFrame(app, '✗ exit status 3');
		await press(app, KEYS.escape);
		await press(app, 'l');
		const frame = await waitForFrame(app, 'Command log (2)');
		expect(frame).toMatch(/\d\d:\d\d:\d\d +\d+ ms [■✓] (SIGINT|exit 0) +ip netns exec ns1 ping -n -c 4/);
		expect(frame).toMatch(/\d\d:\d\d:\d\d +\d+ ms ✗ exit 3 +ip netns exec ns1 false — nope/);
	});
});

describe.each(SIZES)('output panels at $columns x $rows', (size) => {
	// 297 characters: longer than the panel at both sizes. Words at the start, the middle and the end.
	const LONG = `START${'-'.repeat(140)}MIDDLE${'-'.repeat(140)}FINISH`;

	it('x: a long line wraps, every character seen; w cuts it, and → scrolls sideways to its end', async () => {
		const {app, system} = await start(size);
		system.stream = async (argv, options) => {
			options.onLine('short line', 'stdout');
			options.onLine(LONG, 'stdout');
			return {argv, exitCode: 0, stdout: '', stderr: ''};
		};
		await press(app, 'x');
		await waitForFrame(app, 'Run one command in ns1');
		await press(app, 'cat long');
		await press(app, KEYS.enter);
		let frame = await waitForFrame(app, '✓ exit status 0');
		expect(frame).toContain('START');
		expect(frame).toContain('MIDDLE');
		expect(frame).toContain('FINISH');
		expect(frame).toContain('w unwrap');
		await press(app, 'w');
		frame = await waitForFrame(app, /cols 1–\d+ of 297/);
		expect(frame).toContain('START');
		expect(frame).not.toContain('FINISH');
		expect(frame).toContain('short line');
		for (let i = 0; i < 12 && !(app.lastFrame() ?? '').includes('FINISH'); i++) await press(app, KEYS.right);
		frame = await waitForFrame(app, 'FINISH');
		expect(frame).not.toContain('START');
		expect(frame).toMatch(/cols \d+–297 of 297/);
		await press(app, KEYS.left);
		frame = await waitForFrame(app, /cols \d+–\d+ of 297/);
		expect(frame).not.toContain('FINISH');
		await press(app, 'w');
		frame = await waitForFrame(app, 'w unwrap');
		expect(frame).toContain('START');
		expect(frame).toContain('FINISH');
	});

	it('ping: a long line wraps; w cuts it and ← → scroll', async () => {
		const {app, system} = await start(size);
		system.stream = async (argv, options) => {
			options.onLine(LONG, 'stderr');
			return {argv, exitCode: 2, stdout: '', stderr: `${LONG}\n`};
		};
		await press(app, 'p');
		await waitForFrame(app, 'Ping from ns1');
		await press(app, KEYS.enter);
		let frame = await waitForFrame(app, 'FINISH');
		expect(frame).toContain('START');
		await press(app, 'w');
		/** The output's first row: the one below the command (the diagnosis below it quotes the line again). */
		const firstRow = (f: string): string => {
			const rows = f.split('\n');
			return rows[rows.findIndex((r) => r.includes('$ ip netns exec ns1 ping')) + 1] ?? '';
		};
		frame = await waitForFrame(app, /cols 1–\d+ of 297/);
		expect(firstRow(frame)).toContain('START');
		expect(firstRow(frame)).not.toContain('FINISH');
		for (let i = 0; i < 12 && !/cols \d+–297 of 297/.test(app.lastFrame() ?? ''); i++) await press(app, KEYS.right);
		frame = await waitForFrame(app, /cols \d+–297 of 297/);
		expect(firstRow(frame)).toContain('-FINISH');
		expect(firstRow(frame)).not.toContain('START');
	});
});

describe('l: the command log', () => {
	it('says which signal ended a command', async () => {
		const {app, system} = await start({columns: 80, rows: 24});
		let release = (): void => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		system.stream = async (argv) => {
			await held;
			return {argv, exitCode: -1, stdout: '', stderr: '', signal: 'SIGKILL', failure: 'killed'};
		};
		await press(app, 'x');
		await waitForFrame(app, 'Run one command in ns1');
		await press(app, 'sleep 9');
		await press(app, KEYS.enter);
		await waitForFrame(app, 'running… Esc stops it');
		release();
		await waitForFrame(app, '✗ killed');
		await press(app, KEYS.escape);
		await press(app, 'l');
		const frame = await waitForFrame(app, 'Command log (1)');
		expect(frame).toMatch(/✗ SIGKILL +ip netns exec ns1 sleep 9 — killed/);
	});

	it('g goes to the first command, G back to the newest, ↓ after g moves at once', async () => {
		const {app, system} = await start({columns: 80, rows: 24});
		system.stream = async (argv) => ({argv, exitCode: 0, stdout: '', stderr: ''});
		for (let i = 1; i <= 24; i++) {
			await press(app, 'x');
			await waitForFrame(app, 'Run one command in ns1');
			await press(app, `echo n${i}`);
			await press(app, KEYS.enter);
			await waitForFrame(app, '✓ exit status 0');
			await press(app, KEYS.escape);
			await waitForFrame(app, 'Interfaces in ns1');
		}
		await press(app, 'l');
		let frame = await waitForFrame(app, 'Command log (24)');
		expect(frame).toContain('echo n24');
		expect(frame).not.toMatch(/echo n1\s/);
		await press(app, 'g');
		frame = await waitForFrame(app, /echo n1\s/);
		expect(frame).not.toContain('echo n24');
		await press(app, KEYS.down);
		frame = await waitForFrame(app, /echo n2\s/);
		expect(frame).not.toMatch(/echo n1\s/);
		await press(app, 'G');
		frame = await waitForFrame(app, 'echo n24');
		expect(frame).not.toMatch(/echo n2\s/);
	}, 30_000);
});

describe.each(SIZES)('w in the log at $columns x $rows', (size) => {
	it('asks where, with a default; refuses a missing directory and an existing file unless told; writes and says the full path', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'nsdeck-w-'));
		try {
			const {app, system} = await start(size);
			system.stream = async (argv) => ({argv, exitCode: 0, stdout: '', stderr: ''});
			await press(app, 'x');
			await waitForFrame(app, 'Run one command in ns1');
			await press(app, 'ip -br link');
			await press(app, KEYS.enter);
			await waitForFrame(app, '✓ exit status 0');
			await press(app, KEYS.escape);
			await press(app, 'l');
			await waitForFrame(app, 'Command log (1)');
			await press(app, 'w');
			let frame = await waitForFrame(app, 'Write the command log (1 command) as a script');
			expect(frame).toMatch(/File\s+\.\/nsdeck-\d{8}-\d{6}\.sh/);
			await press(app, '\u0015'); // Ctrl+U clears the default
			await press(app, join(dir, 'missing', 'a.sh'));
			await press(app, KEYS.enter);
			frame = await waitForFrame(app, '✗ no such directory');
			const taken = join(dir, 'taken.sh');
			writeFileSync(taken, 'keep me\n');
			await press(app, '\u0015');
			await press(app, taken);
			await press(app, KEYS.enter);
			await waitForFrame(app, '✗ file exists: set Replace');
			expect(readFileSync(taken, 'utf8')).toBe('keep me\n');
			const fresh = join(dir, 'lab.sh');
			await press(app, '\u0015');
			await press(app, fresh);
			await press(app, KEYS.enter);
			frame = await waitForFrame(app, `wrote ${fresh} (1 command)`);
			expect(frame).toContain('Command log (1)');
			expect(readFileSync(fresh, 'utf8')).toContain('ip netns exec ns1 ip -br link');
			expect(statSync(fresh).mode & 0o111).not.toBe(0);
			// Replacing is said, then done.
			await press(app, 'w');
			await waitForFrame(app, 'Write the command log');
			await press(app, '\u0015');
			await press(app, taken);
			await press(app, KEYS.tab);
			await press(app, KEYS.space);
			await press(app, KEYS.enter);
			await waitForFrame(app, `replaced ${taken} (1 command)`);
			expect(readFileSync(taken, 'utf8')).toContain('#!/bin/sh');
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});
});

