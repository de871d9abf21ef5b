// The app's tie to the live rates (state/traffic-sync.ts): started while the app is mounted, told how
// many rows the terminal has now (a reading renders only for links whose rows can be on screen) and
// whether the rows show rates at this width.
import {useEffect, useMemo, useRef} from 'react';
import type {System} from '../../system/system.js';
import type {Action} from '../../state/reducer.js';
import type {AppState} from '../../state/app-state.js';
import {createTrafficSync} from '../../state/traffic-sync.js';

/** `ratesInRows`: whether the interfaces pane is wide enough to show rates on its rows (rowsShowRates). */
export function useTraffic(system: System, dispatch: (action: Action) => void, getState: () => AppState, rows: number, ratesInRows: boolean): void {
	const screen = useRef({rows, ratesInRows});
	screen.current = {rows, ratesInRows};
	const sync = useMemo(() => createTrafficSync(system, dispatch, getState, {rowsOnScreen: () => screen.current.rows, ratesInRows: () => screen.current.ratesInRows}), [system, dispatch, getState]);
	useEffect(() => {
		sync.start();
		return () => sync.stop();
	}, [sync]);
}
