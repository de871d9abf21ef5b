// Names sorted the way people read them: ns2 before ns10, eth0 beside ETH1.
//
// Why not Intl.Collator('en', {numeric: true}), which orders the same way for the names nsdeck sorts
// (namespaces, interfaces)? Creating it loads ICU's collation data: 10–14 ms on this machine, on the
// path to the first frame, before the first `ip` could even start. This comparison needs no setup.
//
// The order follows the collator's for ASCII names: digit runs compare by value, letters ignore case,
// and punctuation < digits < letters (so "ns-1" < "ns1" < "nsa"). Names that still tie (case, leading
// zeros) are told apart at their first difference, lower case first, so the order is total and the same
// on every machine.
import type {NetnsKind} from './types.js';

const ZERO = 48;
const NINE = 57;

const isDigit = (code: number): boolean => code >= ZERO && code <= NINE;

/** Lower-cases ASCII letters only: names are compared code by code, never by locale. */
const fold = (code: number): number => (code >= 65 && code <= 90 ? code + 32 : code);

/** ASCII punctuation and symbols in the collator's order (Unicode's default collation order). */
const PUNCTUATION = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$';
const DIGITS_RANK = PUNCTUATION.length;
const LETTERS_RANK = DIGITS_RANK + 1;

/** Punctuation in PUNCTUATION's order, then digits, then letters (any non-ASCII character counts as one). */
function rank(code: number): number {
	if (isDigit(code)) return DIGITS_RANK;
	if ((code >= 97 && code <= 122) || code >= 128) return LETTERS_RANK;
	const place = PUNCTUATION.indexOf(String.fromCharCode(code));
	return place < 0 ? 0 : place; // control characters first
}

/** End of the digit run starting at `start`. */
function digitsEnd(text: string, start: number): number {
	let end = start;
	while (end < text.length && isDigit(text.charCodeAt(end))) end++;
	return end;
}

/** Compare two digit runs by value, without parsing (a run may be longer than a safe integer). */
function compareNumbers(a: string, aStart: number, aEnd: number, b: string, bStart: number, bEnd: number): number {
	while (aStart < aEnd - 1 && a.charCodeAt(aStart) === ZERO) aStart++;
	while (bStart < bEnd - 1 && b.charCodeAt(bStart) === ZERO) bStart++;
	if (aEnd - aStart !== bEnd - bStart) return aEnd - aStart - (bEnd - bStart);
	for (; aStart < aEnd; aStart++, bStart++) {
		const difference = a.charCodeAt(aStart) - b.charCodeAt(bStart);
		if (difference !== 0) return difference;
	}
	return 0;
}

export function compareNames(a: string, b: string): number {
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		const ca = a.charCodeAt(i);
		const cb = b.charCodeAt(j);
		if (isDigit(ca) && isDigit(cb)) {
			const aEnd = digitsEnd(a, i);
			const bEnd = digitsEnd(b, j);
			const byValue = compareNumbers(a, i, aEnd, b, j, bEnd);
			if (byValue !== 0) return byValue;
			i = aEnd;
			j = bEnd;
			continue;
		}
		const fa = fold(ca);
		const fb = fold(cb);
		if (fa !== fb) return rank(fa) - rank(fb) || fa - fb;
		i++;
		j++;
	}
	if (i < a.length || j < b.length) return i < a.length ? 1 : -1; // a prefix sorts first
	return breakTie(a, b);
}

/** Equal but for case or leading zeros: at the first difference, lower case first, else by code point. */
function breakTie(a: string, b: string): number {
	for (let k = 0; k < a.length && k < b.length; k++) {
		const ca = a.charCodeAt(k);
		const cb = b.charCodeAt(k);
		if (ca === cb) continue;
		return fold(ca) === fold(cb) ? cb - ca : ca - cb;
	}
	return a.length - b.length;
}

const KIND_ORDER: Readonly<Record<NetnsKind, number>> = {host: 0, named: 1, mounted: 2, process: 3};

/** How namespaces are listed: the host, then `ip netns` names, mounts by path, process-held by PID. */
export const compareNamespaces = (a: {readonly id: string; readonly kind: NetnsKind}, b: {readonly id: string; readonly kind: NetnsKind}): number =>
	KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareNames(a.id, b.id);
