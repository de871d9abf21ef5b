// The static helper (nsdeck-netdump) on a server, so that reading a server costs what reading here does.
// It is sent over the connection nsdeck already has into the remote user's `$XDG_CACHE_HOME/nsdeck/bin`
// (else ~/.cache/nsdeck/bin; 0700), named by its hash, and checked by sha256 on the server in the same
// command that runs it: a cached file that differs (tampered, half-written, another build) is never run —
// the command says so, and the helper is sent again. Only a server of the architecture of a helper nsdeck
// has gets it; with --no-upload nothing is ever written (a helper already there and matching still runs).
import {readFileSync} from 'node:fs';
import {NETDUMP_NAME, findNetdump} from './netdump-binary.js';
import type {ByteStreamOptions, CommandResult} from './runner.js';
import type {SshHost} from './ssh-transport.js';

/** The helper nsdeck can send: its bytes, hash and name on the server. */
export interface SendableHelper {
	/** node's name for the CPU it runs on (x64, arm64). */
	readonly arch: string;
	readonly bytes: Uint8Array;
	readonly sha256: string;
	/** nsdeck-netdump-<first 16 hex digits of its hash>: another build never takes its place. */
	readonly name: string;
}

const sha256 = (bytes: Uint8Array): string => process.getBuiltinModule('node:crypto').createHash('sha256').update(bytes).digest('hex');

/** This machine's helper, if there is one: it is static, so it runs on any Linux of the same CPU. */
export function localHelper(path = findNetdump()): SendableHelper | undefined {
	if (!path) return undefined;
	try {
		const bytes = new Uint8Array(readFileSync(path));
		const hash = sha256(bytes);
		return {arch: process.arch, bytes, sha256: hash, name: `${NETDUMP_NAME}-${hash.slice(0, 16)}`};
	} catch {
		return undefined;
	}
}

/** `uname -sm` → node's CPU name, for Linux only (the helper is a Linux program). */
export function remoteArch(unameSm: string): string | undefined {
	const [system, machine] = unameSm.trim().split(/\s+/);
	if (system !== 'Linux') return undefined;
	return ({x86_64: 'x64', amd64: 'x64', aarch64: 'arm64', arm64: 'arm64'} as Record<string, string>)[machine ?? ''];
}

// Both scripts are constants: names and hashes reach them only as positional arguments ($1, $2).
const CACHE = 'case ${XDG_CACHE_HOME-} in /*) c=$XDG_CACHE_HOME ;; *) c=$HOME/.cache ;; esac; d=$c/nsdeck/bin';

/** What the run script says on stderr when the cached helper is missing or differs. */
export const NOT_CACHED = 'nsdeck: no matching helper cached';

/**
 * Check, then run: `sh` stays the helper's parent (no exec), so the helper's parent-death check holds,
 * and the host's namespace is the one sh is in.
 */
const RUN = `${CACHE}; h=$1; f=$d/$2; shift 2
if [ -f "$f" ] && [ ! -L "$f" ] && [ "$(sha256sum < "$f")" = "$h  -" ]; then "$f" "$@"; else echo '${NOT_CACHED}' >&2; exit 97; fi`;

/** Written whole under a temporary name, then renamed: a reader never runs half a file. */
const UPLOAD = `${CACHE}; umask 077
mkdir -p "$d" && chmod 700 "$c/nsdeck" "$d" && t=$d/.$1.$$ && cat > "$t" && chmod 700 "$t" && mv -f "$t" "$d/$1"`;

export const runHelperArgv = (helper: SendableHelper, args: readonly string[]): string[] => ['sh', '-c', RUN, 'sh', helper.sha256, helper.name, ...args];
export const uploadArgv = (helper: SendableHelper): string[] => ['sh', '-c', UPLOAD, 'sh', helper.name];

export interface RemoteHelperRun {
	/** The helper's argv with its first word (the helper) replaced: what readWithNetdump calls. */
	readonly run: (argv: readonly string[], options: ByteStreamOptions) => Promise<CommandResult>;
}

/**
 * A runner for readWithNetdump that runs the cached helper on `host`, sending it first (or again) when
 * the server says it has no matching one, unless `upload` is false. Throws when it cannot be run.
 */
export function remoteHelperRun(host: SshHost, helper: SendableHelper, upload: boolean): RemoteHelperRun {
	return {
		async run([, ...args], options) {
			const attempt = (): Promise<CommandResult> => host.runBytes(runHelperArgv(helper, args), options);
			let result = await attempt();
			if (result.exitCode === 97 && result.stderr.includes(NOT_CACHED) && upload) {
				const sent = await host.runBytes(uploadArgv(helper), {input: helper.bytes, onData: () => {}, timeoutMs: 120_000});
				if (sent.exitCode !== 0) throw new Error(`cannot send the helper: ${host.problem(sent)}`);
				result = await attempt();
			}
			return result;
		},
	};
}
