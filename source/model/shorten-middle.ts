// Names cut in the middle, `cni-72…9f1a`: generated names (pod namespaces cni-<uuid>, veth<hash>, container
// ids) share their start, so a cut at the end makes them all look alike; their ends differ.

/** `text` in at most `width` characters: whole when it fits, else its head, `…` and its tail. */
export function shortenMiddle(text: string, width: number): string {
	const chars = [...text];
	if (chars.length <= width) return text;
	if (width <= 1) return width === 1 ? '…' : '';
	// The head gets a character more: it says what kind of thing it is (cni-, veth), the tail which one.
	const tail = Math.floor((width - 2) / 2);
	const head = width - 1 - tail;
	return `${chars.slice(0, head).join('')}…${tail > 0 ? chars.slice(-tail).join('') : ''}`;
}

/** A name in a list cell of exactly `width` characters: shortened in the middle, padded. */
export function fitName(text: string, width: number): string {
	if (width <= 0) return '';
	const short = shortenMiddle(text, width);
	return short + ' '.repeat(width - [...short].length);
}
