// Compiles nsdeck-netdump (native/), the bulk reader of many namespaces (source/system/netdump.ts), as a
// static binary: it then runs on any Linux of its architecture, whatever its C library, which is what the
// single executable and the platform packages carry. Without a C compiler nsdeck still works, reading
// each namespace with `nsenter … ip` (slower at scale).
import {spawnSync} from 'node:child_process';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const native = join(dirname(fileURLToPath(import.meta.url)), '..', 'native');
export const SOURCES = ['netdump.c', 'netlink-json.c', 'route-json.c', 'fdb-json.c', 'link-kinds.c', 'nsid-names.c', 'foreground.c', 'revert-job.c', 'link-stats.c', 'watch-many.c', 'nsid-identity.c', 'netconf.c'];

/** Compiles to `out` with `cc` (a cross compiler for other platforms); true when it worked. */
export function buildNetdump(out, cc = process.env.CC ?? 'cc') {
	const argv = ['-O2', '-Wall', '-Wextra', '-static', '-s', '-pthread', '-o', out, ...SOURCES.map((file) => join(native, file))];
	const compiled = spawnSync(cc, argv, {stdio: 'inherit'});
	if (compiled.error || compiled.status !== 0) {
		console.warn(`nsdeck: could not compile native/netdump.c with ${cc} (${compiled.error?.message ?? `exit ${compiled.status}`}); bulk reads will use ip per namespace`);
		return false;
	}
	return true;
}
