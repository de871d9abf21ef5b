// Several servers in one app (`nsdeck --host h1 --host h2`): one world per server. The app's state holds
// the active server's world (the selected namespace's); the others are kept by fleet-sync.ts and drawn in
// the namespaces pane under their host. Moving the selection past a server's last namespace goes on to the
// next server's first: pure here, so it is tested without a terminal.
import type {Netns, World} from '../model/types.js';
import type {ConnectionState} from '../system/ssh-keeper.js';
import type {AppState} from './app-state.js';
import {filterNamespaces} from './filter.js';
import {moveIndex, type Move} from './navigation.js';
import {selectedNsIndex, visibleNamespaces} from './selectors.js';

/** One server as the app keeps it. */
export interface FleetHost {
	/** As --host named it. */
	readonly dest: string;
	/** Its world as last read: the active server's is the app state's, the others' fleet-sync.ts's. */
	readonly world?: World;
	readonly connection: ConnectionState;
}

/** A server's namespaces as the pane lists them: under a heading with its name, filtered as the pane is. */
export interface NamespaceGroup {
	readonly host: string;
	readonly namespaces: readonly Netns[];
	/** Disconnected: drawn dim, the heading says since when. */
	readonly stale: boolean;
	readonly lastRead?: number;
	readonly active: boolean;
}

/** The groups the namespaces pane draws: the active server's from the app state, the others filtered alike. */
export function namespaceGroups(state: AppState, hosts: readonly FleetHost[], active: number): NamespaceGroup[] {
	return hosts.map((h, i) => ({
		host: h.dest,
		namespaces: i === active ? visibleNamespaces(state) : filterNamespaces(h.world?.namespaces ?? [], state.filters.namespaces),
		stale: !h.connection.up,
		lastRead: h.connection.lastRead,
		active: i === active,
	}));
}

/** Where a move in the namespaces pane lands when that is on another server; undefined when it stays. */
export function fleetMove(state: AppState, groups: readonly NamespaceGroup[], move: Move, page: number): {readonly host: number; readonly id: string} | undefined {
	const active = groups.findIndex((g) => g.active);
	if (active < 0 || state.focus !== 'namespaces') return undefined;
	const offsets: number[] = [];
	let total = 0;
	for (const g of groups) {
		offsets.push(total);
		total += g.namespaces.length;
	}
	const here = offsets[active] + Math.max(selectedNsIndex(state), 0);
	// Home and End go to the ends of the whole list, as ↑ and ↓ go across servers.
	const target = moveIndex(here, total, move, page);
	let host = -1;
	groups.forEach((g, i) => {
		if (offsets[i] <= target && g.namespaces.length > 0) host = i;
	});
	if (host < 0 || host === active) return undefined;
	return {host, id: groups[host].namespaces[target - offsets[host]].id};
}
