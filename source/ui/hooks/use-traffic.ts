// The app's tie to the live rates (state/traffic-sync.ts): started while the app is mounted.
import {useEffect, useMemo} from 'react';
import type {System} from '../../system/system.js';
import type {Action} from '../../state/reducer.js';
import type {AppState} from '../../state/app-state.js';
import {createTrafficSync} from '../../state/traffic-sync.js';

export function useTraffic(system: System, dispatch: (action: Action) => void, getState: () => AppState): void {
	const sync = useMemo(() => createTrafficSync(system, dispatch, getState), [system, dispatch, getState]);
	useEffect(() => {
		sync.start();
		return () => sync.stop();
	}, [sync]);
}
