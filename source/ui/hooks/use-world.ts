// The app's tie to world sync (state/world-sync.ts): one sync per system, started while the app is
// mounted. The reading, watching, polling and coalescing live there, tested without rendering.
import {useEffect, useMemo, useRef} from 'react';
import type {FirstRead} from '../../system/first-read.js';
import type {System} from '../../system/system.js';
import type {Action} from '../../state/reducer.js';
import type {AppState} from '../../state/app-state.js';
import {createWorldSync} from '../../state/world-sync.js';

export function useWorld(
	system: System,
	dispatch: (action: Action) => void,
	getState: () => AppState,
	firstRead?: FirstRead,
	lateFirstRead?: Promise<FirstRead | undefined>,
): {refresh: () => Promise<void>; refreshNamespaces: (ids: readonly string[]) => Promise<void>} {
	// The first read (made at start, already in the initial state, or still on its way) serves the first start only.
	const firstReadRef = useRef(firstRead);
	const lateRef = useRef(lateFirstRead);
	const sync = useMemo(() => createWorldSync(system, dispatch, getState), [system, dispatch, getState]);

	useEffect(() => {
		const [given, late] = [firstReadRef.current, lateRef.current];
		firstReadRef.current = undefined;
		lateRef.current = undefined;
		sync.start(given, late);
		return () => sync.stop();
	}, [sync]);

	return useMemo(() => ({refresh: sync.refresh, refreshNamespaces: sync.refreshNamespaces}), [sync]);
}
