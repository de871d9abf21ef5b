// A link's 64-bit counters as `ip -s -j link` prints them (stats64), which nsdeck-netdump --serve prints
// too (native/link-stats.c): one parser for both. The text comes from the kernel through a process: every
// field is checked, and a record that is not as expected is left out rather than trusted.

export const RX_COUNTERS = ['bytes', 'packets', 'errors', 'dropped', 'over_errors', 'multicast'] as const;
export const TX_COUNTERS = ['bytes', 'packets', 'errors', 'dropped', 'carrier_errors', 'collisions'] as const;

export type RxCounters = Readonly<Record<(typeof RX_COUNTERS)[number], number>>;
export type TxCounters = Readonly<Record<(typeof TX_COUNTERS)[number], number>>;

export interface LinkCounters {
	readonly rx: RxCounters;
	readonly tx: TxCounters;
}

/** A namespace's counters by ifindex. */
export type CountersByIndex = ReadonlyMap<number, LinkCounters>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const count = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined);

function direction<K extends string>(value: unknown, keys: readonly K[]): Readonly<Record<K, number>> | undefined {
	if (!isRecord(value)) return undefined;
	const out = {} as Record<K, number>;
	for (const key of keys) {
		// A counter ip did not print (an old kernel) reads as 0: absent is not a rise.
		const n = value[key] === undefined ? 0 : count(value[key]);
		if (n === undefined) return undefined;
		out[key] = n;
	}
	return out;
}

/** `ip -s -j link` output (or the helper's): counters by ifindex; links without stats64 are left out. */
export function parseLinkCounters(text: string): CountersByIndex {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return new Map();
	}
	const out = new Map<number, LinkCounters>();
	if (!Array.isArray(parsed)) return out;
	for (const record of parsed) {
		if (!isRecord(record) || !Number.isInteger(record.ifindex) || !isRecord(record.stats64)) continue;
		const rx = direction(record.stats64.rx, RX_COUNTERS);
		const tx = direction(record.stats64.tx, TX_COUNTERS);
		if (rx && tx) out.set(record.ifindex as number, {rx, tx});
	}
	return out;
}
