// The tutorial of this session, if one is open: its progress (hints asked for, shells opened), its steps'
// status against the live world and the pings in the command log, and its keys — h for the next hint, T to
// hide or show the panel. Each tutorial opened keeps its progress while the app (and so the lab) lives.
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {useKeys, type KeyLayer} from './key-layer.js';
import {tutorialMisfit, type Misfit} from '../../model/tutorial/fit.js';
import type {Tutorial} from '../../model/tutorial/types.js';
import {confirmForm} from '../../plans/forms/form-spec.js';
import type {Plan} from '../../plans/plan.js';
import {tutorialResetPlan, tutorialSetupPlan} from '../../plans/tutorial-setup-plan.js';
import type {AppState} from '../../state/app-state.js';
import type {Action} from '../../state/reducer.js';
import {echoedNamespaces, watchEchoes} from '../../state/echo-watch.js';
import type {EchoCounters} from '../../model/tutorial/icmp-counters.js';
import {namedId} from '../../model/netns-id.js';
import {HOST_ID} from '../../model/types.js';
import {currentStep, startProgress, stepStatuses, withNextHint, withShell, type TutorialProgress} from '../../state/tutorial-progress.js';

export interface TutorialView {
	readonly progress: TutorialProgress;
	readonly statuses: readonly boolean[];
	readonly visible: boolean;
}

export interface TutorialControls {
	readonly view?: TutorialView;
	/**
	 * Follow a tutorial chosen in the lab's picker. One opened before (the one open included) goes on where
	 * it was left. Else, in a world that fits its start, its setup runs first, as a plan (shown in the
	 * picker, logged); in one that does not, the plan that resets the lab to its world is shown, as any
	 * change is, and the tutorial opens once that plan has run (`ran`).
	 */
	follow(tutorial: Tutorial): Promise<void>;
	/** Why the lab's world does not fit a tutorial not opened yet; undefined when it fits (or was opened). */
	misfit(tutorial: Tutorial): Misfit | undefined;
	/** A form's plan has run (or failed): the tutorial waiting for its reset opens. */
	ran(plan: Plan): void;
}

export interface TutorialDeps {
	readonly dispatch: (action: Action) => void;
	readonly getState: () => AppState;
	readonly execute: (plan: Plan) => Promise<void>;
	/** A namespace's echo counters, for `echoed` checks; absent (a fake system), they never hold. */
	readonly readEchoes?: (id: string) => Promise<EchoCounters | undefined>;
}

/** Whether the plan's commands all ran (or, in a dry run, were planned): its last log entry says so. */
function planRan(state: AppState, plan: Plan): boolean {
	if (state.overlay?.kind === 'result') return false;
	const last = state.log.at(-1);
	return last !== undefined && last.plan === plan.title && (last.status === 'ok' || last.status === 'not run');
}

/** A failed setup says why in the status line, in the kernel's words; the result shows every step. */
function failedText(state: AppState, plan: Plan): string {
	const failed = [...state.log].reverse().find((e) => e.plan === plan.title && e.status === 'failed');
	const why = failed?.error?.split('\n')[0];
	return `✗ ${plan.title} failed${why ? `: ${why}` : ''}`;
}

/** `layer`: the input layer, which gives h and T to the tutorial where the overlay registry says they act. */
export function useTutorial(initial: Tutorial | undefined, state: AppState, layer: KeyLayer, {dispatch, getState, execute, readEchoes}: TutorialDeps): TutorialControls {
	const [all, setAll] = useState<ReadonlyMap<string, TutorialProgress>>(() => new Map(initial ? [[initial.name, startProgress(initial, 0)]] : []));
	const [name, setName] = useState(initial?.name);
	const [visible, setVisible] = useState(true);
	/** The tutorial waiting for the plan that resets the lab to its world. */
	const waiting = useRef<{readonly tutorial: Tutorial; readonly plan: Plan} | undefined>(undefined);
	const progress = name === undefined ? undefined : all.get(name);
	const update = useCallback(
		(change: (p: TutorialProgress) => TutorialProgress | undefined) =>
			setAll((now) => {
				const p = name === undefined ? undefined : now.get(name);
				const next = p && change(p);
				return next && name !== undefined ? new Map(now).set(name, next) : now;
			}),
		[name],
	);
	const [echoes, setEchoes] = useState<ReadonlyMap<string, number>>();
	const followed = progress?.tutorial;
	useEffect(() => {
		setEchoes(undefined);
		if (!followed || !readEchoes) return undefined;
		return watchEchoes(echoedNamespaces(followed), (ns) => readEchoes(ns === HOST_ID ? HOST_ID : namedId(ns)), setEchoes);
	}, [followed, readEchoes]);
	const statuses = useMemo(() => (progress ? stepStatuses(progress, state.world, state.topology, state.log, echoes) : []), [progress, state.world, state.topology, state.log, echoes]);
	// A shell opened while a tutorial is open: the commands it ran cannot be listed, and the list says so.
	const shellNs = state.overlay?.kind === 'exec' && state.overlay.view.panel === 'shell' ? state.overlay.view.ns : undefined;
	useEffect(() => {
		if (shellNs !== undefined) update((p) => withShell(p, {at: getState().log.length, ns: shellNs}));
	}, [shellNs, update, getState]);

	const open = useCallback((tutorial: Tutorial) => {
		const logFrom = getState().log.length;
		setAll((now) => (now.has(tutorial.name) ? now : new Map(now).set(tutorial.name, startProgress(tutorial, logFrom))));
		setName(tutorial.name);
		setVisible(true);
	}, [getState]);
	const misfit = useCallback((tutorial: Tutorial) => {
		const world = getState().world;
		return all.has(tutorial.name) || !world ? undefined : tutorialMisfit(tutorial, world);
	}, [all, getState]);
	const follow = useCallback(
		async (tutorial: Tutorial) => {
			dispatch({type: 'closeOverlay'});
			const world = getState().world;
			if (world && misfit(tutorial)) {
				const plan = tutorialResetPlan(tutorial, world);
				waiting.current = {tutorial, plan};
				dispatch({type: 'openOverlay', overlay: {kind: 'form', spec: confirmForm(plan)}});
				return;
			}
			if (tutorial.setup.length > 0 && !all.has(tutorial.name)) {
				const plan = tutorialSetupPlan(tutorial);
				await execute(plan);
				// A setup that failed (and was rolled back) leaves its result on screen, and no tutorial.
				if (!planRan(getState(), plan)) return dispatch({type: 'message', tone: 'error', text: failedText(getState(), plan)});
			}
			open(tutorial);
		},
		[dispatch, execute, getState, all, misfit, open],
	);
	const ran = useCallback(
		(plan: Plan) => {
			const wanted = waiting.current;
			if (!wanted || wanted.plan.title !== plan.title) return;
			waiting.current = undefined;
			if (planRan(getState(), plan)) open(wanted.tutorial);
			else dispatch({type: 'message', tone: 'error', text: failedText(getState(), plan)});
		},
		[getState, open, dispatch],
	);
	useKeys(
		{
			tutorialHint: () => update((p) => withNextHint(p, currentStep(statuses))),
			tutorialToggle: () => setVisible((v) => !v),
		},
		progress !== undefined,
		layer,
	);
	return {view: progress && {progress, statuses, visible}, follow, misfit, ran};
}
