// Several servers in one app (`nsdeck --host h1 --host h2`): one world per server. The app's state holds
// the active server's world (the selected namespace's); the others are kept by fleet-sync.ts and drawn in
// the namespaces pane under their host. Moving the selection past a server's last namespace goes on to the
// next server's first: pure here, so it is tested without a terminal.
import type {Netns, World} from '../model/types.js';
import type {ConnectionState} from '../system/ssh-keeper.js';
import type {AppState} from './app-state.js';
import {filterNamespaces} from './filter.js';
import {moveIndex, type Move} from './navigation.js';
import {visibleNamespaces} from './selectors.js';

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
	/** Folded with Enter on its heading: only the heading is listed. */
	readonly folded: boolean;
	/** The cursor is on this server's heading (the active server's only). */
	readonly cursor: boolean;
}

/** The groups the namespaces pane draws: the active server's from the app state, the others filtered alike. */
export function namespaceGroups(state: AppState, hosts: readonly FleetHost[], active: number, folded: ReadonlySet<string> = new Set()): NamespaceGroup[] {
	return hosts.map((h, i) => ({
		host: h.dest,
		namespaces: i === active ? visibleNamespaces(state) : filterNamespaces(h.world?.namespaces ?? [], state.filters.namespaces),
		stale: !h.connection.up,
		lastRead: h.connection.lastRead,
		active: i === active,
		// The active server opens while one of its namespaces is selected (by the map, a filter, a jump).
		folded: folded.has(h.dest) && !(i === active && state.onServerHeading !== true),
		cursor: i === active && state.onServerHeading === true,
	}));
}

/** One row of the pane with several servers: a server's heading, or one of its namespaces. */
export type FleetRow = {readonly host: number; readonly heading: true} | {readonly host: number; readonly heading: false; readonly id: string};

/** The rows as the pane lists them: each heading, then its namespaces unless folded. */
export function fleetRows(groups: readonly NamespaceGroup[]): FleetRow[] {
	return groups.flatMap((g, host): FleetRow[] => [{host, heading: true}, ...(g.folded ? [] : g.namespaces.map((ns) => ({host, heading: false as const, id: ns.id})))]);
}

/**
 * Where a move in the namespaces pane lands, headings included (↑ from a server's first namespace is its
 * heading, ↓ from a folded heading the next server's); undefined where the focus is elsewhere.
 */
export function fleetMove(state: AppState, groups: readonly NamespaceGroup[], move: Move, page: number): FleetRow | undefined {
	const active = groups.findIndex((g) => g.active);
	if (active < 0 || state.focus !== 'namespaces') return undefined;
	const rows = fleetRows(groups);
	const here = rows.findIndex((r) => r.host === active && (state.onServerHeading ? r.heading : !r.heading && r.id === state.selectedNs));
	// A selection the filter hides, or a folded server's: from its heading.
	const from = here >= 0 ? here : rows.findIndex((r) => r.host === active && r.heading);
	return rows[moveIndex(from, rows.length, move, page)];
}
