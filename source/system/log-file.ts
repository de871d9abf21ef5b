// `--log FILE`: every command appended as it runs; and the log view's "write script".
import {appendFileSync, writeFileSync} from 'node:fs';

export function appendToLogFile(path: string, text: string): void {
	appendFileSync(path, text);
}

export function writeScriptFile(path: string, text: string): void {
	writeFileSync(path, text, {mode: 0o755});
}
