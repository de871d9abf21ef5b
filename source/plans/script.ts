// Commands as shell text: for the preview, the command log and an exported script. The argv that runs is
// the source of truth; this only quotes it so a shell would run the same thing.
import type {Argv} from './plan.js';
import type {LogEntry} from './run-plan.js';

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function shellQuote(word: string): string {
	if (word !== '' && SAFE.test(word)) return word;
	return `'${word.replaceAll("'", `'\\''`)}'`;
}

export const commandText = (argv: Argv): string => argv.map(shellQuote).join(' ');

/** A runnable script of the commands that ran (or would have, in a dry run); failed ones commented out. */
export function logToScript(entries: readonly LogEntry[], header = 'nsdeck command log'): string {
	const lines = ['#!/bin/sh', `# ${header}`, '# Re-run with: sh THIS-FILE (as root, or inside `nsdeck lab`)', 'set -e', ''];
	let plan = '';
	for (const e of entries) {
		if (e.plan !== plan) {
			plan = e.plan;
			lines.push(`# ${plan}`);
		}
		const text = commandText(e.argv);
		if (e.status === 'ok' || e.status === 'not run') lines.push(text);
		else lines.push(`# ${e.status}: ${text}${e.error ? `  (${e.error.split('\n')[0]})` : ''}`);
	}
	return lines.join('\n') + '\n';
}

/** One line of `--log FILE`: the command, or a comment saying why it did not count. */
export function logLine(e: LogEntry): string {
	const text = commandText(e.argv);
	return e.status === 'ok' || e.status === 'not run' ? `${text}${e.status === 'not run' ? '  # dry run: not run' : ''}\n` : `# ${e.status}: ${text}\n`;
}
