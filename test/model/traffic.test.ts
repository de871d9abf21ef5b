// Counters as ip -s -j link prints them, and the rates, units and sparklines made from them.
import {describe, expect, it} from 'vitest';
import {parseLinkCounters, type LinkCounters} from '../../source/model/traffic/counters.js';
import {HISTORY_SECONDS, addReading, formatRate, ratesText, sparkline} from '../../source/model/traffic/rates.js';
import {trafficLines} from '../../source/ui/overlays/traffic-lines.js';

const IP_S_J = JSON.stringify([
	{ifindex: 1, ifname: 'lo', stats64: {rx: {bytes: 6386, packets: 58, errors: 0, dropped: 0, over_errors: 0, multicast: 0}, tx: {bytes: 6386, packets: 58, errors: 0, dropped: 0, carrier_errors: 0, collisions: 0}}},
	{ifindex: 2, ifname: 'no-stats'},
	{ifindex: 3, ifname: 'bad', stats64: {rx: {bytes: 'lots'}, tx: {}}},
]);

const counters = (rxBytes: number, txBytes: number, errors = 0): LinkCounters => ({
	rx: {bytes: rxBytes, packets: 0, errors, dropped: 0, over_errors: 0, multicast: 0},
	tx: {bytes: txBytes, packets: 0, errors: 0, dropped: 0, carrier_errors: 0, collisions: 0},
});

describe('parseLinkCounters', () => {
	it('reads stats64 by ifindex and leaves out links without them or with strange values', () => {
		const read = parseLinkCounters(IP_S_J);
		expect([...read.keys()]).toEqual([1]);
		expect(read.get(1)?.rx.packets).toBe(58);
		expect(read.get(1)?.tx.collisions).toBe(0);
	});

	it('reads nothing from text that is not a list', () => {
		expect(parseLinkCounters('not json').size).toBe(0);
		expect(parseLinkCounters('{"ifindex":1}').size).toBe(0);
	});
});

describe('addReading', () => {
	it('gives bytes a second between two readings of the same namespace', () => {
		const first = addReading(undefined, 'ns1', new Map([[1, counters(1000, 0)]]), 0);
		expect(first.links.get(1)?.rxRate).toBeUndefined();
		const second = addReading(first, 'ns1', new Map([[1, counters(3000, 500)]]), 2000);
		expect(second.links.get(1)).toMatchObject({rxRate: 1000, txRate: 250, rxHistory: [1000], txHistory: [250]});
	});

	it('starts afresh for another namespace, and gives no rate for a counter that went down', () => {
		const first = addReading(undefined, 'ns1', new Map([[1, counters(1000, 0)]]), 0);
		expect(addReading(first, 'ns2', new Map([[1, counters(5000, 0)]]), 1000).links.get(1)?.rxRate).toBeUndefined();
		expect(addReading(first, 'ns1', new Map([[1, counters(10, 0)]]), 1000).links.get(1)?.rxRate).toBeUndefined();
	});

	it('keeps the last minute of rates and marks errors that rise', () => {
		let traffic = addReading(undefined, 'ns1', new Map([[1, counters(0, 0)]]), 0);
		for (let s = 1; s <= HISTORY_SECONDS + 5; s++) traffic = addReading(traffic, 'ns1', new Map([[1, counters(s * 100, 0, s === HISTORY_SECONDS + 5 ? 1 : 0)]]), s * 1000);
		const link = traffic.links.get(1);
		expect(link?.rxHistory).toHaveLength(HISTORY_SECONDS);
		expect(link?.errorsRising).toBe(true);
		expect(trafficLines(link).find(([label]) => label === 'rx errors')).toEqual(['rx errors', '1 (rising)', 'warn']);
	});
});

describe('formatRate', () => {
	it('writes human units', () => {
		expect([0, 512, 1500, 12_345, 999_499, 3_400_000, 2.5e9].map(formatRate)).toEqual(['0 B/s', '512 B/s', '1.5 kB/s', '12 kB/s', '999 kB/s', '3.4 MB/s', '2.5 GB/s']);
		expect(formatRate(undefined)).toBe('–');
	});

	it('says nothing before two readings', () => {
		expect(ratesText(undefined)).toBe('');
	});
});

describe('sparkline', () => {
	it('scales bars to the largest, newest at the right', () => {
		expect(sparkline([0, 7, 14], 3)).toBe('▁▅█');
		expect(sparkline([5], 3)).toBe('  █');
		expect(sparkline([0, 0], 2)).toBe('▁▁');
	});

	it('keeps the larger of each pair when two seconds share a bar', () => {
		expect(sparkline([0, 8, 0, 0], 2, 2)).toBe('█▁');
	});
});
