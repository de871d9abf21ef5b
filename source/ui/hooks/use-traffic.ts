// The app's tie to the live rates (state/traffic-sync.ts): started while the app is mounted, told how
// many rows the terminal has now (a reading renders only for links whose rows can be on screen).
import {useEffect, useMemo, useRef} from 'react';
import type {System} from '../../system/system.js';
import type {Action} from '../../state/reducer.js';
import type {AppState} from '../../state/app-state.js';
import {createTrafficSync} from '../../state/traffic-sync.js';

export function useTraffic(system: System, dispatch: (action: Action) => void, getState: () => AppState, rows: number): void {
	const rowsNow = useRef(rows);
	rowsNow.current = rows;
	const sync = useMemo(() => createTrafficSync(system, dispatch, getState, Date.now, () => rowsNow.current), [system, dispatch, getState]);
	useEffect(() => {
		sync.start();
		return () => sync.stop();
	}, [sync]);
}
