// p: the ping form, then the ping streaming into the panel; Esc stops it (the process is killed), and when
// it failed, the world is read again and the failure explained from it.
import {useCallback, useEffect, useReducer, useRef} from 'react';
import {explainPing} from '../../model/diagnosis/diagnose.js';
import type {Evidence} from '../../model/diagnosis/evidence.js';
import {traceLines} from '../../model/diagnosis/way-lines.js';
import {crossingLines} from '../../model/diagnosis/across-hosts.js';
import {acrossFleet, readFarAfter, readFarBefore, type FleetPing} from './far-firewalls.js';
import type {Fix} from '../../model/diagnosis/fix.js';
import {fixForm} from '../../state/ping-fix.js';
import {lostEchoes, pingFailed, type PingOutcome} from '../../model/diagnosis/outcome.js';
import {parsePingLine, parsePingSummary} from '../../model/ping-output.js';
import {pingArgv, pingTimeoutMs, type PingRequest} from '../../plans/exec-commands.js';
import type {CommandResult} from '../../system/runner.js';
import type {System} from '../../system/system.js';
import {nsDisplayName} from '../../model/netns-id.js';
import {logRun} from '../../state/command-log.js';
import {pingForm} from '../../plans/forms/exec-forms.js';
import {pingRunsReducer, type PingRun, type RunStatus} from '../../state/ping-runs.js';
import type {Action} from '../../state/reducer.js';
import type {AppState} from '../../state/app-state.js';
import {currentNs, noNamespaceText} from '../../state/selectors.js';

export interface PingControls {
	readonly runs: readonly PingRun[];
	/** Open the form for the selected namespace, starting from the last ping's values. */
	openForm(): void;
	start(request: PingRequest): void;
	/** Stop the running ping (Esc); the panel stays, showing what came back. */
	stop(): void;
	close(): void;
	/** Open the plan of the fix the diagnosis offers (a firewall's command is only said). */
	applyFix(fix: Fix | undefined): void;
}

export function usePing(
	system: System,
	getState: () => AppState,
	dispatch: (action: Action) => void,
	refresh: () => Promise<void>,
	{logFile, fleet}: {readonly logFile?: string; readonly fleet?: FleetPing} = {},
): PingControls {
	const [runs, update] = useReducer(pingRunsReducer, []);
	const abort = useRef<AbortController | undefined>(undefined);
	const nextId = useRef(1);
	const last = useRef<PingRequest | undefined>(undefined);
	// The servers as they are when a ping starts and ends (a new object each render).
	const servers = useRef(fleet);
	servers.current = fleet;

	// Leaving the app (or this hook) must not leave a ping behind.
	useEffect(() => () => abort.current?.abort(), []);

	const openForm = useCallback(() => {
		const state = getState();
		const ns = currentNs(state);
		if (!state.world || !ns) return dispatch({type: 'message', tone: 'error', text: noNamespaceText(getState())});
		const previous = last.current?.ns === ns.id ? last.current : undefined;
		dispatch({type: 'openOverlay', overlay: {kind: 'exec', view: {panel: 'pingForm', spec: pingForm(state.world, ns.id, previous)}}});
	}, [getState, dispatch]);

	const start = useCallback(
		(request: PingRequest) => {
			const stream = system.stream;
			if (!stream) return dispatch({type: 'message', tone: 'error', text: 'this system cannot run ping'});
			abort.current?.abort();
			const controller = new AbortController();
			abort.current = controller;
			last.current = request;
			const id = nextId.current++;
			const argv = pingArgv(request);
			update({type: 'start', run: {id, request, argv, lines: [], status: 'running'}});
			dispatch({type: 'openOverlay', overlay: {kind: 'exec', view: {panel: 'ping'}}});
			const icmpErrors: string[] = [];
			// Logged like every command, but as one that only looked: a script never pings again.
			const logged = logRun(dispatch, logFile, {argv, plan: `Ping ${request.target} from ${nsDisplayName(request.ns)}`, looks: true});
			const before = getState().world;
			// The firewalls' counters before the ping, so the rule that drops its echoes can be named after it.
			const earlier = before && system.readEvidence ? system.readEvidence(before, request.ns, request.target).catch(() => undefined) : Promise.resolve(undefined);
			// And on the server its echo crosses to through a tunnel, where there is one.
			const farEarlier = before ? readFarBefore(servers.current, before, request.ns, request.target) : Promise.resolve(undefined);
			void (async () => {
				await Promise.all([earlier, farEarlier]);
				let outcome: PingOutcome;
				let ended: CommandResult | undefined;
				try {
					// SIGINT first: ping then prints its statistics for what it sent before it stopped.
					const result = await stream(argv, {
						signal: controller.signal,
						timeoutMs: pingTimeoutMs(request),
						killSignal: 'SIGINT',
						onLine(text, from) {
							const line = parsePingLine(text);
							if (line.kind === 'error') icmpErrors.push(line.text);
							update({type: 'line', id, line: {text, from}});
						},
					});
					ended = result;
					const stopped = controller.signal.aborted;
					const errorText = result.stderr.trim() || (stopped ? undefined : result.failure);
					outcome = {summary: parsePingSummary(result.stdout), errorText, icmpErrors, stopped};
				} catch (error) {
					outcome = {errorText: error instanceof Error ? error.message : String(error), icmpErrors, stopped: false};
				}
				const failed = pingFailed(outcome);
				const status: RunStatus = outcome.stopped ? 'stopped' : failed ? 'failed' : 'done';
				update({type: 'finished', id, status, summary: outcome.summary, error: outcome.errorText});
				logged.finish(status === 'done' ? 'ok' : status, ended, status === 'done' ? undefined : outcome.errorText?.split('\n')[0]);
				if (abort.current === controller) abort.current = undefined;
				if (!failed && !outcome.errorText) return;
				// Explain from what the kernel says now, not from what the screen showed before.
				await refresh();
				const world = getState().world;
				if (!world) return update({type: 'diagnosed', id, reasons: []});
				const evidence: Evidence | undefined = system.readEvidence ? await system.readEvidence(world, request.ns, request.target, await earlier).catch(() => undefined) : undefined;
				const far = await readFarAfter(await farEarlier, lostEchoes(outcome));
				const explained = explainPing(world, request.ns, request.target, outcome, evidence, acrossFleet(servers.current?.map(), far));
				const way = crossingLines(traceLines(explained.trace, explained.firewall), explained.crossing);
				update({type: 'diagnosed', id, reasons: explained.reasons, way, fix: explained.fix});
			})();
		},
		[system, getState, dispatch, refresh, logFile],
	);

	const stop = useCallback(() => abort.current?.abort(), []);
	const close = useCallback(() => {
		abort.current?.abort();
		dispatch({type: 'closeOverlay'});
	}, [dispatch]);

	const applyFix = useCallback(
		(fix: Fix | undefined) => {
			const world = getState().world;
			if (!fix || !world) return dispatch({type: 'message', tone: 'error', text: 'no fix to offer: nothing on the way has a one-step repair'});
			const form = fixForm(world, fix);
			if (typeof form === 'string') dispatch({type: 'message', tone: fix.kind === 'command' ? 'info' : 'error', text: form});
			else dispatch({type: 'openOverlay', overlay: {kind: 'form', spec: form}});
		},
		[getState, dispatch],
	);

	return {runs, openForm, start, stop, close, applyFix};
}
