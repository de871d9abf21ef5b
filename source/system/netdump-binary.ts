// Where nsdeck-netdump, the bulk reader (netdump.ts), comes from:
//   - the single executable carries it as an asset: written once to the private cache, and checked by its
//     hash before every use (a file on disk may have been changed since);
//   - the npm package gets it from its platform package (@nsdeck/netdump-linux-x64, …), an optional
//     dependency that npm installs only on a matching machine, as esbuild ships its binaries;
//   - a build from source has it beside the bundle (dist/), where scripts/build.mjs compiled it.
// None of them usable: nsdeck reads each namespace with `nsenter … ip` (the same picture, slower at scale).
import {accessSync, constants, readFileSync, renameSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {arch, platform} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import * as sea from 'node:sea';
import {privateCacheDir} from './cache-dir.js';

export const NETDUMP_NAME = 'nsdeck-netdump';
/** The single executable's asset key for the helper (scripts/dist.mjs). */
export const NETDUMP_ASSET = NETDUMP_NAME;

export const platformPackage = (os = platform(), cpu = arch()): string => `@nsdeck/netdump-${os}-${cpu}`;

// node:crypto is fetched here, when the single executable checks its helper, not imported at the top:
// loading it costs ~8 ms of every start (measured with --cpu-prof), and only the executable needs it.
const sha256 = (bytes: Uint8Array): string =>
	process.getBuiltinModule('node:crypto').createHash('sha256').update(bytes).digest('hex');

const executable = (path: string): boolean => {
	try {
		accessSync(path, constants.X_OK);
		return true;
	} catch {
		return false;
	}
};

/**
 * The helper the single executable carries, at `<cache>/bin/nsdeck-netdump-<hash>`: written when missing
 * or different, then read back and compared with the carried bytes' hash, so what runs is what shipped.
 */
export function carriedNetdump(bytes: Uint8Array, cache = privateCacheDir('bin')): string | undefined {
	if (!cache) return undefined;
	const hash = sha256(bytes);
	const path = join(cache, `${NETDUMP_NAME}-${hash.slice(0, 16)}`);
	const matches = (): boolean => {
		try {
			return sha256(readFileSync(path)) === hash;
		} catch {
			return false;
		}
	};
	if (!matches()) {
		try {
			// Written whole under another name, then renamed: another nsdeck starting at the same moment
			// never runs a half-written file.
			const temporary = `${path}.${process.pid}`;
			writeFileSync(temporary, bytes, {mode: 0o700});
			renameSync(temporary, path);
		} catch {
			return undefined;
		}
	}
	return matches() && executable(path) ? path : undefined;
}

/** The helper of the platform package, if npm installed one for this machine. */
function packagedNetdump(from: string): string | undefined {
	try {
		const manifest = createRequire(from).resolve(`${platformPackage()}/package.json`);
		const path = join(dirname(manifest), 'bin', NETDUMP_NAME);
		return executable(path) ? path : undefined;
	} catch {
		return undefined;
	}
}

/** The helper to use, or undefined when there is none: then each namespace is read with `ip`. */
export function findNetdump(here = fileURLToPath(import.meta.url)): string | undefined {
	if (sea.isSea()) return carriedNetdump(new Uint8Array(sea.getRawAsset(NETDUMP_ASSET)));
	const beside = [join(dirname(here), NETDUMP_NAME), join(dirname(here), '..', '..', 'dist', NETDUMP_NAME)].find(executable);
	return packagedNetdump(here) ?? beside;
}
