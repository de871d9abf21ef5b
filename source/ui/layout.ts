// Pane sizes for a terminal size: namespaces on the left, interfaces and routes stacked on the right.
export interface Layout {
	readonly nsWidth: number;
	readonly rightWidth: number;
	readonly bodyHeight: number;
	readonly linksHeight: number;
	readonly routesHeight: number;
}

export function computeLayout(columns: number, rows: number): Layout {
	const nsWidth = Math.min(Math.max(Math.floor(columns * 0.24), 20), 36);
	const bodyHeight = Math.max(rows - 2, 6); // title bar and footer
	const linksHeight = Math.max(Math.ceil(bodyHeight * 0.58), 3);
	return {nsWidth, rightWidth: columns - nsWidth, bodyHeight, linksHeight, routesHeight: bodyHeight - linksHeight};
}
