// One server reached with the system's OpenSSH client: a master connection (ControlMaster) made once,
// whose authentication is ssh's own (agent, keys, or a prompt on the terminal, before the UI starts), and
// every command after it sent through that master in BatchMode, so that nothing can ever prompt while the
// UI draws. Commands are argv: quoted word by word for the server's shell (ssh-quote.ts), wrapped in
// `sudo -n` with --sudo. nsdeck stores no secret: ssh does all of it.
import {existsSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import {setTimeout as delay} from 'node:timers/promises';
import {execa, type ResultPromise} from 'execa';
import {sshProblem} from '../model/ssh-destination.js';
import {SERVE_OPTIONS} from './frame-server.js';
import {closeOnExit, controlDir} from './ssh-control.js';
import {remoteCommandLine} from './ssh-quote.js';
import {diesWithUs, errorText, runCommand, streamBytes, streamCommand, type ByteStreamOptions, type CommandResult, type RunOptions, type StreamOptions} from './runner.js';

export interface SshOptions {
	/** An ssh_config file instead of ~/.ssh/config (`--ssh-config`): the tests' and the fleet lab's. */
	readonly configFile?: string;
	/** Run every remote command through `sudo -n`. */
	readonly sudo?: boolean;
}

export interface SshHost {
	/** What the user gave to --host: how every line about this server starts. */
	readonly dest: string;
	/**
	 * Make the master connection; resolves with a one-line problem, or undefined once it is up. `batch`:
	 * never prompt (a reconnect while the UI draws): a key or agent must do, else it fails with a line.
	 */
	connect(options?: {readonly batch?: boolean}): Promise<string | undefined>;
	/** Whether the master is up. */
	readonly connected: () => boolean;
	/** Whether close() ended it on purpose (quit): then nothing may connect it again. */
	readonly closed: () => boolean;
	/** Resolves when the current master ends (a lost connection, a killed ssh); at once when none is up. */
	readonly ended: () => Promise<void>;
	/** Run argv on the server through the master. */
	run(argv: readonly string[], options?: RunOptions): Promise<CommandResult>;
	/** Run argv as the login user, never through sudo: what the login's environment says (SSH_CONNECTION). */
	runAsLogin(argv: readonly string[]): Promise<CommandResult>;
	/** Run argv on the server, its stdout (binary: the helper's frames) handed to onData. */
	runBytes(argv: readonly string[], options: ByteStreamOptions): Promise<CommandResult>;
	/**
	 * Run argv on the server, each output line handed over as it arrives. `tty`: on a terminal there, so
	 * that the command gets SIGHUP when its connection ends (quit, kill, a lost network): without one, a
	 * remote `ip monitor` would live on until it next wrote. Its lines come without the terminal's \r.
	 */
	stream(argv: readonly string[], options: StreamOptions & {readonly tty?: boolean}): Promise<CommandResult>;
	/**
	 * Start argv on the server with its stdin and stdout piped (a helper's `--serve`): it lives until
	 * killed, its stdin closes, or the connection ends.
	 */
	piped(argv: readonly string[]): ResultPromise;
	/** The argv that runs `argv` on the server, as the log and scripts show it: `ssh DEST -- …`. */
	readonly shown: (argv: readonly string[]) => string[];
	/** End the master (its remote side ends with it). */
	close(): void;
	/** One line for a failed command: what ssh or the server said, in words. */
	problem(result: CommandResult): string;
}

let hostCount = 0;

/**
 * sshd refuses a connection's eleventh session (MaxSessions, 10 by default), and a client through the
 * master cannot fall back to one of its own (ProxyCommand=false below). The long-lived sessions (the
 * monitor, the rates' helper, a ping, a capture) take at most four: short commands wait for one of six.
 */
const SHORT_SESSIONS = 6;

/** Runs at most `most` of the works given at once; the others wait, in turn. */
export function sessionSlots(most: number): <T>(work: () => Promise<T>) => Promise<T> {
	let running = 0;
	const waiting: Array<() => void> = [];
	return async (work) => {
		// A slot freed while some wait is handed to the first of them, never taken by a newcomer.
		if (running < most) running++;
		else await new Promise<void>((resolve) => waiting.push(resolve));
		try {
			return await work();
		} finally {
			const next = waiting.shift();
			if (next) next();
			else running--;
		}
	};
}

/** While the master authenticates, how often to look whether its control socket is there. */
const SOCKET_POLL_MS = 15;

export function sshHost(dest: string, {configFile, sudo = false}: SshOptions = {}): SshHost {
	const config = configFile ? ['-F', configFile] : [];
	// Short names: a socket's path must fit in 108 bytes.
	const socket = join(controlDir(), `m${hostCount++}`);
	let master: ReturnType<typeof execa> | undefined;
	let up = false;
	let forget = (): unknown => undefined;
	let ended = false;
	let masterExit: Promise<unknown> = Promise.resolve();
	const slot = sessionSlots(SHORT_SESSIONS);
	const wrapped = (argv: readonly string[]): string[] => (sudo ? ['sudo', '-n', '--', ...argv] : [...argv]);
	// Through the master only. When its socket is gone (the network went, a quit is under way) ssh would
	// open a connection of its own: a second one per server, outside the reconnect logic, and one that
	// waits on TCP for ever once the server's network is gone. ProxyCommand=false makes that attempt fail
	// at once: a client through the master never uses a proxy, and a value given here comes before the
	// config's own ProxyJump/ProxyCommand, which only the master uses. BatchMode: a command never prompts.
	const client = (argv: readonly string[], tty = false, login = false): string[] => [
		'ssh', ...config, '-S', socket, '-o', 'ControlMaster=no', '-o', 'ProxyCommand=false', '-o', 'BatchMode=yes', tty ? '-tt' : '-T', '--', dest, remoteCommandLine(login ? argv : wrapped(argv)),
	];
	let closedByUs = false;
	const close = (): void => {
		closedByUs = true;
		up = false;
		forget();
		if (master?.pid !== undefined && !ended) {
			try {
				master.kill('SIGTERM');
			} catch {
				// Gone already.
			}
		}
	};
	return {
		dest,
		connected: () => up,
		closed: () => closedByUs,
		ended: () => masterExit.then(() => undefined),
		async connect({batch = false} = {}) {
			// Not in BatchMode: this is where ssh may ask for a passphrase, a password or a new host key, on the
			// terminal. ServerAlive: a dead network is noticed within ~30 s, not at the next TCP timeout.
			// A master killed outright leaves its socket: it must not pass for the new one.
			rmSync(socket, {force: true});
			forget();
			const argv = diesWithUs([
				'ssh', ...config, '-M', '-S', socket, '-N', ...(batch ? ['-o', 'BatchMode=yes'] : []), '-o', 'ControlPersist=no', '-o', 'ServerAliveInterval=10', '-o', 'ServerAliveCountMax=3', '-o', 'ConnectTimeout=15', '--', dest,
			]);
			const [file, ...args] = argv;
			const started = execa(file!, args, {stdin: 'ignore', stdout: 'ignore', stderr: 'pipe', reject: false, encoding: 'utf8', env: {LC_ALL: 'C'}});
			master = started;
			forget = closeOnExit(close);
			ended = false;
			const exit = started.then((result) => {
				ended = true;
				up = false;
				return result;
			});
			masterExit = exit;
			while (!ended) {
				if (existsSync(socket)) {
					up = true;
					return undefined;
				}
				await Promise.race([exit, delay(SOCKET_POLL_MS)]);
			}
			const result = await exit;
			forget();
			const stderr = String(result.stderr ?? '');
			return sshProblem(dest, stderr) ?? `${dest}: ssh failed: ${stderr.trim().split('\n')[0] || `exit status ${result.exitCode}`}`;
		},
		run: (argv, options) => slot(() => runCommand(client(argv), options)),
		runAsLogin: (argv) => slot(() => runCommand(client(argv, false, true))),
		runBytes: (argv, options) => slot(() => streamBytes(client(argv), options)),
		piped(argv) {
			const [file, ...args] = diesWithUs(client(argv));
			return execa(file!, args, {...SERVE_OPTIONS, env: {LC_ALL: 'C'}});
		},
		stream: (argv, {tty, onLine, ...options}) => streamCommand(client(argv, tty), {...options, onLine: tty ? (line, from) => onLine(line.replace(/\r$/, ''), from) : onLine}),
		shown: (argv) => ['ssh', dest, '--', ...wrapped(argv)],
		close,
		// Without its master a command fails before it reaches the server (ProxyCommand=false): say so.
		problem: (result) => (!up && result.exitCode === 255 ? `${dest}: not connected (its connection is gone; nsdeck connects again by itself)` : (sshProblem(dest, result.stderr) ?? `${dest}: ${errorText(result).split('\n')[0]}`)),
	};
}
