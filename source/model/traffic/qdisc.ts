// Queueing disciplines as `tc -j qdisc show` prints them, and what nsdeck says of the two it sets: tbf (a
// rate limit) and netem (delay, jitter, loss, duplication, reordering). Text from tc is untrusted: every
// field is checked; a record that is not as expected is left out.

/** A qdisc as tc -j prints it; `options` kept as printed (show --json hands it on). */
export interface Qdisc {
	readonly kind: string;
	readonly handle: string;
	readonly dev: string;
	readonly root: boolean;
	readonly parent?: string;
	readonly options: Readonly<Record<string, unknown>>;
	/** The record exactly as tc printed it. */
	readonly raw: Readonly<Record<string, unknown>>;
}

/** Qdiscs by namespace id, as `tc -j qdisc show` printed them there. */
export type QdiscsByNamespace = ReadonlyMap<string, readonly Qdisc[]>;

/** What the kernel or a distribution sets up by itself: a row shows the qdisc only when it is none of these. */
export const DEFAULT_QDISCS: ReadonlySet<string> = new Set(['noqueue', 'noop', 'pfifo_fast', 'fq_codel', 'mq', 'fq', 'pfifo', 'cake_mq']);

export const isDefaultQdisc = (kind: string | undefined): boolean => kind === undefined || DEFAULT_QDISCS.has(kind);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `tc -j qdisc show [dev X]` output; what is not a qdisc record is left out. */
export function parseQdiscs(text: string): Qdisc[] {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return [];
	}
	if (!Array.isArray(parsed)) return [];
	return parsed.flatMap((raw): Qdisc[] => {
		if (!isRecord(raw) || typeof raw.kind !== 'string' || typeof raw.handle !== 'string') return [];
		return [{
			kind: raw.kind,
			handle: raw.handle,
			dev: typeof raw.dev === 'string' ? raw.dev : '',
			root: raw.root === true,
			...(typeof raw.parent === 'string' ? {parent: raw.parent} : {}),
			options: isRecord(raw.options) ? raw.options : {},
			raw,
		}];
	});
}

const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined);
const sub = (value: unknown, key: string): unknown => (isRecord(value) ? value[key] : undefined);

/** Bits a second in tc's units: 1mbit, 250kbit, 800bit. */
export function rateText(bytesPerSecond: number): string {
	const bits = bytesPerSecond * 8;
	for (const [unit, size] of [['gbit', 1e9], ['mbit', 1e6], ['kbit', 1e3]] as const) if (bits >= size && bits % (size / 1000) === 0) return `${bits / size}${unit}`;
	return `${bits}bit`;
}

/** Seconds (netem's JSON) or microseconds (tbf's lat) as tc writes a time: 100ms, 1.5s, 250us. */
export function timeText(seconds: number): string {
	const us = Math.round(seconds * 1e6);
	if (us % 1_000_000 === 0) return `${us / 1_000_000}s`;
	if (us % 1000 === 0) return `${us / 1000}ms`;
	return `${us}us`;
}

/** netem's probabilities as tc -j prints them (a fraction, 0.01 for 1 %), as tc reads them again: `1%`. */
const percentText = (fraction: number): string => `${Number((fraction * 100).toPrecision(6))}%`;

/**
 * The arguments after `tbf` or `netem` that set this qdisc up again as it is (an undo restores it), or
 * undefined for a kind nsdeck does not set, or options it cannot read.
 */
export function qdiscArgs(q: Qdisc): string[] | undefined {
	const o = q.options;
	if (q.kind === 'tbf') {
		const rate = num(o.rate);
		const burst = num(o.burst);
		const lat = num(o.lat);
		if (rate === undefined || burst === undefined || lat === undefined) return undefined;
		return ['rate', rateText(rate), 'burst', `${burst}b`, 'latency', timeText(lat / 1e6)];
	}
	if (q.kind === 'netem') {
		const args: string[] = [];
		const delay = num(sub(o.delay, 'delay'));
		const jitter = num(sub(o.delay, 'jitter'));
		if (delay) args.push('delay', timeText(delay), ...(jitter ? [timeText(jitter)] : []));
		const loss = num(sub(o['loss-random'], 'loss'));
		if (loss) args.push('loss', percentText(loss));
		const duplicate = num(sub(o.duplicate, 'duplicate'));
		if (duplicate) args.push('duplicate', percentText(duplicate));
		const reorder = num(sub(o.reorder, 'reorder'));
		if (reorder) args.push('reorder', percentText(reorder));
		return args;
	}
	return undefined;
}

/** One line for the detail view: `tbf rate 1mbit burst 4096b latency 400ms`, or tc's options as JSON. */
export function qdiscText(q: Qdisc): string {
	const args = qdiscArgs(q);
	const where = q.root ? 'root' : `parent ${q.parent ?? '?'}`;
	return `${q.kind} ${where} ${args ? args.join(' ') : JSON.stringify(q.options)}`.trim();
}
