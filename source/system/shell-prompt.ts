// Starting the shell from `s` so that its prompt names the namespace: for bash a generated rc file (in a
// private temporary directory, removed afterwards) passed with --rcfile; for a POSIX sh the PS1
// variable; for any other shell NSDECK_NETNS only, which a user's prompt may show.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {bashRc, promptWay, shPs1} from '../model/shell-prompt.js';

/** Set in the shell's environment, so a prompt or a script can tell which namespace it is in. */
export const NETNS_ENV = 'NSDECK_NETNS';

export interface ShellStart {
	/** Arguments after the shell's path. */
	readonly args: readonly string[];
	readonly env: Readonly<Record<string, string>>;
	/** Remove what was written for it: call when the shell has exited. */
	cleanup(): void;
}

/** `id`: the namespace as nsdeck names it (NSDECK_NETNS); `name`: as the prompt shows it. */
export function shellStart(shellPath: string, id: string, name: string, root = process.getuid?.() === 0): ShellStart {
	const way = promptWay(shellPath);
	const env = {[NETNS_ENV]: id};
	if (way === 'ps1-env') return {args: [], env: {...env, PS1: shPs1(name, root)}, cleanup() {}};
	if (way === 'env-only') return {args: [], env, cleanup() {}};
	// mkdtemp makes a directory only we can enter (0700): nobody else can swap the file before bash reads it.
	const dir = mkdtempSync(join(tmpdir(), 'nsdeck-shell-'));
	const rc = join(dir, 'bashrc');
	writeFileSync(rc, bashRc(name), {mode: 0o600});
	// Also at exit: a hang-up while the shell runs ends nsdeck before the shell returns.
	const cleanup = (): void => {
		process.off('exit', cleanup);
		rmSync(dir, {recursive: true, force: true});
	};
	process.once('exit', cleanup);
	return {args: ['--rcfile', rc], env, cleanup};
}
