// The SSH guard's revert job, seen from nsdeck: the helper's `--revert-after SECONDS FILE`
// (native/revert-job.c) is started before a guarded change runs and reverts it, detached, unless nsdeck
// takes FILE back (k). Its files live in nsdeck's private state directory, `$XDG_STATE_HOME/nsdeck/guard`
// (else `~/.local/state/nsdeck/guard`), mode 0700, refused when another user could change it:
//   ID.revert          the commands, NUL-separated (the job's FILE); gone once kept or taken by the job
//   ID.revert.result   what the job ran and each exit status (JSON), written by the job
//   ID.json            what nsdeck knows of it: the change's title, when it started, the deadline
// At its next start nsdeck reports, and then removes, every job that ran or never did.
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {onlyOursToChange} from './cache-dir.js';
import {errorText, type Runner} from './runner.js';

export interface RevertJob {
	readonly file: string;
	readonly pid: number;
}

export interface RevertResult {
	/** When it ran, in ms since the epoch. */
	readonly at: number;
	readonly commands: ReadonlyArray<{readonly argv: readonly string[]; readonly status: number}>;
}

/** A job of an nsdeck that is gone: it ran (result) or never did (the machine restarted, it was killed). */
export interface RevertReport {
	readonly title: string;
	readonly startedAt: number;
	readonly result?: RevertResult;
}

export interface GuardJobs {
	/** Starts the job; throws with the reason when it cannot. */
	start(title: string, commands: ReadonlyArray<readonly string[]>, seconds: number): Promise<RevertJob>;
	/** Takes the commands back before the job runs them: true when nsdeck got there first. */
	claim(job: RevertJob): Promise<boolean>;
	/** Asks the job to revert now instead of at its deadline. */
	nudge(job: RevertJob): void;
	/** The job's result, waiting up to `timeoutMs` for it (undefined: none came). */
	result(job: RevertJob, timeoutMs: number): Promise<RevertResult | undefined>;
	/** Forgets a job this nsdeck has seen to its end. */
	forget(job: RevertJob): void;
	/** Jobs of earlier runs that have ended, removed as they are read. */
	reports(): Promise<RevertReport[]>;
}

/** `$XDG_STATE_HOME/nsdeck/guard`, else `~/.local/state/nsdeck/guard`. */
export function guardStatePath(env: NodeJS.ProcessEnv = process.env): string {
	const base = env.XDG_STATE_HOME?.startsWith('/') ? env.XDG_STATE_HOME : join(homedir(), '.local', 'state');
	return join(base, 'nsdeck', 'guard');
}

/** The commands as the job reads them: each argument NUL-ended, each command ended by one more NUL. */
export function encodeCommands(commands: ReadonlyArray<readonly string[]>): Buffer {
	for (const argv of commands) {
		if (argv.length === 0 || argv.some((a) => a === '' || a.includes('\0'))) throw new Error(`cannot hand the revert job ${JSON.stringify(argv)}`);
	}
	return Buffer.from(commands.map((argv) => argv.map((a) => `${a}\0`).join('') + '\0').join(''), 'utf8');
}

/** A job's result file, or undefined when it is not (yet) there or not what the job writes. */
function readResult(path: string): RevertResult | undefined {
	try {
		return parseRevertResult(readFileSync(path, 'utf8'));
	} catch {
		return undefined;
	}
}

/** The text of a result file (written by the job, here or on a server), or undefined when it is not one. */
export function parseRevertResult(text: string): RevertResult | undefined {
	try {
		const raw = JSON.parse(text) as {at?: unknown; commands?: unknown};
		if (typeof raw.at !== 'number' || !Array.isArray(raw.commands)) return undefined;
		const commands = raw.commands.flatMap((c: {argv?: unknown; status?: unknown}) =>
			Array.isArray(c.argv) && typeof c.status === 'number' ? [{argv: c.argv.map(String), status: c.status}] : [],
		);
		return {at: raw.at * 1000, commands};
	} catch {
		return undefined;
	}
}

const remove = (...paths: string[]): void => {
	for (const path of paths) rmSync(path, {force: true});
};

/** How long after its deadline a job that left no result counts as one that never ran. */
const GRACE_MS = 60_000;

/**
 * What a job of an earlier nsdeck comes to, from its three files: a report, or undefined — skip it, still
 * counting down (another nsdeck's) — or 'drop' (kept by k: nothing to say). Here and on a server alike.
 */
export function judgeJob(aboutText: string, result: RevertResult | undefined, pending: boolean, now = Date.now()): RevertReport | 'drop' | 'skip' {
	let about: {title?: unknown; startedAt?: unknown; deadline?: unknown};
	try {
		about = JSON.parse(aboutText) as typeof about;
	} catch {
		return 'skip';
	}
	if (!result && pending && now < Number(about.deadline) + GRACE_MS) return 'skip';
	return result || pending ? {title: String(about.title), startedAt: Number(about.startedAt), result} : 'drop';
}

/** The guard's jobs through `netdump`; undefined without the helper or a private state directory. */
export function guardJobs(netdump: string | undefined, run: Runner, env: NodeJS.ProcessEnv = process.env): GuardJobs | undefined {
	if (!netdump) return undefined;
	const dir = guardStatePath(env);
	const ready = (): boolean => {
		try {
			mkdirSync(dir, {recursive: true, mode: 0o700});
			return onlyOursToChange(dir);
		} catch {
			return false;
		}
	};
	const idOf = (job: RevertJob): string => job.file.slice(0, -'.revert'.length);
	return {
		async start(title, commands, seconds) {
			if (!ready()) throw new Error(`${dir} is not private to this user`);
			const id = join(dir, `${Date.now()}-${process.pid}`);
			const file = `${id}.revert`;
			writeFileSync(file, encodeCommands(commands), {mode: 0o600, flag: 'wx'});
			const started = await run([netdump, '--revert-after', String(seconds), file]);
			const pid = Number(started.stdout.trim());
			if (started.exitCode !== 0 || !Number.isInteger(pid) || pid <= 0) {
				remove(file);
				throw new Error(`the revert job did not start: ${errorText(started)}`);
			}
			writeFileSync(`${id}.json`, JSON.stringify({title, startedAt: Date.now(), deadline: Date.now() + seconds * 1000}), {mode: 0o600});
			return {file, pid};
		},
		async claim(job) {
			try {
				unlinkSync(job.file);
				return true;
			} catch {
				return false;
			}
		},
		nudge(job) {
			try {
				// Only our job: a PID can be reused, a PID whose command line names our file cannot be another's.
				if (readFileSync(`/proc/${job.pid}/cmdline`, 'utf8').split('\0').includes(job.file)) process.kill(job.pid, 'SIGUSR1');
			} catch {
				// Gone: it has run, or was killed; result() tells which.
			}
		},
		async result(job, timeoutMs) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const found = readResult(`${job.file}.result`);
				if (found || Date.now() > deadline) return found;
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
		},
		forget(job) {
			remove(`${idOf(job)}.json`, `${job.file}.result`, job.file);
		},
		async reports() {
			if (!existsSync(dir) || !onlyOursToChange(dir)) return [];
			const found: RevertReport[] = [];
			for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
				const id = join(dir, name.slice(0, -'.json'.length));
				let about: string;
				try {
					about = readFileSync(`${id}.json`, 'utf8');
				} catch {
					continue;
				}
				// Still counting down (another nsdeck's, or this one's while the job finishes): not ours to judge.
				const judged = judgeJob(about, readResult(`${id}.revert.result`), existsSync(`${id}.revert`));
				if (judged === 'skip') continue;
				if (judged !== 'drop') found.push(judged);
				remove(`${id}.json`, `${id}.revert.result`, `${id}.revert`);
			}
			return found;
		},
	};
}
