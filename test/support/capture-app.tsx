// C over the fake system: a CaptureFiles that records what it was asked, streams that behave as tcpdump
// does (runs until stopped), and the app opened on ns1's veth_ns1. For the capture's UI tests.
import {render} from 'ink-testing-library';
import {App} from '../../source/app.js';
import type {CaptureFiles} from '../../source/system/capture-files.js';
import type {CommandResult, StreamOptions} from '../../source/system/runner.js';
import {createFakeSystem, type ExpectedCall, type FakeSystem} from './fake-system.js';
import {fixtureWorld} from './fixtures.js';
import {press, settle, waitForFrame, type Rendered} from './ink.js';

let unmount: (() => void) | undefined;

/** Unmounts the app `start` rendered (as quitting does); each test file calls it after each test. */
export function stopApp(): void {
	unmount?.();
	unmount = undefined;
}

export const FILE = '/home/u/.local/share/nsdeck/captures/ns1-veth_ns1-20261207-070000.pcap';
export const CHECK = ['ip', 'netns', 'exec', 'ns1', 'tcpdump', '-i', 'veth_ns1', '-d', '--', 'icmp'];
export const CAPTURE = ['ip', 'netns', 'exec', 'ns1', 'tcpdump', '-i', 'veth_ns1', '-n', '-l', '-U', '--immediate-mode', '-Z', 'root', '-w', FILE, '--print', '--', 'icmp'];
export const REQUEST = '07:00:01.000001 IP 10.1.1.2 > 10.1.1.1: ICMP echo request, id 7, seq 1, length 64';

/** The frame's text without borders and line breaks: what wraps across rows reads as one line. */
export const flat = (frame: string): string => frame.replace(/\u001B\[\d+m/g, '').replace(/[║\s]/g, '');

export interface FakeCaptures extends CaptureFiles {
	readonly discarded: string[];
	made: number;
}

export function fakeCaptures(missing?: string): FakeCaptures {
	const captures: FakeCaptures = {
		discarded: [],
		made: 0,
		missing: () => missing,
		newFile: () => {
			captures.made++;
			return FILE;
		},
		discard: (path) => void captures.discarded.push(path),
	};
	return captures;
}

export interface Started {
	readonly app: Rendered;
	readonly system: FakeSystem;
	readonly captures?: FakeCaptures;
}

/** The app on ns1's veth_ns1, with `captures` (none: as over SSH) and the commands `expected`. */
export async function start(captures: FakeCaptures | undefined, expected: ExpectedCall[] = [], size = {columns: 100, rows: 30}): Promise<Started> {
	const system = createFakeSystem(fixtureWorld('bridge'), expected);
	if (captures) Object.assign(system, {captures});
	const app = render(<App system={system} size={size} />);
	unmount = app.unmount;
	await waitForFrame(app, 'Namespaces (3)');
	await settle();
	await press(app, 'j'); // ns1
	await waitForFrame(app, 'Interfaces in ns1');
	await press(app, '2');
	await press(app, 'G'); // veth_ns1, the last
	await waitForFrame(app, '›veth_ns1');
	return {app, system, captures};
}

/** A stream that hands over `lines`, then runs until it is stopped (as tcpdump does). */
export function untilStopped(lines: ReadonlyArray<readonly [string, 'stdout' | 'stderr']>) {
	const calls: Array<{argv: readonly string[]; options: StreamOptions}> = [];
	const stream = async (argv: readonly string[], options: StreamOptions): Promise<CommandResult> => {
		calls.push({argv, options});
		for (const [line, from] of lines) options.onLine(line, from);
		await new Promise<void>((resolve) => options.signal?.addEventListener('abort', () => resolve()));
		options.onLine('1 packet captured', 'stderr');
		return {argv, exitCode: 0, stdout: '', stderr: '1 packet captured\n', failure: 'stopped'};
	};
	return {stream, calls};
}

/** A stream that runs until stopped, handing over the lines `emit` is given, when it is given them. */
export function live() {
	let onLine: StreamOptions['onLine'] = () => undefined;
	const stream = async (argv: readonly string[], options: StreamOptions): Promise<CommandResult> => {
		onLine = options.onLine;
		await new Promise<void>((resolve) => options.signal?.addEventListener('abort', () => resolve()));
		return {argv, exitCode: 0, stdout: '', stderr: '', failure: 'stopped'};
	};
	const emit = (from: number, to: number): void => {
		for (let n = from; n <= to; n++) onLine(`07:00:01.${String(n).padStart(6, '0')} IP 10.1.1.2 > 10.1.1.1: ICMP echo request, id 7, seq ${n}, length 64`, 'stdout');
	};
	return {stream, emit};
}

