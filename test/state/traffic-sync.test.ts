// The live rates' loop without rendering: a fake System answers counters, fake timers play the seconds.
import {afterEach, beforeEach, expect, it, vi} from 'vitest';
import type {LinkCounters} from '../../source/model/traffic/counters.js';
import type {AppState} from '../../source/state/app-state.js';
import {initialState, reducer, type Action} from '../../source/state/reducer.js';
import {createTrafficSync, TRAFFIC_POLL_MS, type TrafficSync} from '../../source/state/traffic-sync.js';
import {createFakeSystem} from '../support/fake-system.js';
import {fixtureWorld} from '../support/fixtures.js';

const counters = (bytes: number): LinkCounters => ({
	rx: {bytes, packets: 0, errors: 0, dropped: 0, over_errors: 0, multicast: 0},
	tx: {bytes: 0, packets: 0, errors: 0, dropped: 0, carrier_errors: 0, collisions: 0},
});

let sync: TrafficSync | undefined;
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
	sync?.stop();
	vi.useRealTimers();
});

function harness(initial: AppState = {...initialState, selectedNs: 'ns1'}) {
	const system = createFakeSystem(fixtureWorld('bridge'));
	const asked: string[] = [];
	let bytes = 0;
	let stopped = 0;
	system.readCounters = async (id) => {
		asked.push(id);
		bytes += 2000;
		return new Map([[1, counters(bytes)]]);
	};
	system.stopCounters = () => stopped++;
	let state = initial;
	const actions: Action[] = [];
	const dispatch = (action: Action): void => {
		actions.push(action);
		state = reducer(state, action);
	};
	let now = 0;
	sync = createTrafficSync(system, dispatch, () => state, {now: () => now});
	const tick = async (): Promise<void> => {
		now += TRAFFIC_POLL_MS;
		await vi.advanceTimersByTimeAsync(TRAFFIC_POLL_MS);
	};
	return {sync, asked, actions, tick, state: () => state, setState: (s: AppState) => (state = s), stopped: () => stopped};
}

it('reads the selected namespace once a second and gives its rates', async () => {
	const h = harness();
	h.sync.start();
	await h.tick();
	await h.tick();
	expect(h.asked).toEqual(['ns1', 'ns1', 'ns1']);
	expect(h.state().traffic?.nsId).toBe('ns1');
	expect(h.state().traffic?.links.get(1)?.rxRate).toBe(2000);
});

it('renders only when what the rows show changes', async () => {
	const h = harness();
	h.sync.start();
	await h.tick();
	await h.tick();
	await h.tick();
	// The first reading (no rates yet) and the first rate; the same 2 kB/s after that is not dispatched.
	expect(h.actions.filter((a) => a.type === 'traffic')).toHaveLength(2);
});

it('reads nothing while an overlay other than the detail or the map covers the panes, and stops the reader', async () => {
	const h = harness({...initialState, selectedNs: 'ns1', overlay: {kind: 'help'}});
	h.sync.start();
	await h.tick();
	expect(h.asked).toEqual([]);
	h.setState({...h.state(), overlay: {kind: 'detail'}});
	await h.tick();
	expect(h.asked).toEqual(['ns1']);
	h.sync.stop();
	await h.tick();
	expect(h.asked).toEqual(['ns1']);
	expect(h.stopped()).toBe(1);
});

it('reads while the map is open: it marks the links that carry traffic', async () => {
	const h = harness({...initialState, selectedNs: 'ns1', overlay: {kind: 'topology'}});
	h.sync.start();
	await h.tick();
	expect(h.asked).toEqual(['ns1', 'ns1']);
});
