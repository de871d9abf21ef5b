// `--log FILE`: every command appended as it runs; and the log view's "write script".
import {appendFileSync, statSync, writeFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {dirname, resolve} from 'node:path';

/**
 * Appends, and says what went wrong instead of throwing: a log that cannot be written (a full disk, a
 * removed directory) is reported by the caller, and must never stop a plan between two of its steps.
 */
export function appendToLogFile(path: string, text: string): string | undefined {
	try {
		appendFileSync(path, text);
		return undefined;
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
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
	const here = kind(path);
	if (here === 'directory') return {path, exists: false, problem: 'a directory: add a file name'};
	if (here === 'other') return {path, exists: true, problem: 'not a regular file'};
	return {path, exists: here === 'file'};
}

/** Writes an executable script; refuses to replace a file unless `overwrite` (no race: `wx` fails if one appeared). */
export function writeScriptFile(path: string, text: string, overwrite = true): void {
	writeFileSync(path, text, {mode: 0o755, flag: overwrite ? 'w' : 'wx'});
}
