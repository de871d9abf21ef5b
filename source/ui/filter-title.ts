// A pane's title with its filter: `Namespaces (12/1000) /web▏` (the bar while typing); when that does not
// fit in `room` columns, the filter goes first (`/web▏ (12/1000)`), so what is typed stays visible.
import {textWidth} from '../model/text-width.js';

/** `(1000)`, or `(12/1000)` when a filter hides some. */
export const countText = (shown: number, total: number): string => (shown === total ? `(${total})` : `(${shown}/${total})`);

export function paneTitle(name: string, shown: number, total: number, filter: string | undefined, typing: boolean, room: number): string {
	const count = countText(shown, total);
	if (!typing && !filter) return `${name} ${count}`;
	const typed = `/${filter ?? ''}${typing ? '▏' : ''}`;
	const full = `${name} ${count} ${typed}`;
	return textWidth(full) <= room ? full : `${typed} ${count}`;
}
