// Which part of the topology map is in view: panned by the arrow keys, and moved to show the selected
// namespace's box. Pure, so it is tested without a terminal.

export interface Viewport {
	readonly top: number;
	readonly left: number;
}

export interface Extent {
	readonly rows: number;
	readonly columns: number;
}

export interface Rect {
	readonly top: number;
	readonly left: number;
	readonly height: number;
	readonly width: number;
}

export const ORIGIN: Viewport = {top: 0, left: 0};

const clamp = (value: number, max: number): number => Math.min(Math.max(value, 0), Math.max(max, 0));

/** Keep the view on the map: never past its last row or column (a map that shrank pulls the view back). */
export function clampViewport(view: Viewport, map: Extent, size: Extent): Viewport {
	return {top: clamp(view.top, map.rows - size.rows), left: clamp(view.left, map.columns - size.columns)};
}

export function panBy(view: Viewport, rows: number, columns: number, map: Extent, size: Extent): Viewport {
	return clampViewport({top: view.top + rows, left: view.left + columns}, map, size);
}

/** Scroll as little as possible to bring `box` into view; a box taller or wider than the view shows its top-left. */
export function showRect(view: Viewport, box: Rect, map: Extent, size: Extent): Viewport {
	const axis = (start: number, length: number, from: number, span: number): number => {
		if (length > span || start < from) return start;
		if (start + length > from + span) return start + length - span;
		return from;
	};
	return clampViewport(
		{top: axis(box.top, box.height, view.top, size.rows), left: axis(box.left, box.width, view.left, size.columns)},
		map,
		size,
	);
}
