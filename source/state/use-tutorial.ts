// The tutorial of this session, if one is open: its progress (hints asked for), its steps' status against
// the live world and the pings in the command log, and its keys — h for the next hint, T to hide or show
// the panel. Each tutorial opened keeps its progress while the app (and so the lab) lives.
import {useInput} from 'ink';
import {useCallback, useMemo, useState} from 'react';
import {keyName} from '../key-name.js';
import {findBinding} from '../keymap.js';
import type {Tutorial} from '../model/tutorial/types.js';
import type {AppState} from './app-state.js';
import {currentStep, startProgress, stepStatuses, withNextHint, type TutorialProgress} from './tutorial-progress.js';

export interface TutorialView {
	readonly progress: TutorialProgress;
	readonly statuses: readonly boolean[];
	readonly visible: boolean;
}

export interface TutorialControls {
	readonly view?: TutorialView;
	/** Open a tutorial (again: where it was left); the learner's commands are the log's from `logFrom` on. */
	open(tutorial: Tutorial, logFrom: number): void;
}

export function useTutorial(initial: Tutorial | undefined, state: AppState, isActive: boolean): TutorialControls {
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
	const open = useCallback((tutorial: Tutorial, logFrom: number) => {
		setAll((now) => (now.has(tutorial.name) ? now : new Map(now).set(tutorial.name, startProgress(tutorial, logFrom))));
		setName(tutorial.name);
		setVisible(true);
	}, []);
	useInput(
		(input, key) => {
			const binding = findBinding(keyName(input, key), ['tutorial']);
			if (binding?.id === 'tutorialHint') update((p) => withNextHint(p, currentStep(statuses)));
			if (binding?.id === 'tutorialToggle') setVisible((v) => !v);
		},
		{isActive: isActive && progress !== undefined},
	);
	return {view: progress && {progress, statuses, visible}, open};
}
