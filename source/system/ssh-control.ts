// Where the SSH master connections' control sockets live: one private directory per nsdeck
// (`$TMPDIR/nsdeck-ssh-XXXXXX`, mode 0700, so no other user can reach a socket and run commands on our
// servers through it), made on first use, and removed, with every master ended, when nsdeck exits.
import {mkdtempSync, readdirSync, rmdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

let dir: string | undefined;
let exitHooked = false;
const onExit = new Set<() => void>();

/** The control directory, made (0700, as mkdtemp makes it) the first time it is asked for. */
export function controlDir(): string {
	if (!dir) {
		dir = mkdtempSync(join(tmpdir(), 'nsdeck-ssh-'));
		// Once per process: a directory made again after closeAllMasters must not add a second hook.
		if (!exitHooked) process.once('exit', closeAllMasters);
		exitHooked = true;
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
	if (dir) removeDir(dir);
	dir = undefined;
}

/**
 * Remove the directory, entry by entry. A master we just ended unlinks its socket at the same moment, and
 * Node's recursive rmSync then can leave the directory behind without a word (seen on Node 26); an entry
 * already gone is fine here, and a directory still not empty is tried again.
 */
function removeDir(path: string): void {
	for (let attempt = 0; attempt < 20; attempt++) {
		try {
			for (const name of readdirSync(path)) rmSync(join(path, name), {recursive: true, force: true});
			rmdirSync(path);
			return;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
		}
	}
}
