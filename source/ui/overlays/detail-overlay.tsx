// Enter on a list item: everything the kernel said about it; ↑↓ scroll when it is longer than the screen.
import {Box} from 'ink';
import {Text} from '../text.js';
import {theme} from '../theme.js';
import type {DetailLine} from './detail-lines.js';

export interface DetailOverlayProps {
	readonly title: string;
	readonly lines: readonly DetailLine[];
	readonly width: number;
	readonly height: number;
	/** Lines scrolled past (clamped here to what there is). */
	readonly scroll?: number;
}

const rowsFor = (height: number): number => Math.max(height - 3, 0);

/** How far the detail view scrolls at this height: the keys stop there (use-app-keys.ts). */
export const detailMostScroll = (lines: readonly DetailLine[], height: number): number => Math.max(lines.length - rowsFor(height), 0);

export function DetailOverlay({title, lines, width, height, scroll = 0}: DetailOverlayProps) {
	const t = theme();
	const labelWidth = Math.min(Math.max(...lines.map(([label]) => label.length), 6) + 2, 20);
	const rows = rowsFor(height);
	const maxScroll = detailMostScroll(lines, height);
	const start = Math.min(Math.max(scroll, 0), maxScroll);
	return (
		<Box flexDirection="column" borderStyle="double" borderColor={t.accent} width={width} height={height} paddingX={1}>
			<Text bold color={t.accent} wrap="truncate">
				{title} — Esc to close{maxScroll > 0 ? ` · ↑↓ scroll (${start}/${maxScroll})` : ''}
			</Text>
			{lines.slice(start, start + rows).map(([label, value, tone], i) => (
				<Text key={i} wrap="truncate">
					<Text color={t.muted}>{label.padEnd(labelWidth)}</Text>
					<Text color={tone === 'warn' ? t.warn : undefined}>{value}</Text>
				</Text>
			))}
		</Box>
	);
}
