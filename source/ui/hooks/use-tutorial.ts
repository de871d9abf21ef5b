// The tutorial of this session, if one is open: its progress (hints asked for), its steps' status against
// the live world and the pings in the command log, and its keys — h for the next hint, T to hide or show
// the panel. Each tutorial opened keeps its progress while the app (and so the lab) lives.
import {useCallback, useMemo, useState} from 'react';
import {useKeys, type KeyLayer} from './key-layer.js';
import type {Tutorial} from '../../model/tutorial/types.js';
import type {Plan} from '../../plans/plan.js';
import {tutorialSetupPlan} from '../../plans/tutorial-setup-plan.js';
import type {AppState} from '../../state/app-state.js';
import type {Action} from '../../state/reducer.js';
import {currentStep, startProgress, stepStatuses, withNextHint, type TutorialProgress} from '../../state/tutorial-progress.js';

export interface TutorialView {
	readonly progress: TutorialProgress;
	readonly statuses: readonly boolean[];
	readonly visible: boolean;
}

export interface TutorialControls {
	readonly view?: TutorialView;
	/**
	 * Follow a tutorial chosen in the lab's picker: its setup first, as a plan (shown in the picker, logged),
	 * unless it is the one open; then the tutorial, where it was left if it was opened before.
	 */
	follow(tutorial: Tutorial): Promise<void>;
}

export interface TutorialDeps {
	readonly dispatch: (action: Action) => void;
	readonly getState: () => AppState;
	readonly execute: (plan: Plan) => Promise<void>;
}

/** `layer`: the input layer, which gives h and T to the tutorial where the overlay registry says they act. */
export function useTutorial(initial: Tutorial | undefined, state: AppState, layer: KeyLayer, {dispatch, getState, execute}: TutorialDeps): TutorialControls {
	const [all, setAll] = useState<ReadonlyMap<string, TutorialProgress>>(() => new Map(initial ? [[initial.name, startProgress(initial, 0)]] : []));
	const [name, setName] = useState(initial?.name);
	const [visible, setVisible] = useState(true);
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
	const statuses = useMemo(() => (progress ? stepStatuses(progress, state.world, state.topology, state.log) : []), [progress, state.world, state.topology, state.log]);
	const follow = useCallback(
		async (tutorial: Tutorial) => {
			dispatch({type: 'closeOverlay'});
			if (tutorial.setup.length > 0 && tutorial.name !== name) {
				await execute(tutorialSetupPlan(tutorial));
				// A setup that failed (and was rolled back) leaves its result on screen, and no tutorial.
				if (getState().overlay?.kind === 'result') return;
			}
			const logFrom = getState().log.length;
			setAll((now) => (now.has(tutorial.name) ? now : new Map(now).set(tutorial.name, startProgress(tutorial, logFrom))));
			setName(tutorial.name);
			setVisible(true);
		},
		[dispatch, execute, getState, name],
	);
	useKeys(
		{
			tutorialHint: () => update((p) => withNextHint(p, currentStep(statuses))),
			tutorialToggle: () => setVisible((v) => !v),
		},
		progress !== undefined,
		layer,
	);
	return {view: progress && {progress, statuses, visible}, follow};
}
