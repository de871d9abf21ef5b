// Names cut in the middle, `cni-72…9f1a`: generated names (pod namespaces cni-<uuid>, veth<hash>, container
// ids) share their start, so a cut at the end makes them all look alike; their ends differ. Measured in
// columns, as drawn (text-width.ts): a CJK name or a bidi override takes what it takes on screen.
import {padWidth, shortenMiddleWidth} from './text-width.js';

/** `text` in at most `width` columns: whole when it fits, else its head, `…` and its tail. */
export const shortenMiddle = shortenMiddleWidth;

/** A name in a list cell of exactly `width` columns: shortened in the middle, padded. */
export function fitName(text: string, width: number): string {
	if (width <= 0) return '';
	return padWidth(shortenMiddle(text, width), width);
}
