// The one place nsdeck starts processes: argv arrays (never a shell string), a timeout on every call,
// stderr kept for messages.
import {execa} from 'execa';

export interface CommandResult {
	readonly argv: readonly string[];
	readonly exitCode: number;
	readonly stdout: string;
	readonly stderr: string;
	/** Set when the process could not start, timed out or was killed. */
	readonly failure?: string;
}

export interface RunOptions {
	readonly input?: string;
	readonly timeoutMs?: number;
	readonly signal?: AbortSignal;
}

export type Runner = (argv: readonly string[], options?: RunOptions) => Promise<CommandResult>;

const DEFAULT_TIMEOUT_MS = 10_000;

export const runCommand: Runner = async (argv, options = {}) => {
	const [file, ...args] = argv;
	if (!file) throw new Error('runCommand needs a program name');
	const result = await execa(file, args, {
		input: options.input,
		stdin: options.input === undefined ? 'ignore' : undefined,
		timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		cancelSignal: options.signal,
		reject: false,
		stripFinalNewline: false,
		encoding: 'utf8',
		env: {LC_ALL: 'C'},
	});
	let failure: string | undefined;
	if (result.timedOut) failure = `timed out after ${options.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`;
	else if (result.isCanceled) failure = 'cancelled';
	else if (result.failed && result.exitCode === undefined) failure = result.shortMessage;
	return {
		argv,
		exitCode: result.exitCode ?? -1,
		stdout: String(result.stdout ?? ''),
		stderr: String(result.stderr ?? ''),
		failure,
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
export async function runAttached(argv: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<number> {
	const [file, ...args] = argv;
	if (!file) throw new Error('runAttached needs a program name');
	const ignore = (): void => {};
	process.on('SIGINT', ignore);
	try {
		const result = await execa(file, args, {stdio: 'inherit', reject: false, env});
		if (result.failed && result.exitCode === undefined && !result.signal) throw new Error(result.shortMessage);
		return result.exitCode ?? 1;
	} finally {
		process.off('SIGINT', ignore);
	}
}
