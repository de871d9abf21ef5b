// The tutorial of this session, if one was opened: its progress (hints asked for, pings run), its steps'
// status against the live world, and its keys — h for the next hint, T to hide or show the panel.
import {useInput} from 'ink';
import {useEffect, useMemo, useRef, useState} from 'react';
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

/** A finished ping run as the checks see it: from the namespace it ran in, answered when it succeeded. */
const pingRecord = (run: PingRun): PingRecord | undefined =>
	run.status === 'done' || run.status === 'failed' ? {from: run.request.ns, to: run.request.target, answered: run.status === 'done'} : undefined;

export function useTutorial(tutorial: Tutorial | undefined, state: AppState, pingRuns: readonly PingRun[], isActive: boolean): TutorialView | undefined {
	const [progress, setProgress] = useState(() => tutorial && startProgress(tutorial, state.log.length));
	const [visible, setVisible] = useState(true);
	// Each finished ping counts once, however often the runs re-render.
	const counted = useRef(new Set<number>());
	useEffect(() => {
		for (const run of pingRuns) {
			const record = pingRecord(run);
			if (!record || counted.current.has(run.id)) continue;
			counted.current.add(run.id);
			setProgress((p) => p && withPing(p, record));
		}
	}, [pingRuns]);
	const statuses = useMemo(() => (progress ? stepStatuses(progress, state.world, state.topology) : []), [progress, state.world, state.topology]);
	useInput(
		(input, key) => {
			const binding = findBinding(keyName(input, key), ['tutorial']);
			if (binding?.id === 'tutorialHint') setProgress((p) => (p && withNextHint(p, currentStep(statuses))) ?? p);
			if (binding?.id === 'tutorialToggle') setVisible((v) => !v);
		},
		{isActive: isActive && progress !== undefined},
	);
	return progress && {progress, statuses, visible};
}
