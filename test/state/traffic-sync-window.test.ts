// The live rates render only for the rows that can be on screen: on a host of 1,000 links some link
// always moves a few bytes (a router solicitation, a neighbour probe), and a render a second for rows
// nobody sees was most of the app's idle CPU. A row scrolled into view gets its rate at the next reading.
import {afterEach, beforeEach, expect, it, vi} from 'vitest';
import type {LinkCounters} from '../../source/model/traffic/counters.js';
import type {AppState} from '../../source/state/app-state.js';
import {initialState, reducer, type Action} from '../../source/state/reducer.js';
import {createTrafficSync, TRAFFIC_POLL_MS, type TrafficSync} from '../../source/state/traffic-sync.js';
import {createFakeSystem} from '../support/fake-system.js';
import {WorldBuilder} from '../support/hand-world.js';

const counters = (bytes: number): LinkCounters => ({
	rx: {bytes, packets: 0, errors: 0, dropped: 0, over_errors: 0, multicast: 0},
	tx: {bytes: 0, packets: 0, errors: 0, dropped: 0, carrier_errors: 0, collisions: 0},
});

const ROWS_ON_SCREEN = 10;

let sync: TrafficSync | undefined;
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
	sync?.stop();
	vi.useRealTimers();
});

/** `ratesInRows`: whether the pane is wide enough for rates on its rows (false at 80x24). */
function harness({ratesInRows = true} = {}) {
	const builder = new WorldBuilder().namespace('host').namespace('big').namespace('far');
	for (let i = 0; i < 60; i++) builder.veth(`big/v${i}`, `far/p${i}`);
	const world = builder.build();
	const links = world.namespaces.find((n) => n.id === 'big')?.links ?? [];
	const ifindexOf = (name: string): number => links.find((l) => l.name === name)?.ifindex ?? -1;
	const bytes = new Map(links.map((l) => [l.ifindex, 0]));
	const system = createFakeSystem(world);
	system.readCounters = async () => new Map([...bytes].map(([ifindex, b]) => [ifindex, counters(b)]));
	system.stopCounters = () => undefined;
	let state: AppState = {...initialState, world, selectedNs: 'big'};
	const traffic: Action[] = [];
	const dispatch = (action: Action): void => {
		if (action.type === 'traffic') traffic.push(action);
		state = reducer(state, action);
	};
	let now = 0;
	sync = createTrafficSync(system, dispatch, () => state, {now: () => now, rowsOnScreen: () => ROWS_ON_SCREEN, ratesInRows: () => ratesInRows});
	/** One second in which `flowing` each carried 1,000 bytes. */
	const second = async (...flowing: string[]): Promise<void> => {
		for (const name of flowing) bytes.set(ifindexOf(name), (bytes.get(ifindexOf(name)) ?? 0) + 1000);
		now += TRAFFIC_POLL_MS;
		await vi.advanceTimersByTimeAsync(TRAFFIC_POLL_MS);
	};
	const shownRate = (name: string): number | undefined => state.traffic?.links.get(ifindexOf(name))?.rxRate;
	const history = (name: string): readonly number[] | undefined => state.traffic?.links.get(ifindexOf(name))?.rxHistory;
	/** Start, and let the first reading (taken at once) land at time 0. */
	const start = async (): Promise<void> => {
		sync?.start();
		await vi.advanceTimersByTimeAsync(0);
	};
	return {start, traffic, second, shownRate, history, state: () => state, setState: (s: AppState) => (state = s)};
}

it('renders when a row near the selection changes, not for a link far below it', async () => {
	const h = harness();
	await h.start();
	await h.second();
	const before = h.traffic.length; // the first reading, and the first rates (all 0 B/s)
	await h.second('v59');
	await h.second('v59');
	expect(h.traffic).toHaveLength(before);
	await h.second('v59', 'v1');
	expect(h.traffic).toHaveLength(before + 1);
	expect(h.shownRate('v1')).toBe(1000);
});

it('gives a row scrolled into view its rate at the next reading', async () => {
	const h = harness();
	await h.start();
	await h.second();
	await h.second('v59');
	await h.second('v59');
	expect(h.shownRate('v59')).toBe(0);
	h.setState({...h.state(), selectedLink: {big: 'v59'}});
	await h.second('v59');
	expect(h.shownRate('v59')).toBe(1000);
});

it('on the map, which marks every busy link, a link far from the selection renders too', async () => {
	const h = harness();
	h.setState({...h.state(), overlay: {kind: 'topology'}});
	await h.start();
	await h.second();
	await h.second();
	await h.second('v59');
	expect(h.shownRate('v59')).toBe(1000);
});

it('keeps the sparkline history of the rows in view only; a row scrolled into view starts one', async () => {
	const h = harness();
	await h.start();
	await h.second('v1', 'v59');
	await h.second('v1', 'v1', 'v59'); // v1 at 2 kB/s: its row changes, the reading is rendered
	expect(h.history('v1')).toEqual([1000, 2000]);
	expect(h.history('v59')).toEqual([]);
	// Scrolled to, and its detail open (where the sparkline is): a history from then on.
	h.setState({...h.state(), selectedLink: {big: 'v59'}, overlay: {kind: 'detail'}});
	await h.second('v59');
	expect(h.history('v59')).toEqual([1000]);
});

it('where the rows show no rates (a narrow pane) renders for the detail only', async () => {
	const h = harness({ratesInRows: false});
	await h.start();
	const first = h.traffic.length; // the namespace's first reading: its column and detail have something
	await h.second('v1');
	await h.second('v1', 'v1');
	await h.second('v1');
	expect(h.traffic).toHaveLength(first);
	// The detail draws the rates whatever the width: each reading renders there.
	h.setState({...h.state(), selectedLink: {big: 'v1'}, overlay: {kind: 'detail'}});
	await h.second('v1');
	expect(h.traffic).toHaveLength(first + 1);
	expect(h.shownRate('v1')).toBe(1000);
});
