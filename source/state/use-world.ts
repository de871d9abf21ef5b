// Reads the world on start and on request; the screen shows what the kernel says.
import {useCallback, useEffect} from 'react';
import type {System} from '../system/system.js';
import type {Action} from './reducer.js';

export function useWorld(system: System, dispatch: (action: Action) => void): {refresh: () => Promise<void>; refreshNamespaces: (ids: readonly string[]) => Promise<void>} {
	const refresh = useCallback(async () => {
		dispatch({type: 'loading'});
		try {
			dispatch({type: 'worldLoaded', world: await system.readWorld()});
		} catch (error) {
			dispatch({type: 'loadFailed', error: error instanceof Error ? error.message : String(error)});
		}
	}, [system, dispatch]);

	const refreshNamespaces = useCallback(
		async (ids: readonly string[]) => {
			for (const id of ids) dispatch({type: 'namespaceLoaded', id, netns: await system.readNamespace(id)});
		},
		[system, dispatch],
	);

	useEffect(() => {
		void refresh();
	}, [refresh]);

	return {refresh, refreshNamespaces};
}
