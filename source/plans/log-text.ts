// How a command log entry reads: its start time, how long it ran and how it ended. The log view and
// `--log FILE` say the same words.
import type {LogEntry} from './run-plan.js';

const two = (n: number): string => String(n).padStart(2, '0');

/** HH:MM:SS in local time: what a user compares with the clock on the wall. */
export const clockTime = (at: Date): string => `${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}`;

/** 12 ms, 1.2 s, 3 min 04 s: short enough for a column, exact enough to spot the slow one. */
export function durationText(ms: number): string {
	if (ms < 1000) return `${Math.round(ms)} ms`;
	if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
	const seconds = Math.round(ms / 1000);
	return `${Math.floor(seconds / 60)} min ${two(seconds % 60)} s`;
}

/** How it ended, or that it has not: exit 0, exit 2, SIGINT, timed out, running, not run. */
export function outcomeText(e: LogEntry): string {
	if (e.status === 'running' || e.status === 'not run') return e.status;
	if (e.signal) return e.signal;
	if (e.exitCode !== undefined && e.exitCode >= 0) return `exit ${e.exitCode}`;
	// No exit code and no signal: it could not start or timed out; the error says which.
	return e.status === 'ok' || e.status === 'undo ok' ? 'ok' : e.status === 'stopped' ? 'stopped' : 'no exit';
}
