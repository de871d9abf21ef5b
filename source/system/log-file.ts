// `--log FILE`: every command appended as it runs; and the log view's "write script".
import {appendFileSync, writeFileSync} from 'node:fs';

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

export function writeScriptFile(path: string, text: string): void {
	writeFileSync(path, text, {mode: 0o755});
}
