import {describe, expect, it} from 'vitest';
import {PING_HISTORY, PING_LINES, pingRunsReducer, type PingRun} from '../../source/state/ping-runs.js';
import {knownAddresses, pingForm} from '../../source/plans/forms/exec-forms.js';
import {MAX_TIMER_MS, pingTimeoutMs} from '../../source/plans/exec-commands.js';
import {scrollBy} from '../../source/ui/overlays/output-panel.js';
import {fixtureWorld} from '../support/fixtures.js';

const run = (id: number): PingRun => ({id, request: {ns: 'ns1', target: '10.1.1.2', family: 4, count: 4, interval: 1}, argv: [], lines: [], status: 'running'});

describe('ping runs', () => {
	it('keeps the last few pings, newest last', () => {
		let runs: readonly PingRun[] = [];
		for (let id = 1; id <= PING_HISTORY + 2; id++) runs = pingRunsReducer(runs, {type: 'start', run: run(id)});
		expect(runs.map((r) => r.id)).toEqual([3, 4, 5, 6, 7]);
	});

	it('adds lines, the summary and the diagnosis to the run they belong to', () => {
		let runs = pingRunsReducer(pingRunsReducer([], {type: 'start', run: run(1)}), {type: 'start', run: run(2)});
		runs = pingRunsReducer(runs, {type: 'line', id: 1, line: {text: 'late line of the first', from: 'stdout'}});
		runs = pingRunsReducer(runs, {type: 'finished', id: 2, status: 'failed', summary: {transmitted: 4, received: 0, errors: 0, lossPercent: 100}});
		runs = pingRunsReducer(runs, {type: 'diagnosed', id: 2, reasons: ['why']});
		expect(runs[0].lines).toEqual([{text: 'late line of the first', from: 'stdout'}]);
		expect(runs[1]).toMatchObject({status: 'failed', lines: [], diagnosis: ['why']});
	});

	it('keeps at most PING_LINES lines of one run', () => {
		let runs = pingRunsReducer([], {type: 'start', run: run(1)});
		for (let i = 0; i < PING_LINES + 10; i++) runs = pingRunsReducer(runs, {type: 'line', id: 1, line: {text: String(i), from: 'stdout'}});
		expect(runs[0].lines).toHaveLength(PING_LINES);
		expect(runs[0].lines.at(-1)?.text).toBe(String(PING_LINES + 9));
	});
});

describe('ping targets', () => {
	it('offers other named namespaces first, then the host, then its own; no loopback or link-local', () => {
		expect(knownAddresses(fixtureWorld('bridge'), 'ns1').map((a) => a.label)).toEqual([
			'10.1.1.2 (ns2/veth_ns2)',
			'10.1.1.4 (host/br0)',
			'fd00::1 (ns1/loop_a)',
			'10.1.1.1 (ns1/veth_ns1)',
		]);
	});
});

describe('output scrolling', () => {
	it.each([
		[0, 'up', 1],
		[1, 'down', 0],
		[0, 'down', 0],
		[0, 'pageup', 9],
		[35, 'pageup', 40],
		[0, 'home', 40],
		[12, 'end', 0],
	])('from %i lines back, %s goes to %i (50 lines, 10 rows)', (back, key, expected) => {
		expect(scrollBy(back, key, 9, 50, 10)).toBe(expected);
	});
});

describe('a ping that runs for weeks', () => {
	it('is refused beyond what one timer holds; the timeout never overflows it', () => {
		const world = {namespaces: [{id: 'host', kind: 'host' as const, path: '/proc/self/ns/net', links: [], routes: [], nsids: []}]};
		const form = pingForm(world, 'host');
		expect(form.validate({...form.initial, target: 'other address…', other: '10.0.0.1', count: '100000', interval: '3600'}, world).interval).toMatch(/count × interval is at most 24 days/);
		expect(form.validate({...form.initial, target: 'other address…', other: '10.0.0.1', count: '86400', interval: '1'}, world)).toEqual({});
		expect(pingTimeoutMs({ns: 'host', target: '10.0.0.1', family: 4, count: 100_000, interval: 3600})).toBe(MAX_TIMER_MS);
	});
});
