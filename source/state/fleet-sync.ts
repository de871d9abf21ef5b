// The worlds of the servers not active in the app (`nsdeck --host h1 --host h2`): one world sync each,
// over that server's own System (its own ssh master, its own `ip monitor`), into a store of its own. The
// active server's sync is the app's (use-world.ts); when the active server changes, its world is handed
// back here and its sync here starts again, while the newly active one's stops: one live stream per server.
import type {World} from '../model/types.js';
import type {System} from '../system/system.js';
import type {AppState} from './app-state.js';
import {readWorldOf} from './planned-state.js';
import {initialState, reducer, type Action} from './reducer.js';
import {createWorldSync, type WorldSync} from './world-sync.js';

export interface FleetServer {
	/** As --host named it. */
	readonly dest: string;
	readonly system: System;
}

export interface FleetSync {
	/** Makes server `index` the active one (its sync stops here); the one active before keeps `world`. */
	activate(index: number, world?: World): void;
	/** A server's world as last read here (undefined for the active one, whose world the app holds). */
	world(index: number): World | undefined;
	/** Stops every sync. */
	stop(): void;
}

/** Starts every server's sync but `first`'s: the app's own sync reads that one. */
export function createFleetSync(servers: readonly FleetServer[], first: number, changed: () => void): FleetSync {
	const states: AppState[] = servers.map(() => initialState);
	const syncs: WorldSync[] = servers.map((server, i) => {
		const dispatch = (action: Action): void => {
			const next = reducer(states[i], action);
			if (next === states[i]) return;
			states[i] = next;
			changed();
		};
		return createWorldSync(server.system, dispatch, () => states[i]);
	});
	let active = first;
	let stopped = false;
	syncs.forEach((sync, i) => {
		if (i !== first) sync.start();
	});
	return {
		activate(index, world) {
			if (stopped || index === active) return;
			if (world) states[active] = reducer(states[active], {type: 'worldLoaded', world});
			syncs[active].start();
			syncs[index].stop();
			active = index;
			changed();
		},
		world: (index) => (index === active ? undefined : readWorldOf(states[index])),
		stop() {
			stopped = true;
			for (const sync of syncs) sync.stop();
		},
	};
}
