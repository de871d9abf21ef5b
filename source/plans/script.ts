// Commands as shell text: for the preview, the command log and an exported script. The argv that runs is
// the source of truth; this only quotes it so a shell would run the same thing.
import {hasUnsafe, shown} from '../model/display.js';
import type {Argv, Plan} from './plan.js';
import {durationText, outcomeText} from './log-text.js';
import type {LogEntry} from './run-plan.js';

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function shellQuote(word: string): string {
	if (word !== '' && SAFE.test(word)) return word;
	return `'${word.replaceAll("'", `'\\''`)}'`;
}

export const commandText = (argv: Argv): string => argv.map(shellQuote).join(' ');

/**
 * A command run on a server (`nsdeck --host DEST`), as the log and scripts show it: `ssh DEST -- 'LINE'`,
 * LINE being the command quoted for the server's shell, so the script line runs there exactly that argv.
 */
export const onHost = (host: string, argv: Argv): Argv => ['ssh', host, '--', commandText(argv)];

/** A comment line's text: one line, nothing a terminal would obey when the script is shown. */
const comment = (text: string): string => `# ${shown(text)}`;

/**
 * A command as a script line, or undefined when a word holds control characters: quoted, a newline would
 * still split the line and ESC would reach whoever prints the script. Such commands are left out, said so.
 */
function scriptLine(argv: Argv): string | undefined {
	return argv.some(hasUnsafe) ? undefined : commandText(argv);
}

/**
 * The plans of a dry run as one script that builds the whole thing, in the order they were planned: each
 * plan's title as a comment, then its commands, exactly the argv that would have run. `set -e`: a step
 * that fails stops the script there, since every later step counts on it.
 */
export function plannedScript(plans: readonly Plan[], header = 'planned with nsdeck --dry-run'): string {
	const lines = ['#!/bin/sh', comment(header), '# Run with: sh THIS-FILE (as root, or inside `nsdeck lab`)', 'set -e'];
	for (const plan of plans) {
		lines.push('', comment(plan.title));
		for (const step of plan.steps) {
			const line = scriptLine(step.argv);
			lines.push(line ?? comment(`left out, a word holds control characters: ${commandText(step.argv)}`));
		}
	}
	return lines.join('\n') + '\n';
}

/** A runnable script of the commands that ran (or would have, in a dry run); failed ones commented out. */
export function logToScript(entries: readonly LogEntry[], header = 'nsdeck command log'): string {
	const lines = ['#!/bin/sh', `# ${header}`, '# Re-run with: sh THIS-FILE (as root, or inside `nsdeck lab`)', 'set -e', ''];
	let plan = '';
	for (const e of entries) {
		if (e.plan !== plan) {
			plan = e.plan;
			lines.push(comment(plan));
		}
		const line = scriptLine(e.argv);
		if (line === undefined) lines.push(comment(`left out, a word holds control characters: ${commandText(e.argv)}`));
		else if (e.looks) lines.push(comment(`looked, not re-run: ${line}`));
		else if (e.status === 'ok' || e.status === 'not run') lines.push(line);
		else lines.push(comment(`${e.status}: ${line}${e.error ? `  (${e.error.split('\n')[0]})` : ''}`));
	}
	return lines.join('\n') + '\n';
}

/** When it started, how it ended and how long it took, as a trailing comment: `# 2026-…Z exit 0, 12 ms`. */
function whenAndHow(e: LogEntry): string {
	const outcome = e.status === 'not run' ? 'dry run: not run' : outcomeText(e);
	return `# ${e.at.toISOString()} ${outcome}${e.durationMs === undefined ? '' : `, ${durationText(e.durationMs)}`}`;
}

/**
 * One line of `--log FILE`: the command as shell text, then when it started, its exit status (or signal)
 * and how long it ran. Commands that did not count (failed, undone, only looked) are commented out, so the
 * file still re-runs as a script.
 */
export function logLine(e: LogEntry): string {
	const line = scriptLine(e.argv);
	const meta = whenAndHow(e);
	if (line === undefined) return `${comment(`${e.status}, left out, a word holds control characters: ${commandText(e.argv)}`)}  ${meta}\n`;
	if (e.looks) return `${comment(`looked: ${line}`)}  ${meta}\n`;
	if (e.status === 'ok' || e.status === 'not run') return `${line}  ${meta}\n`;
	return `${comment(`${e.status}: ${line}`)}  ${meta}${e.error ? ` (${shown(e.error.split('\n')[0])})` : ''}\n`;
}
