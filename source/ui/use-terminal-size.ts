// The terminal's size, following resizes.
import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

export interface Size {
	readonly columns: number;
	readonly rows: number;
}

/**
 * One row less than the terminal has: when ink's output is as tall as the terminal, ink clears the screen
 * and writes every line on every frame (measured: 7.4 KB per arrow key at 120x40), so its incremental
 * rendering never applies. One row shorter, an arrow key rewrites only the lines that changed.
 */
const INK_FULL_REPAINT_MARGIN = 1;

export function useTerminalSize(fallback: Size = {columns: 80, rows: 24}): Size {
	const {stdout} = useStdout();
	const read = (): Size => ({columns: stdout.columns || fallback.columns, rows: (stdout.rows || fallback.rows) - INK_FULL_REPAINT_MARGIN});
	const [size, setSize] = useState(read);
	useEffect(() => {
		const onResize = (): void => setSize(read());
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
}
