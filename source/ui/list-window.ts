// Which rows of a long list to render: only the visible ones, keeping the selection in view.

export interface ListWindow {
	readonly start: number;
	readonly end: number;
}

export function listWindow(selected: number, count: number, height: number): ListWindow {
	if (height <= 0 || count === 0) return {start: 0, end: 0};
	if (count <= height) return {start: 0, end: count};
	const half = Math.floor(height / 2);
	const start = Math.min(Math.max(selected - half, 0), count - height);
	return {start, end: start + height};
}

/** Pad or cut a cell to exactly `width` characters, with … where it was cut. */
export function fit(text: string, width: number): string {
	if (width <= 0) return '';
	if (text.length <= width) return text.padEnd(width);
	return width === 1 ? '…' : `${text.slice(0, width - 1)}…`;
}
