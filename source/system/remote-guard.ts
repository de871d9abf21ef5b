// The SSH guard's revert job on a server (`nsdeck --host`): the connection nsdeck uses is the path a
// change may cut, so the job must run where the change does — on the server, from the helper sent there
// (remote-helper.ts: checked by hash before it runs) — and restore the server by itself when nsdeck can
// no longer reach it. Its files are the ones revert-job.ts keeps here, in the server user's
// `$XDG_STATE_HOME/nsdeck/guard` (else ~/.local/state/nsdeck/guard, 0700). Every script is a constant;
// paths and PIDs reach them only as positional arguments.
import {parseSshConnection, type SshSession} from '../model/ssh-session.js';
import {encodeCommands, judgeJob, parseRevertResult, type GuardJobs, type RevertJob, type RevertReport} from './revert-job.js';
import {remoteArch, remoteHelperRun, type SendableHelper} from './remote-helper.js';
import type {SshHost} from './ssh-transport.js';

const STATE = 'case ${XDG_STATE_HOME-} in /*) s=$XDG_STATE_HOME ;; *) s=$HOME/.local/state ;; esac; d=$s/nsdeck/guard';

/** Makes the directory, writes stdin as $1.revert (new, 0600), prints its path. */
const WRITE = `${STATE}; umask 077
mkdir -p "$d" && chmod 700 "$s/nsdeck" "$d" && [ -O "$d" ] && f=$d/$1.revert && (set -C; cat > "$f") && printf '%s' "$f"`;

/** Writes stdin as the job's description next to its file. */
const ABOUT = `umask 077; f=$1; cat > "\${f%.revert}.json"`;

/** Signals the job only if PID $1 is still the job of FILE $2 (a PID can be reused, a command line naming our file cannot). */
const NUDGE = `tr '\\0' '\\n' < "/proc/$1/cmdline" | grep -qxF -- "$2" && kill -USR1 "$1"`;

/** Each earlier job as four NUL-ended fields: its id, its description, its result, whether its file is left. */
const LIST = `${STATE}; [ -d "$d" ] && [ -O "$d" ] || exit 0
for a in "$d"/*.json; do [ -f "$a" ] || continue; i=\${a%.json}; printf '%s\\0' "$i"; cat "$a"; printf '\\0'
cat "$i.revert.result" 2>/dev/null; printf '\\0'; [ -e "$i.revert" ] && printf 1; printf '\\0'; done`;

const sh = (script: string, ...args: string[]): string[] => ['sh', '-c', script, 'sh', ...args];

/** How often to look for the job's result while waiting for it. */
const POLL_MS = 300;

/** The guard's jobs on `host`, run from the helper sent there; undefined without a helper for its CPU. */
export function remoteGuardJobs(host: SshHost, helper: SendableHelper | undefined, upload: boolean): GuardJobs | undefined {
	if (!helper) return undefined;
	const helperRun = remoteHelperRun(host, helper, upload);
	const forget = (job: RevertJob): void => {
		void host.run(['rm', '-f', '--', `${job.file.slice(0, -'.revert'.length)}.json`, `${job.file}.result`, job.file]).catch(() => undefined);
	};
	return {
		async start(title, commands, seconds) {
			const id = `${Date.now()}-${process.pid}`;
			// The commands are bytes (NUL-separated words, not UTF-8 text necessarily): sent as bytes.
			let file = '';
			const written = await host.runBytes(sh(WRITE, id), {input: new Uint8Array(encodeCommands(commands)), onData: (chunk) => (file += Buffer.from(chunk).toString('utf8')), timeoutMs: 15_000});
			if (written.exitCode !== 0 || !file.endsWith(`/${id}.revert`)) throw new Error(`cannot write the revert job on ${host.dest}: ${host.problem(written)}`);
			let out = '';
			const started = await helperRun.run(['', '--revert-after', String(seconds), file], {onData: (chunk) => (out += Buffer.from(chunk).toString('utf8')), timeoutMs: 60_000});
			const pid = Number(out.trim());
			if (started.exitCode !== 0 || !Number.isInteger(pid) || pid <= 0) {
				await host.run(['rm', '-f', '--', file]);
				throw new Error(`the revert job did not start on ${host.dest}: ${host.problem(started)}`);
			}
			const about = JSON.stringify({title, startedAt: Date.now(), deadline: Date.now() + seconds * 1000});
			await host.run(sh(ABOUT, file), {input: about});
			return {file, pid};
		},
		// rm either takes the file (ours: the job will run nothing) or finds it gone (the job took it).
		claim: async (job) => (await host.run(['rm', '--', job.file], {timeoutMs: 10_000})).exitCode === 0,
		nudge(job) {
			void host.run(sh(NUDGE, String(job.pid), job.file), {timeoutMs: 10_000}).catch(() => undefined);
		},
		async result(job, timeoutMs) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const read = await host.run(['cat', '--', `${job.file}.result`], {timeoutMs: Math.max(1000, deadline - Date.now())}).catch(() => undefined);
				const found = read?.exitCode === 0 ? parseRevertResult(read.stdout) : undefined;
				if (found || Date.now() > deadline) return found;
				await new Promise((resolve) => setTimeout(resolve, POLL_MS));
			}
		},
		forget,
		async reports() {
			const listed = await host.run(sh(LIST));
			if (listed.exitCode !== 0) return [];
			const fields = listed.stdout.split('\0');
			const found: RevertReport[] = [];
			const done: string[] = [];
			for (let i = 0; i + 3 < fields.length; i += 4) {
				const [id = '', about = '', result = '', pending = ''] = fields.slice(i, i + 4);
				const judged = judgeJob(about, result ? parseRevertResult(result) : undefined, pending === '1');
				if (judged === 'skip') continue;
				if (judged !== 'drop') found.push(judged);
				done.push(`${id}.json`, `${id}.revert.result`, `${id}.revert`);
			}
			if (done.length > 0) await host.run(['rm', '-f', '--', ...done]);
			return found;
		},
	};
}

/**
 * The connection nsdeck itself uses, as the server sees it: sshd's SSH_CONNECTION for our master's
 * session (client address and port, server address and port), read as the login user (sudo drops it).
 */
export async function remoteSession(host: SshHost): Promise<SshSession | undefined> {
	const read = await host.runAsLogin(['printenv', 'SSH_CONNECTION']);
	return read.exitCode === 0 ? parseSshConnection(read.stdout) : undefined;
}

/** The helper, if it runs on the server's CPU: else no revert job there (and no guarded change). */
export async function helperForServer(host: SshHost, helper: SendableHelper | undefined): Promise<SendableHelper | undefined> {
	if (!helper) return undefined;
	const uname = await host.run(['uname', '-sm']);
	return uname.exitCode === 0 && remoteArch(uname.stdout) === helper.arch ? helper : undefined;
}
