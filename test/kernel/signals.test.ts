// Children die with nsdeck, and a signal that can be caught leaves the terminal as it was: the app runs in a
// real pty with a form, a ping or a command from x open (the helper's watch, nsdeck-netdump --watch, beside
// it), then gets SIGINT, SIGTERM, SIGHUP or SIGKILL.
import {afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {alive, descendants} from '../../bench/processes.mjs';
import {PtyApp} from '../../bench/pty.mjs';
import {BUNDLE} from '../support/tmux.js';
import {buildLabScenario, requireSandbox} from '../support/sandbox.js';

const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';
const SHOW_CURSOR = '\u001B[?25h';

let app: PtyApp | undefined;
beforeAll(requireSandbox);
beforeEach(() => buildLabScenario('pair'));
afterEach(async () => {
	await app?.stop();
	app = undefined;
});

describe('signals', () => {
	const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGKILL'] as const;
	const keys = async (...sequence: string[]): Promise<void> => {
		for (const key of sequence) {
			app?.write(key);
			await new Promise((resolve) => setTimeout(resolve, 80));
		}
	};
	/** What is open when the signal comes, and the children it has besides ip monitor. */
	const OPEN: Record<'x' | 'ping' | 'form', {open: () => Promise<void>; children: string[]}> = {
		// A command that writes nothing, so nothing but its parent's death can end it (SIGPIPE would not).
		x: {
			open: async () => {
				await keys('x');
				await app?.waitFor('Run one command in the host', 0, 5000);
				await keys('sleep 1000', '\r');
				await app?.waitFor('sleep 1000', 0, 5000);
			},
			children: ['sleep', 'nsdeck-netdump'],
		},
		ping: {
			open: async () => {
				await keys('j');
				await app?.waitFor('›client', 0, 5000);
				await keys('p');
				await app?.waitFor('Ping from client', 0, 5000);
				await keys('\t', '\t', '\u0015', '1000', '\r');
				await app?.waitFor('icmp_seq=2', 0, 8000);
			},
			children: ['ping', 'nsdeck-netdump'],
		},
		form: {
			open: async () => {
				await keys('n');
				await app?.waitFor('New namespace', 0, 5000);
			},
			children: ['nsdeck-netdump'],
		},
	};
	const CASES = SIGNALS.flatMap((signal) => (['x', 'ping', 'form'] as const).map((what) => ({signal, what})));

	it.each(CASES)('$signal with $what open: no child left after 2 s; the terminal restored where it can be', async ({signal, what}) => {
		// Under a shell that outlives it, as at an SSH prompt: were nsdeck the terminal's session leader, the
		// kernel would hang up its children when it died, and this would test nothing.
		app = new PtyApp(['sh', '-c', `"$0" "$1"; sleep 5`, process.execPath, BUNDLE], {columns: 100, rows: 30});
		await app.waitFor(/Interfaces in host \([1-9]/, 0, 10_000);
		await app.quiet(300);
		await OPEN[what].open();
		await new Promise((resolve) => setTimeout(resolve, 300));
		// Node names its main thread node-MainThread.
		const pid = descendants(app.appPid()).find((c) => c.comm.startsWith('node'))?.pid ?? -1;
		expect(pid).toBeGreaterThan(0);
		const children = descendants(pid);
		expect(children.map((c) => c.comm)).toEqual(expect.arrayContaining(OPEN[what].children));
		const before = app.output.length;
		process.kill(pid, signal);
		await new Promise((resolve) => setTimeout(resolve, 2000));
		expect(alive([pid, ...children.map((c) => c.pid)])).toEqual([]);
		if (signal !== 'SIGKILL') expect(app.output.slice(before)).toContain(LEAVE_ALTERNATE_SCREEN);
	});

	// SIGINT: issue 26 — the outer process ignored it, so `kill -INT` of the lab did nothing.
	it.each(['SIGTERM', 'SIGHUP', 'SIGINT'] as const)("%s to the lab's outer process reaches the app inside, which restores the terminal; nothing is left", async (signal) => {
		// The outer process is the one `kill`, `timeout` or a closing session reaches; the app draws inside.
		app = new PtyApp(['sh', '-c', `unset NSDECK_SANDBOX; "$0" "$1" lab; echo "exit $?"; sleep 5`, process.execPath, BUNDLE], {columns: 100, rows: 30});
		await app.waitFor(' LAB ', 0, 10_000);
		await app.quiet(300);
		const shell = app.appPid();
		const outer = descendants(shell).find((c) => c.ppid === shell && c.comm.startsWith('node'))?.pid ?? -1;
		const inside = descendants(outer);
		const before = app.output.length;
		process.kill(outer, signal);
		await app.waitFor(/exit \d+/, before, 5000);
		expect(app.output.slice(before)).toContain(LEAVE_ALTERNATE_SCREEN);
		expect(alive([outer, ...inside.map((c) => c.pid)])).toEqual([]);
	});

	it('SIGKILL of the app inside the lab: the outer process, still alive, restores the terminal as it was', async () => {
		// Issue 26: the alternate screen stayed on, the cursor hidden and the terminal raw, though the outer
		// process lives on and could put them back.
		app = new PtyApp(['sh', '-c', `unset NSDECK_SANDBOX; echo "before $(stty -g)"; "$0" "$1" lab; echo "exit $?"; echo "after $(stty -g)"; sleep 5`, process.execPath, BUNDLE], {columns: 100, rows: 30});
		await app.waitFor(' LAB ', 0, 10_000);
		await app.quiet(300);
		const shell = app.appPid();
		const outer = descendants(shell).find((c) => c.ppid === shell && c.comm.startsWith('node'))?.pid ?? -1;
		const inside = descendants(outer).find((c) => c.comm.startsWith('node'))?.pid ?? -1;
		expect(inside).toBeGreaterThan(0);
		const before = app.output.length;
		process.kill(inside, 'SIGKILL');
		await app.waitFor(/after \S+/, before, 5000);
		const tail = app.output.slice(before);
		expect(tail).toContain(LEAVE_ALTERNATE_SCREEN);
		expect(tail).toContain(SHOW_CURSOR);
		const settings = (word: string): string | undefined => new RegExp(`${word} (\\S+)`).exec(app?.output ?? '')?.[1];
		expect(settings('after')).toBe(settings('before'));
	});

	it('SIGKILL of the lab\'s outer process ends the sandbox and the app inside it', async () => {
		// NSDECK_SANDBOX unset: these tests run in a sandbox already, and the lab would not make its own.
		app = new PtyApp(['sh', '-c', `unset NSDECK_SANDBOX; "$0" "$1" lab; sleep 5`, process.execPath, BUNDLE], {columns: 100, rows: 30});
		await app.waitFor(' LAB ', 0, 10_000);
		await app.quiet(300);
		const shell = app.appPid();
		const outer = descendants(shell).find((c) => c.ppid === shell && c.comm.startsWith('node'))?.pid ?? -1;
		const inside = descendants(outer);
		expect(inside.map((c) => c.comm)).toEqual(expect.arrayContaining(['unshare']));
		expect(inside.filter((c) => c.comm.startsWith('node'))).toHaveLength(1);
		process.kill(outer, 'SIGKILL');
		await new Promise((resolve) => setTimeout(resolve, 2000));
		expect(alive([outer, ...inside.map((c) => c.pid)])).toEqual([]);
	});
});
