// A pane's title with its filter: `Namespaces (12/1000) /web▏` (the bar while typing).

export function titleWithFilter(title: string, filter: string | undefined, typing: boolean): string {
	if (!typing && !filter) return title;
	return `${title} /${filter ?? ''}${typing ? '▏' : ''}`;
}

/** `(1000)`, or `(12/1000)` when a filter hides some. */
export const countText = (shown: number, total: number): string => (shown === total ? `(${total})` : `(${shown}/${total})`);
