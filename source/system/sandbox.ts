// A private, throwaway network world: user, net, mount and PID namespaces, and a tmpfs on /run so that
// `ip netns add` inside cannot leave an entry on the host. No root needed; everything is gone on exit.
import {readFileSync} from 'node:fs';
import {findNetdump} from './netdump-binary.js';
import {childrenOf} from './children-of.js';
import {diesWithUs, errorText, runAttached, type Runner} from './runner.js';
import {canMapUserRange, holdMappedUserNamespace, type HeldUserNamespace} from './sandbox-users.js';
import {restoreTerminal, saveTerminalSettings} from './terminal-settings.js';

/** Set in the environment of the process that runs inside the sandbox. */
export const SANDBOX_ENV = 'NSDECK_SANDBOX';

/**
 * Inside a sandbox nsdeck made: the variable it sets, in a user namespace of its own. The variable alone can
 * leak to a process on the host (a shell started from the lab keeps it), and the lab would then build into
 * the host; the initial user namespace maps every uid to itself (0 0 4294967295), a sandbox does not.
 */
export function insideSandbox(env: NodeJS.ProcessEnv = process.env, uidMap: string = readUidMap()): boolean {
	return env[SANDBOX_ENV] === '1' && uidMap.trim().split(/\s+/).join(' ') !== '0 0 4294967295';
}

function readUidMap(): string {
	try {
		return readFileSync('/proc/self/uid_map', 'utf8');
	} catch {
		return '';
	}
}

export function unshareArgv(inner: readonly string[], users?: string): string[] {
	// --pid --fork --mount-proc: the sandbox's first process is PID 1 of its own PID namespace, so that
	// /proc/1/ns/net names the sandbox's host (link-plans.ts), /proc lists only the sandbox's processes,
	// and when it ends the kernel ends every process left inside. --kill-child: when the outer nsdeck dies
	// (even by SIGKILL), so does the sandbox, and the app inside stops drawing on the terminal.
	// With `users` (a held user namespace, sandbox-users.ts), the sandbox enters it instead of making one.
	const user = users ? ['nsenter', `--user=${users}`, '--', 'unshare'] : ['unshare', '--user', '--map-root-user'];
	return [...user, '--net', '--mount', '--propagation', 'private', '--pid', '--fork', '--kill-child', '--mount-proc', '--', ...inner];
}

/**
 * The sandbox's first process runs `inner` as a process group of its own in the terminal's foreground
 * (native/foreground.c), so that a shell started inside gives the terminal back when it exits. Without the
 * helper, `inner` itself: all but that works.
 */
function inForeground(inner: readonly string[]): string[] {
	const helper = findNetdump();
	return helper ? [helper, '--foreground', '--', ...inner] : [...inner];
}

/**
 * Re-runs `inner` inside a new sandbox with the terminal handed over, and resolves with its exit code.
 * SIGTERM, SIGHUP and SIGINT sent to us (the process a user's `kill` or a closing terminal reaches) are passed on
 * to the sandbox's first process, `inner`: it ends as it would on its own, restoring the terminal, and we
 * end with it. Dying at once instead would take the sandbox down by SIGKILL (below), leaving the screen
 * as the app last drew it.
 */
export async function runInSandbox(inner: readonly string[]): Promise<number> {
	let users: HeldUserNamespace | undefined;
	const saved = saveTerminalSettings();
	try {
		// Real root gives the sandbox a range of uids, for sshd (sandbox-users.ts); so does root in a sandbox that has one.
		if (canMapUserRange()) users = await holdMappedUserNamespace();
		// unshare dies with us (setpriv), and --kill-child takes the sandbox with it.
		return await runAttached(diesWithUs(unshareArgv(inForeground(inner), users?.path)), {[SANDBOX_ENV]: '1'}, {passOn: toFirstProcess});
	} catch (error) {
		throw new Error(sandboxHint(error instanceof Error ? error.message : String(error)), {cause: error});
	} finally {
		users?.release();
		// An app killed inside (SIGKILL) restored nothing: its terminal is still raw, and we put it all back.
		if (saved && saveTerminalSettings() !== saved) restoreTerminal(saved, findNetdump());
	}
}

/** unshare (setpriv became it) forked the sandbox's first process, which became `inner` (inForeground). */
function toFirstProcess(unshare: number, signal: NodeJS.Signals): boolean {
	const [first] = childrenOf(unshare);
	if (first === undefined) return false;
	try {
		process.kill(first, signal);
		return true;
	} catch {
		return false;
	}
}

function sandboxHint(message: string): string {
	if (/ENOENT/.test(message)) return 'unshare not found: install util-linux (apt-get install util-linux)';
	return `cannot start the sandbox: ${message}`;
}

/**
 * Inside the sandbox: give it its own /run, so that /run/netns and the directories container runtimes
 * use (/run/docker/netns, the lab's `containers` scenario) start empty and vanish with it, and nothing of
 * the host's /run can be reached from inside (its nsfs mounts included: discover.ts checks each path).
 */
export async function prepareSandbox(run: Runner): Promise<void> {
	const mounted = await run(['mount', '-t', 'tmpfs', '-o', 'mode=755', 'nsdeck-lab', '/run']);
	if (mounted.exitCode !== 0) throw new Error(`cannot mount a tmpfs on /run: ${errorText(mounted)}`);
	const made = await run(['mkdir', '-p', '/run/netns']);
	if (made.exitCode !== 0) throw new Error(`cannot create /run/netns: ${errorText(made)}`);
	// The sandbox's own loopback, so pings to its own addresses work as on a real host.
	await run(['ip', 'link', 'set', 'lo', 'up']);
}
