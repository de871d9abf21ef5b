// x: one command inside the selected namespace, its output (stdout and stderr, in arrival order) and exit
// status in a scrollable panel; a 10 s limit, and Esc stops it. The command may change things (the user
// typed it), so it is logged like a plan's commands, and its namespace is read again afterwards.
import {useCallback, useEffect, useRef, useState} from 'react';
import {nsDisplayName} from '../../model/netns-id.js';
import {execIn} from '../../plans/plan.js';
import type {LogEntry} from '../../plans/run-plan.js';
import {logLine} from '../../plans/script.js';
import {appendToLogFile} from '../../system/log-file.js';
import type {System} from '../../system/system.js';
import {commandForm} from '../../plans/forms/exec-forms.js';
import type {OutputLine, RunStatus} from '../../state/ping-runs.js';
import type {Action} from '../../state/reducer.js';
import type {AppState} from '../../state/app-state.js';
import {currentNs, noNamespaceText} from '../../state/selectors.js';
import {lineBatcher} from '../../state/line-batcher.js';
import {logRun} from '../../state/command-log.js';

export const COMMAND_TIMEOUT_MS = 10_000;
/** Lines kept: enough to scroll through `ss -tanp` on a busy host, not unbounded. */
export const COMMAND_LINES = 5_000;
/** Of each chunk a flood writes, the newest lines the panel gets; the rest count as unseen. */
const LINES_PER_CHUNK = 1_000;

export interface CommandRun {
	readonly ns: string;
	readonly argv: readonly string[];
	readonly lines: readonly OutputLine[];
	readonly status: RunStatus | 'not run';
	readonly exitCode?: number;
	/** Timed out, stopped, or could not start. */
	readonly failure?: string;
	/** Lines that came and went unseen: more than the panel keeps. Non-zero means the command floods. */
	readonly dropped?: number;
}

export interface CommandControls {
	readonly run?: CommandRun;
	openForm(): void;
	/** `line`: what was typed, offered by the next x; without it, the words after the namespace's prefix. */
	start(ns: string, argv: readonly string[], line?: string): void;
	stop(): void;
	close(): void;
}

export interface CommandOptions {
	readonly dryRun: boolean;
	readonly logFile?: string;
	readonly refreshNamespaces: (ids: readonly string[]) => Promise<void>;
}

export function useCommand(system: System, getState: () => AppState, dispatch: (action: Action) => void, {dryRun, logFile, refreshNamespaces}: CommandOptions): CommandControls {
	const [run, setRun] = useState<CommandRun | undefined>(undefined);
	const abort = useRef<AbortController | undefined>(undefined);
	const last = useRef('');
	useEffect(() => () => abort.current?.abort(), []);

	const openForm = useCallback(() => {
		const ns = currentNs(getState());
		if (!ns) return dispatch({type: 'message', tone: 'error', text: noNamespaceText(getState())});
		dispatch({type: 'openOverlay', overlay: {kind: 'exec', view: {panel: 'commandForm', spec: commandForm(ns.id, last.current)}}});
	}, [getState, dispatch]);

	const start = useCallback(
		(ns: string, argv: readonly string[], line?: string) => {
			const stream = system.stream;
			if (!stream) return dispatch({type: 'message', tone: 'error', text: 'this system cannot run commands'});
			// What was typed, for the next x: the argv after `ip netns exec NS` or `nsenter --net=PATH`.
			last.current = line ?? argv.slice(execIn(ns).length).map((w) => (/\s/.test(w) ? `"${w}"` : w)).join(' ');
			const plan = `Run in ${nsDisplayName(ns)}`;
			dispatch({type: 'openOverlay', overlay: {kind: 'exec', view: {panel: 'output'}}});
			if (dryRun) {
				// A typed command may change anything: a dry run keeps its promise and runs none.
				const entry: LogEntry = {argv, status: 'not run', plan, at: new Date()};
				dispatch({type: 'logged', entry});
				const problem = logFile && appendToLogFile(logFile, logLine(entry));
				if (problem) dispatch({type: 'message', tone: 'error', text: `cannot write ${logFile}: ${problem}`});
				setRun({ns, argv, lines: [], status: 'not run'});
				return;
			}
			abort.current?.abort();
			const controller = new AbortController();
			abort.current = controller;
			setRun({ns, argv, lines: [], status: 'running'});
			// A flood (`yes`) must not re-render the app per line: lines gather and land ten times a second.
			const lines = lineBatcher((batch, droppedWaiting) =>
				setRun((r) => {
					if (!r || r.argv !== argv) return r;
					const all = [...r.lines, ...batch];
					const dropped = (r.dropped ?? 0) + droppedWaiting + Math.max(all.length - COMMAND_LINES, 0);
					return {...r, lines: all.slice(-COMMAND_LINES), dropped};
				}),
			COMMAND_LINES);
			const logged = logRun(dispatch, logFile, {argv, plan});
			void (async () => {
				let exitCode: number | undefined;
				let signal: string | undefined;
				let failure: string | undefined;
				let stderr = '';
				try {
					const result = await stream(argv, {
						signal: controller.signal,
						timeoutMs: COMMAND_TIMEOUT_MS,
						onLine: (text, from) => lines.add({text, from}),
						linesPerChunk: LINES_PER_CHUNK,
						onDropped: (count) => lines.drop(count),
					});
					exitCode = result.exitCode;
					signal = result.signal;
					stderr = result.stderr;
					failure = result.failure;
				} catch (error) {
					failure = error instanceof Error ? error.message : String(error);
				}
				lines.flush();
				const status: RunStatus = controller.signal.aborted ? 'stopped' : exitCode === 0 && !failure ? 'done' : 'failed';
				setRun((r) => (r && r.argv === argv ? {...r, status, exitCode, failure} : r));
				if (abort.current === controller) abort.current = undefined;
				// The status column says the exit status: the error is what the command said, or why it ended.
				const said = stderr.trim().split('\n').at(-1);
				logged.finish(status === 'done' ? 'ok' : status, {exitCode, signal}, status === 'done' ? undefined : (failure ?? (said || undefined)));
				await refreshNamespaces([ns]);
			})();
		},
		[system, dispatch, dryRun, logFile, refreshNamespaces],
	);

	const stop = useCallback(() => abort.current?.abort(), []);
	const close = useCallback(() => {
		abort.current?.abort();
		dispatch({type: 'closeOverlay'});
	}, [dispatch]);

	return {run, openForm, start, stop, close};
}
