// Names cut in the middle, `cni-72…9f1a`: generated names (pod namespaces cni-<uuid>, veth<hash>, container
// ids) share their start, so a cut at the end makes them all look alike; their ends differ. Measured in
// columns, as drawn (text-width.ts): a CJK name or a bidi override takes what it takes on screen.
import {padWidth, shortenMiddleWidth, textWidth} from './text-width.js';

/** `text` in at most `width` columns: whole when it fits, else its head, `…` and its tail. */
export const shortenMiddle = shortenMiddleWidth;

/** A name in a list cell of exactly `width` columns: shortened in the middle, padded. */
export function fitName(text: string, width: number): string {
	if (width <= 0) return '';
	return padWidth(shortenMiddle(text, width), width);
}

/**
 * A relation (`→ ns1/veth_ns1`, `master br0`) in `room` columns: only its first part, the peer, is cut in
 * the middle, and never below `min` columns (a cut that short says too little: the row end cuts instead);
 * the words after it stay whole, so a cut never lands inside `master br0`.
 */
export function fitRelation(parts: readonly string[], room: number, min: number): string {
	const whole = parts.join(' ');
	if (textWidth(whole) <= room || parts.length === 0) return whole;
	const [head, ...rest] = parts;
	const tail = rest.join(' ');
	const headRoom = Math.max(room - (tail ? textWidth(tail) + 1 : 0), min);
	const cut = textWidth(head) > headRoom ? shortenMiddle(head, headRoom) : head;
	return tail ? `${cut} ${tail}` : cut;
}
