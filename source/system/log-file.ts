// `--log FILE`: every command appended as it runs; and the log view's "write script". Both write only a
// regular file or a new path, and never wait: a FIFO with no reader would block an open for ever (nsdeck
// hung at start, or froze between two steps of a plan when one was swapped in), and a socket or a device
// is no log. So every open is non-blocking and checked on its descriptor, not on a path that can change.
import {closeSync, constants, fstatSync, lstatSync, openSync, realpathSync, statSync, writeSync} from 'node:fs';
import {homedir} from 'node:os';
import {dirname, resolve} from 'node:path';

/**
 * Appends, and says what went wrong instead of throwing: a log that cannot be written (a full disk, a
 * removed directory) is reported by the caller, and must never stop a plan between two of its steps.
 */
export function appendToLogFile(path: string, text: string): string | undefined {
	try {
		writeRegularFile(path, text, constants.O_APPEND | constants.O_CREAT);
		return undefined;
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	}
}

const NOT_REGULAR = 'not a regular file (a FIFO, socket or device would block or lose what is written)';
const {O_WRONLY, O_NONBLOCK, O_NOCTTY} = constants;

/** Opens without waiting, refuses anything but a regular file on the descriptor itself, and writes it all. */
function writeRegularFile(path: string, text: string, flags: number, mode = 0o644): void {
	let fd: number;
	try {
		fd = openSync(path, O_WRONLY | O_NONBLOCK | O_NOCTTY | flags, mode);
	} catch (error) {
		// A FIFO with no reader, or a socket: the kernel says ENXIO instead of blocking.
		if ((error as NodeJS.ErrnoException).code === 'ENXIO') throw new Error(NOT_REGULAR, {cause: error});
		if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new Error('a symlink: write to the path it leads to instead', {cause: error});
		throw error;
	}
	try {
		if (!fstatSync(fd).isFile()) throw new Error(NOT_REGULAR);
		const bytes = Buffer.from(text);
		for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
	} finally {
		closeSync(fd);
	}
}

/** At start: whether the log can be written at all, so that a bad path is said once, before anything runs. */
export function checkLogFile(path: string): string | undefined {
	return appendToLogFile(path, '');
}

/** The full path a typed one means: ~ is the home directory, a relative path is from where nsdeck started. */
export const fullPath = (typed: string): string => resolve(typed === '~' || typed.startsWith('~/') ? homedir() + typed.slice(1) : typed);

export interface ScriptTarget {
	/** The full path it would write. */
	readonly path: string;
	/** What stands in the way: the directory is missing or no directory; the path is a directory. */
	readonly problem?: string;
	/** A file is there already: writing replaces it. */
	readonly exists: boolean;
	/** The path is a symlink, leading here: nothing is written through it unless this path is given. */
	readonly symlinkTo?: string;
}

/** What writing a script to `typed` would meet; looked at as the user types, so a stat or two and no more. */
export function scriptTarget(typed: string): ScriptTarget {
	const path = fullPath(typed);
	const kind = (p: string): 'file' | 'directory' | 'other' | undefined => {
		try {
			const stat = statSync(p);
			return stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'other';
		} catch {
			return undefined;
		}
	};
	const dir = kind(dirname(path));
	if (dir === undefined) return {path, exists: false, problem: 'no such directory'};
	if (dir !== 'directory') return {path, exists: false, problem: 'its directory is not a directory'};
	const symlinkTo = symlinkTarget(path);
	if (symlinkTo === null) return {path, exists: false, problem: 'a symlink to nothing'};
	if (symlinkTo !== undefined) return {...scriptTarget(symlinkTo), path, symlinkTo};
	const here = kind(path);
	if (here === 'directory') return {path, exists: false, problem: 'a directory: add a file name'};
	if (here === 'other') return {path, exists: true, problem: 'not a regular file'};
	return {path, exists: here === 'file'};
}

/** Where a symlink at `path` leads (null: nowhere); undefined when `path` is no symlink. */
function symlinkTarget(path: string): string | null | undefined {
	try {
		if (!lstatSync(path).isSymbolicLink()) return undefined;
	} catch {
		return undefined;
	}
	try {
		return realpathSync(path);
	} catch {
		return null;
	}
}

/**
 * Writes an executable script; refuses to replace a file unless `overwrite` (no race: O_EXCL fails if one
 * appeared), and never follows a symlink (O_NOFOLLOW): the user confirms by writing to where it leads.
 */
export function writeScriptFile(path: string, text: string, overwrite = true): void {
	writeRegularFile(path, text, constants.O_CREAT | constants.O_NOFOLLOW | (overwrite ? constants.O_TRUNC : constants.O_EXCL), 0o755);
}
