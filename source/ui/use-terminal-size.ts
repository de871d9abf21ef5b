// The terminal's size, following resizes.
import {useWindowSize} from 'ink';

export interface Size {
	readonly columns: number;
	readonly rows: number;
}

/**
 * One row less than the terminal has: when ink's output is as tall as the terminal, ink clears the screen
 * and writes every line on every frame, so its incremental rendering never applies. One row shorter, an
 * arrow key rewrites only the lines that changed.
 */
const INK_FULL_REPAINT_MARGIN = 1;

export function useTerminalSize(fallback: Size = {columns: 80, rows: 24}): Size {
	const {columns, rows} = useWindowSize();
	return {columns: columns || fallback.columns, rows: (rows || fallback.rows) - INK_FULL_REPAINT_MARGIN};
}
