// The app's state and its named actions. Selection is kept by key (namespace id, link name, route key),
// never by index, so it survives the world being read again.
import {buildTopology, type Topology} from '../model/topology.js';
import type {NamespaceListing, Netns, World} from '../model/types.js';
import type {LogEntry} from '../plans/run-plan.js';
import {PANES, type AppState, type Overlay, type Pane} from './app-state.js';
import type {FirstRead} from '../system/first-read.js';
import {HOST_ID} from '../model/types.js';
import {clearFilter, endFilter, setFilterText, startFilter} from './filter-state.js';
import {dropStaleJumpNote, jumpTo, otherEnd} from './other-end.js';
import {listedWorld, mergeNamespaces, withoutNamespace, type ReadProgress} from './world-updates.js';
import {readWorldOf, shownWorld} from './planned-state.js';
import type {Plan} from '../plans/plan.js';
import type {NamespaceTraffic} from '../model/traffic/rates.js';
import type {Qdisc} from '../model/traffic/qdisc.js';


export type Action =
	| {readonly type: 'worldLoaded'; readonly world: World}
	| {readonly type: 'namespaceLoaded'; readonly id: string; readonly netns?: Netns}
	| {readonly type: 'loadFailed'; readonly error: string}
	| {readonly type: 'loading'}
	| {readonly type: 'focus'; readonly pane: Pane}
	| {readonly type: 'cycleFocus'; readonly step: 1 | -1}
	| {readonly type: 'selectNs'; readonly id: string}
	| {readonly type: 'selectLink'; readonly name: string}
	| {readonly type: 'selectRoute'; readonly key: string}
	| {readonly type: 'openOverlay'; readonly overlay: Overlay}
	| {readonly type: 'closeOverlay'}
	| {readonly type: 'scrollOverlay'; readonly step: number}
	| {readonly type: 'message'; readonly text: string; readonly tone: 'info' | 'error'}
	| {readonly type: 'logged'; readonly entry: LogEntry}
	| {readonly type: 'select'; readonly ns: string; readonly link?: string}
	| {readonly type: 'namespacesListed'; readonly listing: NamespaceListing}
	| {readonly type: 'namespacesLoaded'; readonly namespaces: readonly Netns[]}
	| {readonly type: 'readProgress'; readonly progress?: ReadProgress}
	| {readonly type: 'filterStart'}
	| {readonly type: 'filterText'; readonly text: string}
	| {readonly type: 'filterEnd'}
	| {readonly type: 'filterClear'}
	/** `o`: to the selected interface's other end (veth peer, lower device), or back. */
	| {readonly type: 'otherEnd'}
	/** Dry run: a confirmed plan, recorded and shown as planned, not run. */
	| {readonly type: 'planned'; readonly plan: Plan}
	/** A reading of the selected namespace's counters, with the rates it gives (traffic-sync.ts). */
	| {readonly type: 'traffic'; readonly traffic: NamespaceTraffic}
	| {readonly type: 'qdiscs'; readonly nsId: string; readonly list: readonly Qdisc[]}
	/** Another server's namespace was chosen (state/fleet.ts): its world, as last read, replaces this one. */
	| {readonly type: 'switchWorld'; readonly world?: World; readonly ns: string; readonly heading?: boolean}
	/** Several servers: the cursor onto the active server's heading (true), or back to its namespace. */
	| {readonly type: 'serverHeading'; readonly on: boolean};

const emptyTopology: Topology = {peers: new Map(), ports: new Map(), lowers: new Map(), members: new Map()};

export const initialState: AppState = {
	topology: emptyTopology,
	loading: true,
	focus: 'namespaces',
	selectedNs: HOST_ID,
	selectedLink: {},
	selectedRoute: {},
	log: [],
	overlayScroll: 0,
	filters: {},
};

/** Keep the selected namespace if it still exists; else its neighbour in the old order; else the host. */
function keepSelection(old: World | undefined, next: World, selected: string): string {
	if (next.namespaces.some((n) => n.id === selected)) return selected;
	const oldIndex = old?.namespaces.findIndex((n) => n.id === selected) ?? -1;
	const neighbour = next.namespaces[Math.min(Math.max(oldIndex, 0), next.namespaces.length - 1)];
	return neighbour?.id ?? HOST_ID;
}

function withWorld(state: AppState, read: World): AppState {
	// Same world (a read that changed nothing): no new topology, no render.
	if (read === readWorldOf(state) && !state.loading && !state.error) return state;
	return showWorld(state, read);
}

/** The world as read, with what a dry run planned on top (planned-state.ts). */
function showWorld(state: AppState, read: World): AppState {
	const world = shownWorld(read, state.planned);
	return {
		...state,
		world,
		readWorld: world === read ? undefined : read,
		topology: buildTopology(world),
		loading: false,
		error: undefined,
		selectedNs: keepSelection(state.world, world, state.selectedNs),
	};
}

/** A read of one namespace: gone, or merged as a batch's are (a read that says the same keeps the world). */
const replaceNamespace = (world: World, id: string, netns: Netns | undefined): World => (netns ? mergeNamespaces(world, [netns]) : withoutNamespace(world, id));

export function reducer(state: AppState, action: Action): AppState {
	// A status that says what o does is dropped once o does something else.
	const next = dropStaleJumpNote(step(state, action));
	// A namespace selected by any means (a move, the map, a jump, a filter) takes the cursor off a heading.
	return next.onServerHeading && next.selectedNs !== state.selectedNs && action.type !== 'switchWorld' ? {...next, onServerHeading: false} : next;
}

function step(state: AppState, action: Action): AppState {
	switch (action.type) {
		case 'worldLoaded':
			return withWorld(state, action.world);
		case 'namespaceLoaded':
			return state.world ? withWorld(state, replaceNamespace(readWorldOf(state) ?? state.world, action.id, action.netns)) : state;
		case 'loadFailed':
			return {...state, loading: false, error: action.error};
		case 'loading':
			return {...state, loading: true};
		case 'focus':
			return {...state, focus: action.pane};
		case 'cycleFocus': {
			const index = PANES.indexOf(state.focus);
			return {...state, focus: PANES[(index + action.step + PANES.length) % PANES.length]};
		}
		case 'selectNs':
			return {...state, selectedNs: action.id, onServerHeading: false};
		case 'selectLink':
			return {...state, selectedLink: {...state.selectedLink, [state.selectedNs]: action.name}};
		case 'selectRoute':
			return {...state, selectedRoute: {...state.selectedRoute, [state.selectedNs]: action.key}};
		case 'openOverlay':
			// A status message speaks of what came before: the next overlay ends it.
			return {...state, overlay: action.overlay, overlayScroll: 0, message: undefined};
		case 'scrollOverlay':
			// Each overlay clamps this to what it shows: help counts from its top, the log from its end.
			return {...state, overlayScroll: state.overlayScroll + action.step};
		case 'closeOverlay':
			return {...state, overlay: undefined};
		case 'message':
			return {...state, message: {text: action.text, tone: action.tone}};
		case 'logged': {
			// An entry with an id (a running ping) is replaced in place when it ends.
			const id = action.entry.id;
			const at = id === undefined ? -1 : state.log.findIndex((e) => e.id === id);
			return {...state, log: at < 0 ? [...state.log, action.entry] : state.log.map((e, i) => (i === at ? action.entry : e))};
		}
		case 'select':
			return {
				...state,
				selectedNs: action.ns,
				selectedLink: action.link ? {...state.selectedLink, [action.ns]: action.link} : state.selectedLink,
			};
		case 'namespacesListed': {
			const next = withWorld(state, listedWorld(readWorldOf(state), action.listing.places));
			const unseen = action.listing.unseen;
			return JSON.stringify(unseen) === JSON.stringify(state.unseen ?? {}) ? next : {...next, unseen};
		}
		case 'namespacesLoaded':
			return withWorld(state, mergeNamespaces(readWorldOf(state), action.namespaces));
		case 'planned': {
			const read = readWorldOf(state);
			const planned = {...state, planned: [...(state.planned ?? []), action.plan]};
			return read ? showWorld(planned, read) : planned;
		}
		case 'traffic':
			return {...state, traffic: action.traffic};
		case 'qdiscs':
			return {...state, qdiscs: {nsId: action.nsId, list: action.list}};
		case 'readProgress':
			return {...state, progress: action.progress};
		case 'switchWorld': {
			// What belonged to the other server's world goes with it: a dry run's plans were planned there.
			const fresh: AppState = {...state, world: undefined, readWorld: undefined, planned: undefined, topology: emptyTopology, traffic: undefined, qdiscs: undefined, jump: undefined, progress: undefined, error: undefined, loading: true};
			return {...(action.world ? showWorld(fresh, action.world) : fresh), selectedNs: action.ns, onServerHeading: action.heading === true};
		}
		case 'serverHeading':
			return {...state, onServerHeading: action.on};
		case 'filterStart':
			return startFilter(state);
		case 'filterText':
			return setFilterText(state, action.text);
		case 'filterEnd':
			return endFilter(state);
		case 'filterClear':
			return clearFilter(state);
		case 'otherEnd': {
			const end = otherEnd(state);
			if (!end) return state;
			return 'none' in end ? {...state, message: {text: end.none, tone: 'info'}} : jumpTo(state, end);
		}
	}
}

/** The state as the first read leaves it, as if it had been dispatched; for the first frame. */
export function stateAfterFirstRead({listing, first}: FirstRead): AppState {
	const listed = reducer(initialState, {type: 'namespacesListed', listing});
	return first ? reducer(listed, {type: 'namespacesLoaded', namespaces: [first]}) : listed;
}
