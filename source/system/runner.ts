// The one place nsdeck starts processes: argv arrays (never a shell string), a timeout on every call,
// stderr kept for messages.
import {execa, execaSync} from 'execa';
import {decodeRawName} from '../model/raw-names.js';

export interface CommandResult {
	readonly argv: readonly string[];
	readonly exitCode: number;
	readonly stdout: string;
	readonly stderr: string;
	/** Set when the process could not start, timed out or was killed. */
	readonly failure?: string;
	/** The signal that ended the process, if one did (SIGINT, SIGTERM, SIGKILL). */
	readonly signal?: string;
}

export interface RunOptions {
	readonly input?: string;
	readonly timeoutMs?: number;
	readonly signal?: AbortSignal;
}

export type Runner = (argv: readonly string[], options?: RunOptions) => Promise<CommandResult>;

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * A long-lived child (ip monitor, ping, a command from x) must end with nsdeck, even when nsdeck is
 * killed with SIGKILL and cannot clean up: util-linux's setpriv asks the kernel to send it SIGKILL when
 * its parent dies (PR_SET_PDEATHSIG), then runs it.
 */
export const diesWithUs = (argv: readonly string[]): string[] => ['setpriv', '--pdeathsig', 'KILL', '--', ...argv];

/**
 * Start a process that runs as long as nsdeck does (a lab namespace's holder), not waited for, its output
 * ignored, and killed when nsdeck dies (a parent-death signal). Returns its PID.
 */
export function startLongLived(argv: readonly string[]): number {
	const [file, ...args] = diesWithUs(argv);
	const child = execa(file, args, {stdin: 'ignore', stdout: 'ignore', stderr: 'ignore', reject: false});
	child.catch(() => undefined);
	if (child.pid === undefined) throw new Error(`cannot start ${argv.join(' ')}`);
	return child.pid;
}

/**
 * PIDs of the processes nsdeck is running now (reads, plans, ping, x): they enter namespaces to look,
 * and must not count as living there (discover.ts). Long-lived ones (a lab's holders) are not in it.
 */
export const runningChildren = new Set<number>();

/** Note `pid` among runningChildren until `finished` settles. */
function noteChild<T>(pid: number | undefined, finished: Promise<T>): Promise<T> {
	if (pid === undefined) return finished;
	runningChildren.add(pid);
	return finished.finally(() => runningChildren.delete(pid));
}

export const runCommand: Runner = async (argv, options = {}) => {
	const [file, ...args] = argv;
	if (!file) throw new Error('runCommand needs a program name');
	const started = execa(file, args, {
		input: options.input,
		stdin: options.input === undefined ? 'ignore' : undefined,
		timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		cancelSignal: options.signal,
		reject: false,
		stripFinalNewline: false,
		// Bytes, decoded so that a name that is no UTF-8 stays apart from its U+FFFD look-alike (raw-names.ts).
		encoding: 'buffer',
		env: {LC_ALL: 'C'},
	});
	const result = await noteChild(started.pid, started);
	let failure: string | undefined;
	if (result.timedOut) failure = `timed out after ${options.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`;
	else if (result.isCanceled) failure = 'cancelled';
	else if (result.failed && result.exitCode === undefined) failure = result.shortMessage;
	return {
		argv,
		exitCode: result.exitCode ?? -1,
		stdout: result.stdout instanceof Uint8Array ? decodeRawName(result.stdout) : '',
		stderr: result.stderr instanceof Uint8Array ? decodeRawName(result.stderr) : '',
		failure,
		...(result.signal ? {signal: result.signal} : {}),
	};
};

/** The first line of stderr, or the failure reason: what a user reads in a status line. */
export function errorText(result: CommandResult): string {
	const stderr = result.stderr.trim();
	if (stderr) return stderr;
	return result.failure ?? `exit status ${result.exitCode}`;
}

/**
 * Runs a program attached to our terminal (a shell, the sandboxed app) and resolves with its exit code.
 * We ignore SIGINT meanwhile: the terminal sends it to the child too, and the child decides.
 */
export async function runAttached(argv: readonly string[], env: Readonly<Record<string, string>> = {}, {passOn}: AttachedOptions = {}): Promise<number> {
	const [file, ...args] = argv;
	if (!file) throw new Error('runAttached needs a program name');
	const ignore = (): void => {};
	// Passed on when there is someone to pass it to (a `kill -INT`: the terminal's own goes to the program).
	if (!passOn) process.on('SIGINT', ignore);
	const subprocess = execa(file, args, {stdio: 'inherit', reject: false, env});
	const passing = (passOn ? PASSED_ON : []).map((signal) => {
		const handler = (): void => {
			if (subprocess.pid !== undefined && passOn?.(subprocess.pid, signal)) return;
			// Nobody to pass it to: end as the signal would have ended us.
			for (const [s, h] of passing) process.off(s, h);
			process.kill(process.pid, signal);
		};
		process.on(signal, handler);
		return [signal, handler] as const;
	});
	try {
		const result = await subprocess;
		if (result.failed && result.exitCode === undefined && !result.signal) throw new Error(result.shortMessage);
		return result.exitCode ?? 1;
	} finally {
		process.off('SIGINT', ignore);
		for (const [signal, handler] of passing) process.off(signal, handler);
	}
}

/** The signals that end a program politely: `kill`, `timeout`, a closed terminal or SSH session, `kill -INT`. */
const PASSED_ON = ['SIGTERM', 'SIGHUP', 'SIGINT'] as const;

export interface AttachedOptions {
	/**
	 * While the program runs, SIGTERM, SIGHUP and SIGINT to us go here instead of ending us at once: it passes them
	 * on (to the program, or a process it started) and says whether it could; we then wait for the program.
	 */
	readonly passOn?: (pid: number, signal: NodeJS.Signals) => boolean;
}

export type StreamName = 'stdout' | 'stderr';

export interface StreamOptions {
	/** Each complete line as it arrives (the last one also without a newline). */
	readonly onLine: (line: string, from: StreamName) => void;
	/** The child's PID, once it started: tests use it to check the process is gone afterwards. */
	readonly onStart?: (pid: number) => void;
	readonly signal?: AbortSignal;
	readonly timeoutMs?: number;
	/**
	 * At most this many lines of each chunk go to onLine, the newest; the others are counted with
	 * onDropped. A flood (`yes`: ~32,000 lines in every 64 KB chunk) then costs no memory per line.
	 */
	readonly linesPerChunk?: number;
	readonly onDropped?: (count: number, from: StreamName) => void;
	/** What a cancel sends first; SIGKILL follows if the process is still there a moment later. */
	readonly killSignal?: 'SIGINT' | 'SIGTERM';
}

/** The rest after each chunk of streamed output: at most ~50 chunks (of up to 64 KB) a second. */
const CHUNK_REST_MS = 20;

/** How many of a stream's last lines its result keeps. */
const KEPT_LINES = 200;

/** Longer lines are handed over in pieces of this many characters. */
const LONGEST_LINE = 64 * 1024;

/** The grace between the polite signal and SIGKILL when a stream is cancelled or times out. */
const FORCE_KILL_AFTER_MS = 1_000;

/** Like runCommand, but hands over each output line as it arrives (ping's replies, a command's output). */
export async function streamCommand(argv: readonly string[], options: StreamOptions): Promise<CommandResult> {
	const [file, ...args] = diesWithUs(argv);
	if (argv.length === 0) throw new Error('streamCommand needs a program name');
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const subprocess = execa(file, args, {
		stdin: 'ignore',
		timeout: timeoutMs,
		cancelSignal: options.signal,
		killSignal: options.killSignal ?? 'SIGTERM',
		forceKillAfterDelay: FORCE_KILL_AFTER_MS,
		reject: false,
		stripFinalNewline: false,
		encoding: 'utf8',
		// Lines go to onLine as they come; execa keeping all of them too grew without end (`yes`: 400 MB).
		buffer: false,
		env: {LC_ALL: 'C'},
		// A process group (and session) of its own: see below.
		detached: true,
	});
	const pid = subprocess.pid;
	if (pid !== undefined) {
		runningChildren.add(pid);
		options.onStart?.(pid);
		// When the command ends, or is stopped, what it left in its group goes too: a shell's background job
		// (`sh -c "sleep 300 &"`, `unshare --fork`) would hold the output open, so that the command never
		// seemed to end and Esc could not stop it, and it would outlive nsdeck.
		subprocess.nodeChildProcess.once('exit', () => {
			runningChildren.delete(pid);
			try {
				process.kill(-pid, 'SIGKILL');
			} catch {
				// Nothing left in the group.
			}
		});
	}
	const partial: Record<StreamName, string> = {stdout: '', stderr: ''};
	// The result's stdout and stderr: their last lines only (ping's summary, a command's error).
	const kept: Record<StreamName, string[]> = {stdout: [], stderr: []};
	const follow = (from: StreamName) => (chunk: Buffer | string) => {
		const lines = (partial[from] + String(chunk)).split('\n');
		partial[from] = lines.pop() ?? '';
		// Output with no newline at all must not grow one string for ever: cut it into lines.
		while (partial[from].length > LONGEST_LINE) {
			lines.push(partial[from].slice(0, LONGEST_LINE));
			partial[from] = partial[from].slice(LONGEST_LINE);
		}
		const limit = options.linesPerChunk;
		const shown = limit !== undefined && lines.length > limit ? lines.slice(-limit) : lines;
		if (shown.length < lines.length) options.onDropped?.(lines.length - shown.length, from);
		for (const line of shown) {
			options.onLine(line, from);
			kept[from].push(line);
		}
		if (kept[from].length > 2 * KEPT_LINES) kept[from] = kept[from].slice(-KEPT_LINES);
	};
	// Read at a bounded rate: after each chunk the pipe rests a moment, so a flood (`yes`) waits in the
	// kernel's pipe instead of in our memory, and keys get their turn between chunks.
	for (const from of ['stdout', 'stderr'] as const) {
		const stream = subprocess[from];
		const take = follow(from);
		stream?.on('data', (chunk: Buffer | string) => {
			take(chunk);
			stream.pause();
			setTimeout(() => stream.resume(), CHUNK_REST_MS);
		});
	}
	const result = await subprocess;
	for (const from of ['stdout', 'stderr'] as const) {
		if (!partial[from]) continue;
		options.onLine(partial[from], from);
		kept[from].push(partial[from]);
	}
	let failure: string | undefined;
	if (result.timedOut) failure = `timed out after ${timeoutMs / 1000} s`;
	else if (result.isCanceled) failure = 'stopped';
	else if (result.failed && result.exitCode === undefined) failure = result.shortMessage;
	const text = (from: StreamName): string => kept[from].slice(-KEPT_LINES).join('\n');
	return {argv, exitCode: result.exitCode ?? -1, stdout: text('stdout'), stderr: text('stderr'), failure, ...(result.signal ? {signal: result.signal} : {})};
}

export interface ByteStreamOptions {
	/** Written to stdin, if given: bytes too (paths whose names are no UTF-8; a helper sent to a server). */
	readonly input?: string | Uint8Array;
	/** Each chunk of stdout as it arrives; stdout is not kept. */
	readonly onData: (chunk: Uint8Array) => void;
	readonly timeoutMs?: number;
}

/** Like runCommand for a program that writes binary output (nsdeck-netdump): stdout goes to `onData`. */
export async function streamBytes(argv: readonly string[], options: ByteStreamOptions): Promise<CommandResult> {
	const [file, ...args] = argv;
	if (!file) throw new Error('streamBytes needs a program name');
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const subprocess = execa(file, args, {input: options.input, timeout: timeoutMs, reject: false, buffer: {stdout: false}, encoding: 'buffer', env: {LC_ALL: 'C'}});
	subprocess.stdout?.on('data', options.onData);
	const result = await noteChild(subprocess.pid, subprocess);
	let failure: string | undefined;
	if (result.timedOut) failure = `timed out after ${timeoutMs} ms`;
	else if (result.failed && result.exitCode === undefined) failure = result.shortMessage;
	return {argv, exitCode: result.exitCode ?? -1, stdout: '', stderr: Buffer.from(result.stderr ?? '').toString('utf8'), failure};
}

/**
 * The program's stderr: ours when it is the terminal, else our stdout's (the terminal the app draws on).
 * A shell is interactive only when its stdin and stderr are terminals: `nsdeck 2>file` gave one with no
 * prompt, and its errors went to the file.
 */
const terminalStderr = (): 1 | 'inherit' => (!process.stderr.isTTY && process.stdout.isTTY ? 1 : 'inherit');

/**
 * Runs a program that takes over our terminal (the shell, s) and returns its exit status. Synchronous on
 * purpose: while it runs, Node's event loop must not read the terminal (an async read races the shell
 * for keys, and once the shell's job control moves the terminal to its own process group, the read fails
 * with EIO) nor draw on it. Blocking the loop guarantees both; the app reads the world again afterwards.
 */
export function runInTerminal(argv: readonly string[], env: Readonly<Record<string, string>> = {}): number {
	const [file, ...args] = argv;
	if (!file) throw new Error('runInTerminal needs a program name');
	// A shell without job control shares our process group: Ctrl+C there must not end nsdeck.
	const ignore = (): void => {};
	process.on('SIGINT', ignore);
	try {
		const result = execaSync(file, args, {stdin: 'inherit', stdout: 'inherit', stderr: terminalStderr(), reject: false, env});
		if (result.failed && result.exitCode === undefined && !result.signal) throw new Error(result.shortMessage);
		return result.exitCode ?? 1;
	} finally {
		process.off('SIGINT', ignore);
	}
}
