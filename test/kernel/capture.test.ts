// C against the kernel: the app in a real pty captures on client's end of the lab's pair while a ping
// runs from client to server; the decoded echo requests stream into the panel, s keeps the pcap and
// `tcpdump -r` reads it; tcpdump refuses a bad filter in the form before anything is captured; and no
// tcpdump is left after Esc, q, SIGTERM or SIGKILL of nsdeck, nor an unkept pcap but after SIGKILL.
import {mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeAll, beforeEach, describe, expect, it, vi} from 'vitest';
import {alive, descendants} from '../../bench/processes.mjs';
import {PtyApp} from '../../bench/pty.mjs';
import {streamCommand} from '../../source/system/runner.js';
import {BUNDLE} from '../support/tmux.js';
import {buildLabScenario, requireSandbox, sh} from '../support/sandbox.js';

let app: PtyApp | undefined;
let data = '';
beforeAll(requireSandbox);
beforeEach(async () => {
	await buildLabScenario('pair');
	data = mkdtempSync(join(tmpdir(), 'capture-test-'));
});
afterEach(async () => {
	await app?.stop();
	app = undefined;
	rmSync(data, {recursive: true, force: true});
});

const captures = (): string => join(data, 'nsdeck', 'captures');
const pcaps = (): string[] => {
	try {
		return readdirSync(captures());
	} catch {
		return [];
	}
};
/**
 * The live tcpdumps in the sandbox (its own PID namespace: only ours). Not pgrep: a tcpdump that died with
 * nsdeck is a zombie of the sandbox's first process, which does not reap what it did not start.
 */
const tcpdumps = async (): Promise<number[]> => descendants(1).filter((p) => p.comm === 'tcpdump').map((p) => p.pid);

const keys = async (...sequence: string[]): Promise<void> => {
	for (const key of sequence) {
		app?.write(key);
		await new Promise((resolve) => setTimeout(resolve, 80));
	}
};

/**
 * The app with its data directory in the test's own, under a shell that outlives it (as at an SSH prompt:
 * were nsdeck the terminal's session leader, the kernel would hang up its children when it died).
 */
async function startApp(): Promise<PtyApp> {
	const started = new PtyApp(['sh', '-c', 'XDG_DATA_HOME="$0" "$1" "$2"; sleep 5', data, process.execPath, BUNDLE], {columns: 100, rows: 30});
	await started.waitFor(/Interfaces in host \([1-9]/, 0, 10_000);
	await started.quiet(300);
	return started;
}

/** C on client's pair-client, the filter typed, Enter. */
async function capture(filter: string): Promise<void> {
	await keys('j');
	await app?.waitFor('›client', 0, 5000);
	await keys('2', 'G');
	// The selected row's marker, then its name (bold between them).
	await app?.waitFor(/›(\u001B\[[\d;]*m)*pair-client/, 0, 5000);
	const from = app?.output.length ?? 0;
	await keys('C');
	await app?.waitFor('Capture on pair-client in client', from, 5000);
	await keys(filter, '\r');
}

/** A capture of icmp running: tcpdump said it listens. */
async function capturing(): Promise<void> {
	const from = app?.output.length ?? 0;
	await capture('icmp');
	await app?.waitFor('listening on pair-client', from, 10_000);
	expect(await tcpdumps()).toHaveLength(1);
}

describe('capture', () => {
	it('shows the echo requests of a ping as they cross, keeps a pcap tcpdump -r reads, and Esc stops tcpdump', {timeout: 60_000}, async () => {
		app = await startApp();
		await capturing();
		const ping = new AbortController();
		const pinging = streamCommand(['ip', 'netns', 'exec', 'client', 'ping', '-n', '-i', '0.2', '-w', '30', '10.0.0.2'], {onLine: () => undefined, signal: ping.signal, timeoutMs: 40_000});
		try {
			await app.waitFor(/IP 10\.0\.0\.1 > 10\.0\.0\.2: ICMP echo request/, 0, 10_000);
		} finally {
			ping.abort();
			await pinging;
		}
		let from = app.output.length;
		await keys('s');
		await app.waitFor('kept for Wireshark:', from, 5000);
		from = app.output.length;
		await keys('\u001B');
		await app.waitFor('packets captured', from, 5000);
		expect(await tcpdumps()).toEqual([]);
		await keys('\u001B');
		const [file] = pcaps();
		expect(file).toMatch(/^client-pair-client-\d{8}-\d{6}\.pcap$/);
		const read = await sh('tcpdump', '-Z', 'root', '-n', '-r', join(captures(), file));
		expect(read).toMatch(/IP 10\.0\.0\.1 > 10\.0\.0\.2: ICMP echo request/);
		expect(read).toMatch(/IP 10\.0\.0\.2 > 10\.0\.0\.1: ICMP echo reply/);
	});

	it("refuses a bad filter in the form with tcpdump's message, and captures nothing", async () => {
		app = await startApp();
		const from = app.output.length;
		await capture('icmp and');
		await app.waitFor("can't parse filter expression", from, 10_000);
		expect(await tcpdumps()).toEqual([]);
		expect(pcaps()).toEqual([]);
	});

	it('leaves no tcpdump and no pcap nobody kept after q', async () => {
		app = await startApp();
		await capturing();
		expect(pcaps()).toHaveLength(1);
		await keys('q');
		await vi.waitFor(async () => expect(await tcpdumps()).toEqual([]), {timeout: 5000, interval: 100});
		expect(pcaps()).toEqual([]);
	});

	// A caught signal exits through ink's unmount, so the panel's cleanup removes the unkept pcap; a SIGKILL
	// runs nothing of nsdeck's: the pcap stays (the docs say so).
	it.each([
		['SIGTERM', 0],
		['SIGKILL', 1],
	] as const)('leaves no tcpdump after %s of nsdeck, and %i unkept pcap', async (signal, left) => {
		app = await startApp();
		await capturing();
		expect(pcaps()).toHaveLength(1);
		// Node names its main thread node-MainThread.
		const pid = descendants(app.appPid()).find((c) => c.comm.startsWith('node'))?.pid ?? -1;
		expect(pid).toBeGreaterThan(0);
		const children = descendants(pid);
		expect(children.map((c) => c.comm)).toContain('tcpdump');
		process.kill(pid, signal);
		// Dying takes a moment: a tcpdump on its way out may already be missing from the sandbox's tree
		// while its PID still reads as alive.
		await vi.waitFor(
			async () => {
				expect(await tcpdumps()).toEqual([]);
				expect(alive([pid, ...children.map((c) => c.pid)])).toEqual([]);
			},
			{timeout: 5000, interval: 100},
		);
		expect(pcaps()).toHaveLength(left);
	});
});
