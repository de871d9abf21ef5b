// The live rates: once a second, the counters of the selected namespace (the one whose interfaces are on
// screen), and nothing while an overlay other than the detail or the map covers the panes. One reading in flight at
// most. The reading itself is the System's (with the helper, a frame from one long-lived process).
// A reading renders only when the rows that can be on screen would show something else: on a host of
// 1,000 links some link moves a few bytes every second (a router solicitation, a neighbour probe), and a
// render for rows nobody sees was most of the app's idle CPU. A row scrolled into view gets its rate from
// the next reading, compared with what was last rendered.
// A plain module, driven in tests with a fake System and fake timers; ui/hooks/use-traffic.ts ties it to
// the app's life.
import {formatRate, addReading, type NamespaceTraffic} from '../model/traffic/rates.js';
import {isDefaultQdisc} from '../model/traffic/qdisc.js';
import type {System} from '../system/system.js';
import type {AppState} from './app-state.js';
import type {Action} from './reducer.js';
import {selectedLinkIndex, visibleLinks} from './selectors.js';

export const TRAFFIC_POLL_MS = 1_000;

export interface TrafficSync {
	start(): void;
	stop(): void;
}

/** What the panes show of the traffic of `ifindexes`: a new reading that shows the same needs no render. */
const shownText = (traffic: NamespaceTraffic, ifindexes: Iterable<number>): string =>
	[...ifindexes]
		.map((i) => {
			const l = traffic.links.get(i);
			return `${i}:${formatRate(l?.rxRate)}/${formatRate(l?.txRate)}/${l?.errorsRising ?? false}`;
		})
		.join(' ');

/**
 * The links whose rows can be on screen: as many on either side of the selected one as the terminal has
 * rows, whatever the pane's scroll (the detail shows the selected one). Undefined, meaning all, on the
 * map (it marks each busy one) or when the namespace's links are not known.
 */
function linksInView(state: AppState, rowsOnScreen: number): ReadonlySet<number> | undefined {
	const links = visibleLinks(state);
	if (state.overlay?.kind === 'topology' || links.length === 0) return undefined;
	const selected = selectedLinkIndex(state);
	return new Set(links.slice(Math.max(selected - rowsOnScreen, 0), selected + rowsOnScreen + 1).map((l) => l.ifindex));
}

/** Whether the selected namespace's interfaces (or an interface's detail, or the map, which marks busy links) are on screen. */
const ratesOnScreen = (state: AppState): boolean => state.overlay === undefined || state.overlay.kind === 'detail' || state.overlay.kind === 'topology';

/**
 * What the qdiscs' reading depends on: the kinds of the selected namespace's root qdiscs, and the log's
 * length (a plan nsdeck ran may have changed a tbf's rate, which its kind does not show). Undefined when
 * every link has the default: nothing to read.
 */
function qdiscKey(state: AppState): string | undefined {
	const ns = state.world?.namespaces.find((n) => n.id === state.selectedNs);
	if (!ns || ns.links.every((l) => isDefaultQdisc(l.qdisc))) return undefined;
	return `${ns.id} ${state.log.length} ${ns.links.map((l) => `${l.name}:${l.qdisc ?? ''}`).join(' ')}`;
}

export interface TrafficSyncOptions {
	readonly now?: () => number;
	/** The terminal's rows now (no pane shows more links than that). */
	readonly rowsOnScreen?: () => number;
	/** Whether the interfaces pane's rows show rates now (not where it is narrow: they are in the detail there). */
	readonly ratesInRows?: () => boolean;
}

export function createTrafficSync(
	system: System,
	dispatch: (action: Action) => void,
	getState: () => AppState,
	{now = Date.now, rowsOnScreen = () => Number.POSITIVE_INFINITY, ratesInRows = () => true}: TrafficSyncOptions = {},
): TrafficSync {
	let timer: ReturnType<typeof setInterval> | undefined;
	let inFlight = false;
	let latest: NamespaceTraffic | undefined;
	/** The reading the panes show (the last dispatched). */
	let shown: NamespaceTraffic | undefined;
	let qdiscsRead: string | undefined;
	/** The qdiscs of the selected namespace, again only when what they depend on changed: one tc per change. */
	const readQdiscs = async (state: AppState): Promise<void> => {
		const key = qdiscKey(state);
		if (key === qdiscsRead) return;
		qdiscsRead = key;
		const list = key && system.readQdiscs ? await system.readQdiscs(state.selectedNs) : [];
		if (timer && list) dispatch({type: 'qdiscs', nsId: state.selectedNs, list});
	};
	const tick = async (): Promise<void> => {
		const state = getState();
		if (inFlight || !system.readCounters || !ratesOnScreen(state)) return;
		const nsId = state.selectedNs;
		inFlight = true;
		try {
			await readQdiscs(state);
			const counters = await system.readCounters(nsId);
			if (!timer || !counters) return;
			const after = getState();
			const inView = linksInView(after, rowsOnScreen());
			latest = addReading(latest, nsId, counters, now(), inView);
			// The detail's sparklines move every second; the rows only when their text does, and only where
			// they show rates (a narrow pane's rows do not: a render there would draw the same screen).
			const detail = after.overlay?.kind === 'detail';
			const drawn = after.overlay?.kind === 'topology' || ratesInRows();
			const compared = inView ?? [...latest.links.keys()];
			if (detail || shown?.nsId !== nsId || (drawn && shownText(shown, compared) !== shownText(latest, compared))) {
				shown = latest;
				dispatch({type: 'traffic', traffic: latest});
			}
		} catch {
			// A namespace that went away between ticks: the next tick reads what is selected then.
		} finally {
			inFlight = false;
		}
	};
	return {
		start() {
			if (timer) return;
			timer = setInterval(() => void tick(), TRAFFIC_POLL_MS);
			void tick();
		},
		stop() {
			if (timer) clearInterval(timer);
			timer = undefined;
			latest = undefined;
			shown = undefined;
			qdiscsRead = undefined;
			system.stopCounters?.();
		},
	};
}
