// Rates from counters read a second apart: per link, the last reading and the last 60 s of both rates.
// Pure: the reader (state/traffic-sync.ts) feeds readings in with the time they were taken.
import type {CountersByIndex, LinkCounters} from './counters.js';

/** Seconds of rates kept for the sparkline. */
export const HISTORY_SECONDS = 60;

export interface LinkTraffic {
	readonly counters: LinkCounters;
	/** Bytes a second, received and sent, over the last interval; undefined before a second reading. */
	readonly rxRate?: number;
	readonly txRate?: number;
	/** Oldest first, at most HISTORY_SECONDS of each. */
	readonly rxHistory: readonly number[];
	readonly txHistory: readonly number[];
	/** Errors or drops went up in the last interval (shown in the warning colour). */
	readonly errorsRising: boolean;
	readonly at: number;
}

/** One namespace's traffic, by ifindex. */
export interface NamespaceTraffic {
	readonly nsId: string;
	readonly links: ReadonlyMap<number, LinkTraffic>;
}

/** Bytes a second from which a link counts as carrying traffic (what a row shows as more than `0 B/s`). */
export const BUSY_BYTES_PER_SECOND = 1;

/** Whether a link carried traffic over the last interval, either way. */
export const isBusy = (t: LinkTraffic | undefined): boolean => (t?.rxRate ?? 0) + (t?.txRate ?? 0) >= BUSY_BYTES_PER_SECOND;

const keep = (history: readonly number[], value: number): readonly number[] => [...history, value].slice(-HISTORY_SECONDS);

/** A counter that went down was reset (the link was made again): no rate for that interval. */
const perSecond = (now: number, before: number, seconds: number): number | undefined => (now >= before && seconds > 0 ? (now - before) / seconds : undefined);

const errorSum = (c: LinkCounters): number => c.rx.errors + c.rx.dropped + c.tx.errors + c.tx.dropped;

const NO_HISTORY: readonly number[] = [];

function nextLink(previous: LinkTraffic | undefined, counters: LinkCounters, at: number, withHistory: boolean): LinkTraffic {
	if (!previous) return {counters, rxHistory: NO_HISTORY, txHistory: NO_HISTORY, errorsRising: false, at};
	const seconds = (at - previous.at) / 1000;
	const rxRate = perSecond(counters.rx.bytes, previous.counters.rx.bytes, seconds);
	const txRate = perSecond(counters.tx.bytes, previous.counters.tx.bytes, seconds);
	return {
		counters,
		rxRate,
		txRate,
		rxHistory: withHistory ? keep(previous.rxHistory, rxRate ?? 0) : NO_HISTORY,
		txHistory: withHistory ? keep(previous.txHistory, txRate ?? 0) : NO_HISTORY,
		errorsRising: errorSum(counters) > errorSum(previous.counters),
		at,
	};
}

/**
 * The traffic after a reading of `nsId`'s counters at `at` (ms). A reading of another namespace than the
 * last starts afresh: rates come from two readings of the same links. History is kept for the links in
 * `historyOf` (all when absent): a host of 1,000 links made 2,000 arrays a second for sparklines of rows
 * nobody could see.
 */
export function addReading(previous: NamespaceTraffic | undefined, nsId: string, counters: CountersByIndex, at: number, historyOf?: ReadonlySet<number>): NamespaceTraffic {
	const before = previous?.nsId === nsId ? previous.links : new Map<number, LinkTraffic>();
	const links = new Map<number, LinkTraffic>();
	for (const [ifindex, c] of counters) links.set(ifindex, nextLink(before.get(ifindex), c, at, historyOf?.has(ifindex) ?? true));
	return {nsId, links};
}

const UNITS = ['B/s', 'kB/s', 'MB/s', 'GB/s', 'TB/s'] as const;

/** `0 B/s`, `512 B/s`, `1.5 kB/s`, `12 MB/s`: SI units, as ip -h prints, at most three digits. */
export function formatRate(bytesPerSecond: number | undefined): string {
	if (bytesPerSecond === undefined) return '–';
	let value = Math.max(bytesPerSecond, 0);
	let unit = 0;
	while (value >= 999.5 && unit < UNITS.length - 1) {
		value /= 1000;
		unit++;
	}
	const digits = unit === 0 || value >= 9.95 ? value.toFixed(0) : value.toFixed(1);
	return `${digits} ${UNITS[unit]}`;
}

const BARS = '▁▂▃▄▅▆▇█';

/**
 * `values` (one a second, oldest first) as bars, `perBar` seconds to a bar (the larger of them, so a burst
 * is not averaged away), scaled to the largest; the newest at the right end, blanks before the first.
 */
export function sparkline(values: readonly number[], bars: number, perBar = 1): string {
	const groups: number[] = [];
	for (let end = values.length; end > 0 && groups.length < bars; end -= perBar) groups.unshift(Math.max(...values.slice(Math.max(end - perBar, 0), end)));
	const top = Math.max(...groups, 0);
	const drawn = groups.map((v) => (top === 0 ? BARS[0] : BARS[Math.min(BARS.length - 1, Math.round((v / top) * (BARS.length - 1)))]));
	return drawn.join('').padStart(bars, ' ');
}

/** The widest ratesText: `↓999 kB/s ↑999 kB/s`. */
export const RATES_WIDTH = 19;

/** `↓1.2 kB/s ↑0 B/s`: received and sent; empty before two readings. */
export function ratesText(traffic: LinkTraffic | undefined): string {
	if (traffic?.rxRate === undefined && traffic?.txRate === undefined) return '';
	return `↓${formatRate(traffic.rxRate)} ↑${formatRate(traffic.txRate)}`;
}
