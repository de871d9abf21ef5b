// The `echoed` check: echo requests a namespace answered, from its own ICMP counters, so a ping from any
// program counts (one typed in a shell included); and the once-a-second watch that counts them.
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {checkContext, holds} from '../../source/model/tutorial/checks.js';
import {echoesSince, parseEchoCounters, type EchoCounters} from '../../source/model/tutorial/icmp-counters.js';
import {parseTutorial} from '../../source/model/tutorial/validate.js';
import {ECHO_POLL_MS, echoedNamespaces, watchEchoes} from '../../source/state/echo-watch.js';
import {fixtureWorld} from '../support/fixtures.js';

const SNMP = `Ip: Forwarding DefaultTTL InReceives
Ip: 2 64 10
Icmp: InMsgs InErrors InCsumErrors InDestUnreachs InEchos InEchoReps OutMsgs OutErrors OutEchos OutEchoReps
Icmp: 7 0 0 0 3 0 3 0 0 3
IcmpMsg: InType8 OutType0
IcmpMsg: 3 3
`;

describe('/proc/net/snmp', () => {
	it('reads echo requests in and replies out', () => {
		expect(parseEchoCounters(SNMP)).toEqual({inEchos: 3, outEchoReps: 3});
		expect(parseEchoCounters('Icmp: InEchos\nIcmp: lots\n')).toBeUndefined();
		expect(parseEchoCounters('')).toBeUndefined();
	});

	it('counts answered requests since a baseline; a namespace made again starts from 0', () => {
		expect(echoesSince({inEchos: 3, outEchoReps: 3}, {inEchos: 6, outEchoReps: 5})).toBe(2);
		expect(echoesSince({inEchos: 30, outEchoReps: 30}, {inEchos: 2, outEchoReps: 2})).toBe(2);
	});
});

describe('the echoed check', () => {
	const world = fixtureWorld('bridge');
	it('holds once the namespace answered as many as asked', () => {
		expect(holds({echoed: {ns: 'ns2'}}, checkContext(world, [], new Map([['ns2', 1]])))).toBe(true);
		expect(holds({echoed: {ns: 'ns2', count: 3}}, checkContext(world, [], new Map([['ns2', 2]])))).toBe(false);
		expect(holds({echoed: {ns: 'ns2'}}, checkContext(world))).toBe(false);
		expect(holds({echoed: {ns: 'nowhere'}}, checkContext(world, [], new Map([['nowhere', 5]])))).toBe(false);
	});

	it('is validated in a tutorial file', () => {
		const step = {goal: 'g', commands: [], hints: [], check: {echoed: {ns: 'ns2', count: 0}}};
		expect(() => parseTutorial('t.json', 't', JSON.stringify({title: 't', summary: 's', setup: [], steps: [step]}))).toThrow(/count/);
	});
});

describe('watchEchoes', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('reads only the namespaces echoed checks name, and hands over counts when they change', async () => {
		const tutorial = parseTutorial('t.json', 't', JSON.stringify({title: 't', summary: 's', setup: [], steps: [{goal: 'g', commands: [], hints: [], check: {any: [{namespace: 'ns1'}, {echoed: {ns: 'ns2'}}]}}]}));
		expect(echoedNamespaces(tutorial)).toEqual(['ns2']);
		let now: EchoCounters = {inEchos: 10, outEchoReps: 10};
		const asked: string[] = [];
		const seen: Array<ReadonlyMap<string, number>> = [];
		const stop = watchEchoes(['ns2'], async (ns) => (asked.push(ns), now), (e) => seen.push(e));
		await vi.advanceTimersByTimeAsync(ECHO_POLL_MS);
		now = {inEchos: 12, outEchoReps: 12};
		await vi.advanceTimersByTimeAsync(ECHO_POLL_MS);
		stop();
		await vi.advanceTimersByTimeAsync(ECHO_POLL_MS);
		expect(new Set(asked)).toEqual(new Set(['ns2']));
		expect(asked).toHaveLength(3);
		expect(seen.map((m) => m.get('ns2'))).toEqual([0, 2]);
	});
});
