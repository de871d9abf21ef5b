// nsdeck's private cache: Node's compile cache (see start.ts) and, in the single executable, the helper
// it carries (see netdump-binary.ts). Both hold code that will run, often as root: a cache that another
// user could write to, or swap out through a directory above it, would let them run code as us.
import {lstatSync, mkdirSync} from 'node:fs';
import {homedir} from 'node:os';
import {dirname, join} from 'node:path';

/** `$XDG_CACHE_HOME/nsdeck`, else `~/.cache/nsdeck`. */
export function cacheDirPath(env: NodeJS.ProcessEnv = process.env): string {
	const base = env.XDG_CACHE_HOME?.startsWith('/') ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
	return join(base, 'nsdeck');
}

const STICKY = 0o1000;

/**
 * True when nobody but us and root can change what `path` holds: it and every directory above it are
 * real directories (no symlinks), owned by us or root, and writable by no one else (unless sticky, as
 * /tmp, where others cannot rename what is ours).
 */
export function onlyOursToChange(path: string, uid = process.getuid?.() ?? 0): boolean {
	for (let dir = path, own = true; ; own = false) {
		const stat = lstatSync(dir);
		if (!stat.isDirectory() || (stat.uid !== uid && stat.uid !== 0)) return false;
		const othersWrite = (stat.mode & 0o022) !== 0;
		if (othersWrite && (own || (stat.mode & STICKY) === 0)) return false;
		if (dir === dirname(dir)) return true;
		dir = dirname(dir);
	}
}

/**
 * Makes `sub` inside the cache (mode 0700) and returns its path, or undefined when it is not ours alone:
 * callers then go without a cache, never with an unsafe one.
 */
export function privateCacheDir(sub: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
	const dir = join(cacheDirPath(env), sub);
	try {
		mkdirSync(dir, {recursive: true, mode: 0o700});
		return onlyOursToChange(dir) ? dir : undefined;
	} catch {
		return undefined;
	}
}
