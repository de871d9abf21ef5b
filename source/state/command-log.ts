// Logging a ping or an x command: an entry when it starts (running), replaced by one when it ends, and
// `--log FILE` gets the finished one only, with its time, exit status and duration.
import type {LogEntry} from '../plans/run-plan.js';
import {logLine} from '../plans/script.js';
import {appendToLogFile} from '../system/log-file.js';
import type {CommandResult} from '../system/runner.js';
import type {Action} from './reducer.js';

let nextId = 1;

export interface LoggedRun {
	/** Log how it ended; `status` as the panel saw it. */
	finish(status: 'ok' | 'failed' | 'stopped', result?: Partial<CommandResult>, error?: string): void;
}

/** Logs `argv` as running now; the returned finish() logs how it ended. */
export function logRun(dispatch: (action: Action) => void, logFile: string | undefined, start: Omit<LogEntry, 'status' | 'at' | 'id'>, now = () => new Date()): LoggedRun {
	const at = now();
	const id = `run-${nextId++}`;
	dispatch({type: 'logged', entry: {...start, id, at, status: 'running'}});
	return {
		finish(status, result, error) {
			const entry: LogEntry = {...start, id, at, status, exitCode: result?.exitCode, signal: result?.signal, error, durationMs: Math.max(now().getTime() - at.getTime(), 0)};
			dispatch({type: 'logged', entry});
			const problem = logFile && appendToLogFile(logFile, logLine(entry));
			if (problem) dispatch({type: 'message', tone: 'error', text: `cannot write ${logFile}: ${problem}`});
		},
	};
}
