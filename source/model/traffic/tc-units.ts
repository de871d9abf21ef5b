// tc's words for rates, sizes, times and percentages: what the shaping form and world files accept, and
// their values in one unit each, so that a file's `1000kbit` and the kernel's 125000 B/s compare equal.

const RATE = /^(\d+(?:\.\d+)?)(bit|kbit|mbit|gbit|tbit|bps|kbps|mbps|gbps|tbps)$/i;
const SIZE = /^(\d+(?:\.\d+)?)(b|k|kb|m|mb|g|gb|kbit|mbit|gbit)?$/i;
const TIME = /^(\d+(?:\.\d+)?)(us|usec|ms|msec|s|sec)$/i;
const PERCENT = /^(\d+(?:\.\d+)?)%?$/;

export const checkRate = (value: string): string | undefined => (RATE.test(value) && !/^0+(\.0+)?[a-z]/i.test(value) ? undefined : 'a rate as tc writes it: 1mbit, 250kbit, 10mbps');
export const checkSize = (value: string): string | undefined => (SIZE.test(value) ? undefined : 'a size: 32kbit, 4kb, 1600b');
export const checkTime = (value: string): string | undefined => (TIME.test(value) ? undefined : 'a time: 100ms, 1s, 500us');
export function checkPercent(value: string): string | undefined {
	if (!PERCENT.test(value)) return 'a percentage: 1%, 0.5%';
	return Number.parseFloat(value) > 100 ? 'at most 100%' : undefined;
}

/** tc's multipliers (tc/tc_util.c): k is 1000 for rates, 1024 for sizes; `bps` is bytes a second. */
const RATE_BITS: Readonly<Record<string, number>> = {bit: 1, kbit: 1e3, mbit: 1e6, gbit: 1e9, tbit: 1e12, bps: 8, kbps: 8e3, mbps: 8e6, gbps: 8e9, tbps: 8e12};
const SIZE_BYTES: Readonly<Record<string, number>> = {b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, kbit: 1024 / 8, mbit: 1024 ** 2 / 8, gbit: 1024 ** 3 / 8};
const TIME_SECONDS: Readonly<Record<string, number>> = {us: 1e-6, usec: 1e-6, ms: 1e-3, msec: 1e-3, s: 1, sec: 1};

/** Bytes a second; undefined when not a rate. */
export function rateBytes(value: string): number | undefined {
	const m = RATE.exec(value);
	return m ? (Number(m[1]) * RATE_BITS[m[2].toLowerCase()]) / 8 : undefined;
}

export function sizeBytes(value: string): number | undefined {
	const m = SIZE.exec(value);
	return m ? Number(m[1]) * SIZE_BYTES[(m[2] ?? 'b').toLowerCase()] : undefined;
}

export function timeSeconds(value: string): number | undefined {
	const m = TIME.exec(value);
	return m ? Number(m[1]) * TIME_SECONDS[m[2].toLowerCase()] : undefined;
}

/** A fraction: `1%` is 0.01. */
export function percentFraction(value: string): number | undefined {
	const m = PERCENT.exec(value);
	return m ? Number(m[1]) / 100 : undefined;
}
