// Enter on a list item: everything the kernel said about it.
import {Box} from 'ink';
import {Text} from '../text.js';
import {theme} from '../theme.js';
import type {DetailLine} from './detail-lines.js';

export interface DetailOverlayProps {
	readonly title: string;
	readonly lines: readonly DetailLine[];
	readonly width: number;
	readonly height: number;
}

export function DetailOverlay({title, lines, width, height}: DetailOverlayProps) {
	const t = theme();
	const labelWidth = Math.min(Math.max(...lines.map(([label]) => label.length), 6) + 2, 20);
	return (
		<Box flexDirection="column" borderStyle="double" borderColor={t.accent} width={width} height={height} paddingX={1}>
			<Text bold color={t.accent} wrap="truncate">
				{title} — Esc to close
			</Text>
			{lines.slice(0, Math.max(height - 3, 0)).map(([label, value], i) => (
				<Text key={i} wrap="truncate">
					<Text color={t.muted}>{label.padEnd(labelWidth)}</Text>
					{value}
				</Text>
			))}
		</Box>
	);
}
