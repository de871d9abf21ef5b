// The sandbox's user namespace. Started by a user, it maps only that user, as root (`--map-root-user`).
// Started by real root (or by root in a sandbox that maps them), it maps uids and gids 0–65535 to
// themselves, with setgroups allowed: sshd's privilege separation drops to its own user (sshd, uid 103 on Debian) with setgroups and setuid, which a
// one-uid namespace refuses ("setgroups: Operation not permitted"), so the tests' servers
// (test/support/sshd.ts) and the lab's fleet need it. unshare 2.38 maps a range only through newuidmap
// (the uidmap package), so the map is written here: an empty user namespace is held by a process, its
// maps written from outside, and the sandbox entered through it.
import {readFileSync, readlinkSync, writeFileSync} from 'node:fs';
import {setTimeout as delay} from 'node:timers/promises';
import {startLongLived} from './runner.js';

/** How many uids (and gids) a sandbox started by real root maps. */
export const MAPPED_IDS = 65_536;

/** Real root: uid 0 in the initial user namespace, which maps every uid to itself. */
export function realRoot(uidMap = readMap('/proc/self/uid_map')): boolean {
	return process.getuid?.() === 0 && uidMap.trim().split(/\s+/).join(' ') === '0 0 4294967295';
}

/**
 * Root that can give a new user namespace 0–65535: real root, or root in a sandbox that maps that range
 * itself (the kernel tests' sandbox, where a lab started for a test is a sandbox inside it).
 */
export function canMapUserRange(uidMap = readMap('/proc/self/uid_map')): boolean {
	if (process.getuid?.() !== 0) return false;
	return uidMap
		.trim()
		.split('\n')
		.some((line) => {
			const [inner, , count] = line.trim().split(/\s+/).map(Number);
			return inner === 0 && (count ?? 0) >= MAPPED_IDS;
		});
}

/** True when this process's user namespace maps more than one uid (sshd can drop to its own). */
export function mapsManyUsers(uidMap = readMap('/proc/self/uid_map')): boolean {
	return uidMap
		.trim()
		.split('\n')
		.some((line) => Number(line.trim().split(/\s+/)[2] ?? 0) > 1);
}

function readMap(path: string): string {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return '';
	}
}

export interface HeldUserNamespace {
	/** The namespace's file, for `nsenter --user=PATH`. */
	readonly path: string;
	/** Ends the holder; the namespace lives on while anything is inside it. */
	readonly release: () => void;
}

/**
 * A new user namespace mapping 0–65535, held by a `sleep` that dies with us. Resolves once its maps are
 * written; throws when the holder did not enter a namespace of its own within a second.
 */
export async function holdMappedUserNamespace(): Promise<HeldUserNamespace> {
	const pid = startLongLived(['unshare', '--user', '--', 'sleep', 'infinity']);
	const release = (): void => {
		try {
			process.kill(pid, 'SIGKILL');
		} catch {
			// Gone already.
		}
	};
	const ours = readlinkSync('/proc/self/ns/user');
	for (let tries = 0; tries < 200; tries++) {
		let theirs = ours;
		try {
			theirs = readlinkSync(`/proc/${pid}/ns/user`);
		} catch {
			// Not started yet.
		}
		if (theirs !== ours) {
			try {
				writeFileSync(`/proc/${pid}/uid_map`, `0 0 ${MAPPED_IDS}\n`);
				writeFileSync(`/proc/${pid}/gid_map`, `0 0 ${MAPPED_IDS}\n`);
				return {path: `/proc/${pid}/ns/user`, release};
			} catch (error) {
				release();
				throw new Error(`cannot map the sandbox's users: ${error instanceof Error ? error.message : String(error)}`, {cause: error});
			}
		}
		await delay(5);
	}
	release();
	throw new Error('cannot make the sandbox a user namespace: unshare --user did not start');
}
