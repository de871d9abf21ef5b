// Where the SSH master connections' control sockets live: one private directory per nsdeck
// (`$TMPDIR/nsdeck-ssh-XXXXXX`, mode 0700, so no other user can reach a socket and run commands on our
// servers through it), made on first use, and removed, with every master ended, when nsdeck exits.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

let dir: string | undefined;
const onExit = new Set<() => void>();

/** The control directory, made (0700, as mkdtemp makes it) the first time it is asked for. */
export function controlDir(): string {
	if (!dir) {
		dir = mkdtempSync(join(tmpdir(), 'nsdeck-ssh-'));
		process.once('exit', closeAllMasters);
	}
	return dir;
}

/** Run `close` when nsdeck exits (or closeAllMasters is called); returns a function that forgets it. */
export function closeOnExit(close: () => void): () => void {
	onExit.add(close);
	return () => onExit.delete(close);
}

/** End every master connection and remove the control directory. Synchronous: it runs at exit too. */
export function closeAllMasters(): void {
	for (const close of [...onExit]) {
		try {
			close();
		} catch {
			// The others still close.
		}
	}
	onExit.clear();
	if (dir) rmSync(dir, {recursive: true, force: true});
	dir = undefined;
}
