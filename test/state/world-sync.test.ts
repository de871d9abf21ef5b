// World sync without rendering: a fake watcher plays the kernel's events, fake timers play the polls and
// the queue's wait for company.
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import type {Netns, World} from '../../source/model/types.js';
import type {AppState} from '../../source/state/app-state.js';
import {initialState, reducer, stateAfterFirstRead, type Action} from '../../source/state/reducer.js';
import {createWorldSync, LIST_POLL_MS, SELECTED_POLL_MS, type WorldSync} from '../../source/state/world-sync.js';
import {readFirst, type FirstRead} from '../../source/system/first-read.js';
import {createFakeSystem, type FakeSystem} from '../support/fake-system.js';
import {fixtureWorld} from '../support/fixtures.js';

/** The queue's wait for company (change-queue.ts), and a little more. */
const QUEUE_WAIT = 31;

interface Harness {
	readonly system: FakeSystem;
	readonly sync: WorldSync;
	readonly actions: Action[];
	state(): AppState;
	/** Namespace ids read one by one (readNamespace), in order. */
	readonly reads: string[];
}

function harness(world: World = fixtureWorld('bridge'), initial: AppState = initialState): Harness {
	const system = createFakeSystem(world);
	let state = initial;
	const actions: Action[] = [];
	const reads: string[] = [];
	const read = system.readNamespace;
	system.readNamespace = async (id) => {
		reads.push(id);
		return read(id);
	};
	const dispatch = (action: Action): void => {
		actions.push(action);
		state = reducer(state, action);
	};
	const sync = createWorldSync(system, dispatch, () => state);
	return {system, sync, actions, reads, state: () => state};
}

const renamed = (ns: Netns, id: string): Netns => ({...ns, id, path: `/run/netns/${id}`});
const ids = (state: AppState): string[] => state.world?.namespaces.map((n) => n.id) ?? [];

let running: WorldSync | undefined;
beforeEach(() => {
	vi.useFakeTimers();
});
afterEach(() => {
	running?.stop();
	running = undefined;
	vi.useRealTimers();
});

/** Start, and let the first read finish (it needs no timer, only promises). */
async function started(h: Harness): Promise<Harness> {
	running = h.sync;
	h.sync.start();
	await vi.advanceTimersByTimeAsync(0);
	return h;
}

describe('world sync', () => {
	it('reads the list and the selected namespace first, the rest after, then watches', async () => {
		const h = harness();
		running = h.sync;
		h.sync.start();
		// Nothing is watched before the first namespace is read: its processes would slow the first frame.
		expect(h.system.watchers()).toBe(0);
		expect(h.actions[0]).toEqual({type: 'loading'});
		await vi.advanceTimersByTimeAsync(0);
		expect(h.reads[0]).toBe('host');
		expect(ids(h.state())).toEqual(['host', 'ns1', 'ns2']);
		expect(h.state().loading).toBe(false);
		expect(h.state().progress).toBeUndefined();
		expect(h.system.watchers()).toBe(1);
	});

	it('takes a first read it is given instead of reading the list again', async () => {
		const world = fixtureWorld('bridge');
		const first = await readFirst(createFakeSystem(world));
		const h = harness(world, stateAfterFirstRead(first));
		running = h.sync;
		h.sync.start(first);
		await vi.advanceTimersByTimeAsync(0);
		expect(h.actions.some((a) => a.type === 'loading' || a.type === 'namespacesListed')).toBe(false);
		expect(h.reads).toEqual([]);
		expect(ids(h.state())).toEqual(['host', 'ns1', 'ns2']);
		expect(h.system.watchers()).toBe(1);
	});

	it('takes a first read still on its way when it comes, instead of reading the host again', async () => {
		const world = fixtureWorld('bridge');
		let arrive: (read: FirstRead) => void = () => undefined;
		const early = new Promise<FirstRead | undefined>((resolve) => (arrive = resolve));
		const h = harness(world);
		let listed = 0;
		const list = h.system.listNamespaces;
		h.system.listNamespaces = async () => (listed++, list());
		running = h.sync;
		h.sync.start(undefined, early);
		await vi.advanceTimersByTimeAsync(0);
		expect(h.state().world).toBeUndefined();
		arrive(await readFirst(createFakeSystem(world)));
		await vi.advanceTimersByTimeAsync(0);
		expect(listed).toBe(0);
		expect(h.reads).not.toContain('host');
		expect(ids(h.state())).toEqual(['host', 'ns1', 'ns2']);
	});

	it('coalesces a burst of events: one read in flight, one more queued, never two at once', async () => {
		const h = await started(harness());
		let inFlight = 0;
		let most = 0;
		let release: (() => void) | undefined;
		const calls: string[] = [];
		const read = h.system.readNamespace;
		h.system.readNamespace = async (id) => {
			calls.push(id);
			most = Math.max(most, ++inFlight);
			await new Promise<void>((resolve) => {
				release = resolve;
			});
			inFlight--;
			return read(id);
		};
				for (let i = 0; i < 50; i++) h.system.emit({type: 'namespaces', ids: ['ns1']});
		await vi.advanceTimersByTimeAsync(QUEUE_WAIT);
		expect(calls).toEqual(['ns1']);
		// Events during that read wait for it, and become one more read.
		for (let i = 0; i < 50; i++) h.system.emit({type: 'namespaces', ids: ['ns1']});
		await vi.advanceTimersByTimeAsync(QUEUE_WAIT * 3);
		expect(calls).toEqual(['ns1']);
		release?.();
		await vi.advanceTimersByTimeAsync(QUEUE_WAIT);
		expect(calls).toEqual(['ns1', 'ns1']);
		release?.();
		await vi.advanceTimersByTimeAsync(QUEUE_WAIT * 3);
		expect(calls).toEqual(['ns1', 'ns1']);
		expect(most).toBe(1);
	});

	it('shows what changed in a namespace the watcher names', async () => {
		const world = fixtureWorld('bridge');
		const h = await started(harness(world));
		h.system.world = {namespaces: world.namespaces.map((n) => (n.id === 'ns1' ? {...n, links: []} : n))};
		h.system.emit({type: 'namespaces', ids: ['ns1']});
		await vi.advanceTimersByTimeAsync(QUEUE_WAIT);
		expect(h.state().world?.namespaces.find((n) => n.id === 'ns1')?.links).toEqual([]);
	});

	it('reads the selected namespace first of those that changed together', async () => {
		const h = await started(harness(fixtureWorld('bridge'), {...initialState, selectedNs: 'ns2'}));
		h.reads.length = 0;
		h.system.emit({type: 'namespaces', ids: ['host', 'ns1', 'ns2']});
		await vi.advanceTimersByTimeAsync(QUEUE_WAIT);
		expect(h.reads[0]).toBe('ns2');
		expect([...h.reads].sort()).toEqual(['host', 'ns1', 'ns2']);
	});

	it('finds a new namespace by polling the list, with no event', async () => {
		const world = fixtureWorld('bridge');
		const h = await started(harness(world));
		const ns1 = world.namespaces.find((n) => n.id === 'ns1')!;
		h.system.world = {namespaces: [...world.namespaces, renamed(ns1, 'web')]};
		await vi.advanceTimersByTimeAsync(LIST_POLL_MS - 1);
		expect(ids(h.state())).not.toContain('web');
		await vi.advanceTimersByTimeAsync(1 + QUEUE_WAIT);
		expect(ids(h.state())).toContain('web');
		expect(h.state().world?.namespaces.find((n) => n.id === 'web')?.links).toEqual(ns1.links);
	});

	it('drops a namespace gone from the list', async () => {
		const world = fixtureWorld('bridge');
		const h = await started(harness(world));
		h.system.world = {namespaces: world.namespaces.filter((n) => n.id !== 'ns2')};
		await vi.advanceTimersByTimeAsync(LIST_POLL_MS + QUEUE_WAIT);
		expect(ids(h.state())).toEqual(['host', 'ns1']);
	});

	it('reads the selected namespace again every SELECTED_POLL_MS, for changes no event reports', async () => {
		const world = fixtureWorld('bridge');
		// Selected: ns1 (as after j).
		const h = harness(world, {...initialState, selectedNs: 'ns1'});
		await started(h);
		h.reads.length = 0;
		h.system.world = {namespaces: world.namespaces.map((n) => (n.id === 'ns1' ? {...n, links: []} : n))};
		// The list poll at 1 s reads only namespaces it did not know.
		await vi.advanceTimersByTimeAsync(SELECTED_POLL_MS - 1);
		expect(h.reads).toEqual([]);
		expect(h.state().world?.namespaces.find((n) => n.id === 'ns1')?.links).not.toEqual([]);
		await vi.advanceTimersByTimeAsync(1 + QUEUE_WAIT);
		expect(h.reads).toEqual(['ns1']);
		expect(h.state().world?.namespaces.find((n) => n.id === 'ns1')?.links).toEqual([]);
	});

	it('lists again for an nsid it knows no namespace behind', async () => {
		const h = await started(harness());
		const listed = (): number => h.actions.filter((a) => a.type === 'namespacesListed').length;
		const before = listed();
		h.system.emit({type: 'nsid', nsid: 999});
		await vi.advanceTimersByTimeAsync(QUEUE_WAIT);
		expect(listed()).toBe(before + 1);
	});

	it('holds the watcher’s changes while the whole world is read again (r), then reads them', async () => {
		const h = await started(harness());
		let finishList: (() => void) | undefined;
		const list = h.system.listNamespaces;
		h.system.listNamespaces = async () => {
			await new Promise<void>((resolve) => {
				finishList = resolve;
			});
			return list();
		};
		const refreshed = h.sync.refresh();
		h.reads.length = 0;
		h.system.emit({type: 'namespaces', ids: ['ns2']});
		await vi.advanceTimersByTimeAsync(QUEUE_WAIT * 3);
		expect(h.reads).toEqual([]);
		finishList?.();
		await refreshed;
		h.system.listNamespaces = list;
		await vi.advanceTimersByTimeAsync(QUEUE_WAIT);
		expect(h.reads.at(-1)).toBe('ns2');
	});

	it('reads namespaces in bulk past four, and drops the ones found gone', async () => {
		const world = fixtureWorld('bridge');
		const h = await started(harness(world));
		const ns1 = world.namespaces.find((n) => n.id === 'ns1')!;
		const more = ['a', 'b', 'c', 'd'].map((id) => renamed(ns1, id));
		h.system.world = {namespaces: [...world.namespaces.filter((n) => n.id !== 'ns2'), ...more]};
		await h.sync.refreshNamespaces(['a', 'b', 'c', 'd', 'ns2']);
		expect(ids(h.state())).toEqual(expect.arrayContaining(['a', 'b', 'c', 'd']));
		expect(ids(h.state())).not.toContain('ns2');
	});

	it('leaves no timer and no watcher after stop, and events then read nothing', async () => {
		const h = await started(harness());
		expect(vi.getTimerCount()).toBeGreaterThan(0);
		h.system.emit({type: 'namespaces', ids: ['ns1']});
		h.sync.stop();
		expect(vi.getTimerCount()).toBe(0);
		expect(h.system.watchers()).toBe(0);
		h.reads.length = 0;
		await vi.advanceTimersByTimeAsync(SELECTED_POLL_MS * 2);
		expect(h.reads).toEqual([]);
	});

	it('starts no watcher when stopped before the first read ends', async () => {
		const h = harness();
		h.sync.start();
		h.sync.stop();
		await vi.advanceTimersByTimeAsync(0);
		expect(h.system.watchers()).toBe(0);
		expect(vi.getTimerCount()).toBe(0);
	});

	it('starts again after a stop', async () => {
		const h = await started(harness());
		h.sync.stop();
		h.sync.start();
		await vi.advanceTimersByTimeAsync(0);
		expect(h.system.watchers()).toBe(1);
	});

	it('puts a failed first read in the status, and still watches', async () => {
		const h = harness();
		h.system.listNamespaces = async () => {
			throw new Error('/run/netns: permission denied');
		};
		await started(h);
		expect(h.state().error).toBe('/run/netns: permission denied');
		expect(h.state().loading).toBe(false);
		expect(h.system.watchers()).toBe(1);
	});

	it('keeps going after a failed read: the next change is read', async () => {
		const h = await started(harness());
		const read = h.system.readNamespace;
		h.system.readNamespace = async () => {
			throw new Error('ip: gone');
		};
		h.system.emit({type: 'namespaces', ids: ['ns1']});
		await vi.advanceTimersByTimeAsync(QUEUE_WAIT);
		h.system.readNamespace = read;
		h.reads.length = 0;
		h.system.emit({type: 'namespaces', ids: ['ns2']});
		await vi.advanceTimersByTimeAsync(QUEUE_WAIT);
		expect(h.reads).toEqual(['ns2']);
	});
});
