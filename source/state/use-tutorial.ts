// The tutorial of this session, if one is open: its progress (hints asked for, pings run), its steps'
// status against the live world, and its keys — h for the next hint, T to hide or show the panel. Each
// tutorial opened keeps its progress while the app (and so the lab) lives.
import {useInput} from 'ink';
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {keyName} from '../key-name.js';
import {findBinding} from '../keymap.js';
import type {PingRecord, Tutorial} from '../model/tutorial/types.js';
import type {AppState} from './app-state.js';
import type {PingRun} from './ping-runs.js';
import {currentStep, startProgress, stepStatuses, withNextHint, withPing, type TutorialProgress} from './tutorial-progress.js';

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

/** A finished ping run as the checks see it: from the namespace it ran in, answered when it succeeded. */
const pingRecord = (run: PingRun): PingRecord | undefined =>
	run.status === 'done' || run.status === 'failed' ? {from: run.request.ns, to: run.request.target, answered: run.status === 'done'} : undefined;

export function useTutorial(initial: Tutorial | undefined, state: AppState, pingRuns: readonly PingRun[], isActive: boolean): TutorialControls {
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
	// Each finished ping counts once, for the tutorial open when it finished.
	const counted = useRef(new Set<number>());
	useEffect(() => {
		for (const run of pingRuns) {
			const record = pingRecord(run);
			if (!record || counted.current.has(run.id)) continue;
			counted.current.add(run.id);
			update((p) => withPing(p, record));
		}
	}, [pingRuns, update]);
	const statuses = useMemo(() => (progress ? stepStatuses(progress, state.world, state.topology) : []), [progress, state.world, state.topology]);
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
