// C: capture an interface's packets with tcpdump inside its namespace. The form takes a filter; after
// Enter tcpdump compiles it (`-d`, capturing nothing) and a refusal opens the form again with tcpdump's
// message; then one tcpdump writes the pcap and prints each packet, which streams into the output panel
// (a bounded ring, as x's). Esc stops it; s keeps the pcap, else it is removed when the panel closes.
// Like x's command, tcpdump runs in a process group of its own and dies with nsdeck (system/runner.ts).
import {useCallback, useEffect, useRef, useState} from 'react';
import {nsDisplayName} from '../../model/netns-id.js';
import {isRawName, NOT_UTF8} from '../../model/raw-names.js';
import {captureArgv, CAPTURE_LINES, filterCheckArgv, type CaptureRequest} from '../../plans/capture-commands.js';
import {MAX_TIMER_MS} from '../../plans/exec-commands.js';
import {captureForm, refusalOf} from '../../plans/forms/capture-form.js';
import type {CommandResult} from '../../system/runner.js';
import type {System} from '../../system/system.js';
import {logRun} from '../../state/command-log.js';
import {lineBatcher} from '../../state/line-batcher.js';
import type {RunStatus} from '../../state/ping-runs.js';
import type {Action} from '../../state/reducer.js';
import type {AppState} from '../../state/app-state.js';
import {currentNs, selectedLink} from '../../state/selectors.js';
import type {CommandRun} from './use-command.js';

/** tcpdump -d opens the interface and compiles: quick, unless something hangs. */
export const FILTER_CHECK_TIMEOUT_MS = 10_000;
/** Of each chunk a flood prints, the newest lines the panel gets; the rest count as unseen. */
const LINES_PER_CHUNK = 1_000;

export const LOCAL_ONLY = 'capture runs on this machine only: over --host the pcap would be on the server (run nsdeck there)';

export interface CaptureRun extends CommandRun {
	readonly request: CaptureRequest;
	/** tcpdump is compiling the filter; the capture has not started. */
	readonly checking?: boolean;
	/** The pcap tcpdump writes, by its full path. */
	readonly file?: string;
	/** Kept: not removed when the panel closes. */
	readonly kept?: boolean;
}

export interface CaptureControls {
	readonly run?: CaptureRun;
	/** The form for the selected interface, or a line saying why not (no tcpdump, over SSH). */
	openForm(): void;
	start(request: CaptureRequest): void;
	stop(): void;
	keep(): void;
	close(): void;
}

export interface CaptureOptions {
	readonly logFile?: string;
}

/** What tcpdump said when it refused, as it said it: its last `tcpdump: …` line (a detail in brackets may follow), else its last line. */
function refusal(result: Partial<CommandResult>): string {
	const lines = (result.stderr ?? '').trim().split('\n').filter(Boolean);
	const said = lines.filter((line) => line.startsWith('tcpdump: ')).at(-1) ?? lines.at(-1);
	return said ?? result.failure ?? `tcpdump -d ended with exit status ${result.exitCode ?? '?'}`;
}

export function useCapture(system: System, getState: () => AppState, dispatch: (action: Action) => void, {logFile}: CaptureOptions): CaptureControls {
	const [run, setRun] = useState<CaptureRun | undefined>(undefined);
	const abort = useRef<AbortController | undefined>(undefined);
	// The pcap of the last capture while nobody kept it: removed when the panel closes or nsdeck quits.
	const unkept = useRef<string | undefined>(undefined);
	const last = useRef<CaptureRequest | undefined>(undefined);
	const discard = useCallback(() => {
		const file = unkept.current;
		unkept.current = undefined;
		// tcpdump may still be writing (Esc was just sent): an unlinked file is gone once it lets go.
		if (file) system.captures?.discard(file);
	}, [system]);
	useEffect(
		() => () => {
			abort.current?.abort();
			discard();
		},
		[discard],
	);

	const openForm = useCallback(() => {
		const state = getState();
		const ns = currentNs(state);
		const link = selectedLink(state);
		const say = (text: string): void => dispatch({type: 'message', tone: 'error', text});
		if (!ns || !link) return say('select an interface to capture on');
		if (!system.captures) return say(LOCAL_ONLY);
		const missing = system.captures.missing();
		if (missing) return say(missing);
		if (isRawName(link.name)) return say(`cannot capture there: ${NOT_UTF8}`);
		const previous = last.current?.ns === ns.id && last.current.link === link.name ? last.current.filter : '';
		dispatch({type: 'openOverlay', overlay: {kind: 'exec', view: {panel: 'captureForm', spec: captureForm(ns.id, link.name, previous)}}});
	}, [system, getState, dispatch]);

	const start = useCallback(
		(request: CaptureRequest) => {
			const {captures, stream} = system;
			if (!captures || !stream) return dispatch({type: 'message', tone: 'error', text: LOCAL_ONLY});
			abort.current?.abort();
			discard();
			const controller = new AbortController();
			abort.current = controller;
			last.current = request;
			const checkArgv = filterCheckArgv(request);
			setRun({request, ns: request.ns, argv: checkArgv, lines: [], status: 'running', checking: true});
			dispatch({type: 'openOverlay', overlay: {kind: 'exec', view: {panel: 'capture'}}});
			const mine = (r: CaptureRun | undefined): r is CaptureRun => r?.request === request;
			void (async () => {
				const checked: Partial<CommandResult> = await system.run(checkArgv, {timeoutMs: FILTER_CHECK_TIMEOUT_MS, signal: controller.signal}).catch((error: unknown) => ({exitCode: -1, failure: error instanceof Error ? error.message : String(error)}));
				if (controller.signal.aborted) {
					setRun((r) => (mine(r) ? {...r, checking: false, status: 'stopped', failure: 'stopped before the capture started'} : r));
					return;
				}
				if (checked.exitCode !== 0 || checked.failure) {
					// Back to the form, on the same filter, with what tcpdump said of it.
					setRun(undefined);
					const spec = captureForm(request.ns, request.link, request.filter, refusalOf(refusal(checked), request.link));
					dispatch({type: 'openOverlay', overlay: {kind: 'exec', view: {panel: 'captureForm', spec}}});
					return;
				}
				let file: string;
				try {
					file = captures.newFile(request.ns, request.link);
				} catch (error) {
					const failure = `cannot make the pcap file: ${error instanceof Error ? error.message : String(error)}`;
					setRun((r) => (mine(r) ? {...r, checking: false, status: 'failed', failure} : r));
					return;
				}
				unkept.current = file;
				const argv = captureArgv(request, file);
				setRun((r) => (mine(r) ? {...r, argv, checking: false, file} : r));
				const lines = lineBatcher(
					(batch, droppedWaiting) =>
						setRun((r) => {
							if (!mine(r)) return r;
							const all = [...r.lines, ...batch];
							const dropped = (r.dropped ?? 0) + droppedWaiting + Math.max(all.length - CAPTURE_LINES, 0);
							return {...r, lines: all.slice(-CAPTURE_LINES), dropped};
						}),
					CAPTURE_LINES,
				);
				// Logged as one that only looked: a script never captures again.
				const logged = logRun(dispatch, logFile, {argv, plan: `Capture on ${request.link} in ${nsDisplayName(request.ns)}`, looks: true});
				let result: Partial<CommandResult>;
				try {
					// Until Esc: no timeout of its own (the longest timer Node can set).
					result = await stream(argv, {
						signal: controller.signal,
						timeoutMs: MAX_TIMER_MS,
						onLine: (text, from) => lines.add({text, from}),
						linesPerChunk: LINES_PER_CHUNK,
						onDropped: (count) => lines.drop(count),
					});
				} catch (error) {
					result = {exitCode: -1, failure: error instanceof Error ? error.message : String(error)};
				}
				lines.flush();
				const stopped = controller.signal.aborted;
				const status: RunStatus = stopped ? 'stopped' : result.exitCode === 0 && !result.failure ? 'done' : 'failed';
				setRun((r) => (mine(r) ? {...r, status, exitCode: result.exitCode, failure: result.failure} : r));
				if (abort.current === controller) abort.current = undefined;
				logged.finish(status === 'done' ? 'ok' : status, result, status === 'failed' ? refusal(result) : undefined);
			})();
		},
		[system, dispatch, discard, logFile],
	);

	const stop = useCallback(() => abort.current?.abort(), []);
	const keep = useCallback(() => {
		const file = unkept.current;
		if (!file) return;
		unkept.current = undefined;
		setRun((r) => (r?.file === file ? {...r, kept: true} : r));
	}, []);
	const close = useCallback(() => {
		abort.current?.abort();
		discard();
		dispatch({type: 'closeOverlay'});
	}, [discard, dispatch]);

	return {run, openForm, start, stop, keep, close};
}
