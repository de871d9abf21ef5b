// Which rows of a long list to render: only the visible ones, keeping the selection in view.
import {fitWidth} from '../model/text-width.js';

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

/** Pad or cut a cell to exactly `width` columns, with … where it was cut (model/text-width.ts). */
export const fit = fitWidth;
