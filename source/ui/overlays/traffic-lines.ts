// The detail of an interface's traffic: both rates with a sparkline of the last 60 s, and every counter,
// errors and drops in the warning colour while they rise. Pure: tested without ink.
import {RX_COUNTERS, TX_COUNTERS} from '../../model/traffic/counters.js';
import {isDefaultQdisc, qdiscText, type Qdisc} from '../../model/traffic/qdisc.js';
import {HISTORY_SECONDS, formatRate, sparkline, type LinkTraffic} from '../../model/traffic/rates.js';
import type {DetailLine} from './detail-lines.js';

/** Two seconds to a bar: the last minute fits beside the labels at 80 columns. */
const BARS = HISTORY_SECONDS / 2;

/** Counters that say something went wrong: shown in the warning colour while they rise. */
const TROUBLE = new Set(['errors', 'dropped', 'over_errors', 'carrier_errors', 'collisions']);

/** The link's qdiscs, root first, each with its parameters; the kind alone when tc was not asked. */
export function qdiscLines(kind: string | undefined, qdiscs: readonly Qdisc[] | undefined): DetailLine[] {
	if (qdiscs && qdiscs.length > 0) return [...qdiscs].sort((a, b) => Number(b.root) - Number(a.root)).map((q) => ['qdisc', qdiscText(q)] as const);
	return kind ? [['qdisc', isDefaultQdisc(kind) ? `${kind} (the default)` : kind]] : [];
}

export function trafficLines(traffic: LinkTraffic | undefined): DetailLine[] {
	if (!traffic) return [['traffic', 'not read yet (counters are read once a second)']];
	const lines: DetailLine[] = [
		['receiving', formatRate(traffic.rxRate)],
		[`rx last ${HISTORY_SECONDS} s`, sparkline(traffic.rxHistory, BARS, HISTORY_SECONDS / BARS)],
		['sending', formatRate(traffic.txRate)],
		[`tx last ${HISTORY_SECONDS} s`, sparkline(traffic.txHistory, BARS, HISTORY_SECONDS / BARS)],
	];
	const counter = (direction: 'rx' | 'tx', key: string, value: number): DetailLine =>
		traffic.errorsRising && TROUBLE.has(key) && value > 0 ? [`${direction} ${key}`, `${value} (rising)`, 'warn'] : [`${direction} ${key}`, String(value)];
	for (const key of RX_COUNTERS) lines.push(counter('rx', key, traffic.counters.rx[key]));
	for (const key of TX_COUNTERS) lines.push(counter('tx', key, traffic.counters.tx[key]));
	return lines;
}
