// The live rates: once a second, the counters of the selected namespace (the one whose interfaces are on
// screen), and nothing while an overlay other than the detail or the map covers the panes. One reading in flight at
// most. The reading itself is the System's (with the helper, a frame from one long-lived process).
// A plain module, driven in tests with a fake System and fake timers; ui/hooks/use-traffic.ts ties it to
// the app's life.
import {formatRate, addReading, type NamespaceTraffic} from '../model/traffic/rates.js';
import {isDefaultQdisc} from '../model/traffic/qdisc.js';
import type {System} from '../system/system.js';
import type {AppState} from './app-state.js';
import type {Action} from './reducer.js';

export const TRAFFIC_POLL_MS = 1_000;

export interface TrafficSync {
	start(): void;
	stop(): void;
}

/** What the panes show of the traffic: a new reading that shows the same needs no render. */
const shownText = (traffic: NamespaceTraffic): string =>
	[...traffic.links].map(([i, l]) => `${i}:${formatRate(l.rxRate)}/${formatRate(l.txRate)}/${l.errorsRising}`).join(' ');

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

export function createTrafficSync(system: System, dispatch: (action: Action) => void, getState: () => AppState, now: () => number = Date.now): TrafficSync {
	let timer: ReturnType<typeof setInterval> | undefined;
	let inFlight = false;
	let latest: NamespaceTraffic | undefined;
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
			const before = latest;
			latest = addReading(latest, nsId, counters, now());
			// The detail's sparklines move every second; the rows only when their text does.
			const detail = getState().overlay?.kind === 'detail';
			if (detail || before?.nsId !== nsId || shownText(before) !== shownText(latest)) dispatch({type: 'traffic', traffic: latest});
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
			qdiscsRead = undefined;
			system.stopCounters?.();
		},
	};
}
