// Where C's captures go, and whether tcpdump is here at all. Each capture writes a pcap in nsdeck's data
// directory, `$XDG_DATA_HOME/nsdeck/captures` (else `~/.local/share/nsdeck/captures`, 0700): a file
// Wireshark opens, never in /tmp. The panel's key keeps it; a capture nobody kept is removed when its
// panel closes (or nsdeck quits).
import {closeSync, mkdirSync, openSync, rmSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {onPath} from './programs.js';

export interface CaptureFiles {
	/** The line that says how to install tcpdump when it is not on PATH; undefined when it is. */
	missing(): string | undefined;
	/** A new, empty pcap file for `link` in `ns`: its full path. Throws with why it could not be made. */
	newFile(ns: string, link: string): string;
	/** Remove a capture nobody kept; one already gone is no error. */
	discard(path: string): void;
}

/** `$XDG_DATA_HOME/nsdeck/captures`, else `~/.local/share/nsdeck/captures`. */
export function capturesDirPath(env: NodeJS.ProcessEnv = process.env): string {
	const base = env.XDG_DATA_HOME?.startsWith('/') ? env.XDG_DATA_HOME : join(homedir(), '.local', 'share');
	return join(base, 'nsdeck', 'captures');
}

/** A name's letters that are safe in a file name anywhere; the rest become `_`. */
const safe = (name: string): string =>
	name
		.replace(/[^A-Za-z0-9._-]+/g, '_')
		.replace(/^[._]+/, '')
		.slice(0, 40) || 'x';

/** `ns1-veth0-20261207-071502.pcap`: where, what, and when, sorted by name as by time per interface. */
export function captureFileName(ns: string, link: string, at: Date): string {
	const stamp = at.toISOString().replace(/\.\d+Z$/, '').replace(/[-:]/g, '').replace('T', '-');
	return `${safe(ns)}-${safe(link)}-${stamp}.pcap`;
}

export function captureFiles(env: NodeJS.ProcessEnv = process.env, now = (): Date => new Date()): CaptureFiles {
	return {
		missing: () => (onPath('tcpdump', env.PATH ?? '') ? undefined : 'capture needs tcpdump: apt install tcpdump'),
		newFile(ns, link) {
			const dir = capturesDirPath(env);
			mkdirSync(dir, {recursive: true, mode: 0o700});
			const name = captureFileName(ns, link, now());
			// Made here, exclusively and private, so two captures in one second never share a file; tcpdump
			// then writes into it (its -w keeps the mode of a file that exists).
			for (let n = 1; ; n++) {
				const path = join(dir, n === 1 ? name : name.replace(/\.pcap$/, `-${n}.pcap`));
				try {
					closeSync(openSync(path, 'wx', 0o600));
					return path;
				} catch (error) {
					if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 100) throw error;
				}
			}
		},
		discard: (path) => rmSync(path, {force: true}),
	};
}
