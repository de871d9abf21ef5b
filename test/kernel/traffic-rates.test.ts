// Live rates against the kernel: the helper's counters equal `ip -s -j link`'s, and while a ping flood
// runs from client to server the rates rise on the server's veth end (and not on lo), then fall to 0.
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {parseLinkCounters} from '../../source/model/traffic/counters.js';
import type {AppState} from '../../source/state/app-state.js';
import {initialState, reducer, type Action} from '../../source/state/reducer.js';
import {createTrafficSync} from '../../source/state/traffic-sync.js';
import {findNetdump} from '../../source/system/netdump-binary.js';
import {streamCommand} from '../../source/system/runner.js';
import {createRealSystem} from '../../source/system/system.js';
import {buildLabScenario, ipJson, requireSandbox, resetWorld, sh} from '../support/sandbox.js';

beforeAll(async () => {
	requireSandbox();
	await buildLabScenario('pair');
});
afterAll(resetWorld);

it('the helper reads every counter ip -s -j link prints, with the same values', async () => {
	// A namespace with no traffic: its counters stand still between the two reads.
	await sh('ip', 'netns', 'add', 'quiet');
	await sh('ip', '-n', 'quiet', 'link', 'add', 'q0', 'type', 'veth', 'peer', 'name', 'q1');
	const system = createRealSystem({lab: true});
	try {
		expect(findNetdump()).toBeDefined();
		const fromHelper = await system.readCounters?.('quiet');
		const fromIp = parseLinkCounters(await sh('ip', '-n', 'quiet', '-s', '-j', 'link', 'show'));
		expect(fromIp.size).toBe(3);
		expect(fromHelper).toEqual(fromIp);
		// And every key ip prints is one the parser reads.
		const [lo] = await ipJson<{stats64: {rx: object; tx: object}}>('-n', 'quiet', '-s', 'link', 'show', 'lo');
		expect(Object.keys(fromIp.get(1)?.rx ?? {})).toEqual(Object.keys(lo.stats64.rx));
		expect(Object.keys(fromIp.get(1)?.tx ?? {})).toEqual(Object.keys(lo.stats64.tx));
	} finally {
		system.stopCounters?.();
		await sh('ip', 'netns', 'del', 'quiet');
	}
});

describe.each([
	['with the helper', undefined],
	['with ip -s -j link', false as const],
])('rates %s', (_name, netdump) => {
	it('rise on the interface a ping flood crosses, and fall to 0 after', {timeout: 60_000}, async () => {
		const system = createRealSystem({lab: true, netdump});
		let state: AppState = {...initialState, selectedNs: 'server'};
		const dispatch = (action: Action): void => {
			state = reducer(state, action);
		};
		const sync = createTrafficSync(system, dispatch, () => state);
		const [veth] = await ipJson<{ifindex: number}>('-n', 'server', 'link', 'show', 'pair-server');
		const rate = (ifindex: number): number | undefined => state.traffic?.links.get(ifindex)?.rxRate;
		const flood = new AbortController();
		sync.start();
		try {
			// 200 echo requests a second of 1,000 bytes (~200 kB/s): a flood the rates see at once, gentler on a
			// shared machine's CPUs than ping -f, which would starve the reader it is measured by.
			const pinging = streamCommand(['ip', 'netns', 'exec', 'client', 'ping', '-q', '-i', '0.005', '-s', '1000', '-w', '60', '10.0.0.2'], {onLine: () => undefined, signal: flood.signal});
			await vi.waitFor(() => expect(rate(veth.ifindex)).toBeGreaterThan(10_000), {timeout: 20_000, interval: 200});
			expect(rate(1) ?? 0).toBe(0);
			flood.abort();
			await pinging;
			await vi.waitFor(() => expect(rate(veth.ifindex)).toBe(0), {timeout: 20_000, interval: 200});
		} finally {
			flood.abort();
			sync.stop();
		}
	});
});
