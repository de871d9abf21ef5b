// l: every command nsdeck ran, in order: when it started, how long it ran, how it ended (exit status,
// signal, or still running), the command and its error, wrapped under the command rather than cut.
// Pings and x commands are in it too.
import {Box} from 'ink';
import {Text} from '../text.js';
import type {LogEntry} from '../../plans/run-plan.js';
import {entryRows, logMostBack, logRows, logWidth} from '../../state/log-scroll.js';
import {theme} from '../theme.js';

export interface LogOverlayProps {
	readonly entries: readonly LogEntry[];
	readonly width: number;
	readonly height: number;
	readonly dryRun: boolean;
	/** Entries scrolled back from where the newest fill the view (negative: up, towards older commands). */
	readonly scroll?: number;
}

export function LogOverlay({entries, width, height, dryRun, scroll = 0}: LogOverlayProps) {
	const t = theme();
	const rows = logRows(height);
	const inner = logWidth(width);
	// Newest at the bottom, like a terminal; ↑ scrolls back to older commands.
	const newest = logMostBack(entries, width, height);
	const first = Math.min(Math.max(newest + scroll, 0), newest);
	const shown: Array<{key: string; color: string | undefined; row: ReturnType<typeof entryRows>[number]}> = [];
	for (let i = first; i < entries.length && shown.length < rows; i++) {
		const e = entries[i];
		const color = e.status === 'ok' || e.status === 'undo ok' ? t.good : e.status === 'not run' || e.status === 'running' ? t.muted : e.status === 'stopped' ? t.warn : t.bad;
		for (const [r, row] of entryRows(e, inner).entries()) if (shown.length < rows) shown.push({key: `${i}.${r}`, color, row});
	}
	return (
		<Box flexDirection="column" borderStyle="double" borderColor={t.accent} width={width} height={height} paddingX={1}>
			<Text bold color={t.accent} wrap="truncate">
				Command log ({entries.length}){dryRun ? ' — dry run: nothing was run' : ''} —{newest > 0 ? ' ↑↓ g G scroll ·' : ''} w write script · y copy · Esc close
			</Text>
			{entries.length === 0 && <Text color={t.muted}>No commands yet. Changes you make (n, v, b, a, r, …), pings and x commands show up here.</Text>}
			{shown.map(({key, color, row}) => (
				<Text key={key} wrap="truncate">
					<Text color={color}>{row.prefix}</Text>
					{row.pieces.map((piece, p) => (
						<Text key={p} color={piece.error ? t.bad : undefined}>
							{piece.text}
						</Text>
					))}
				</Text>
			))}
		</Box>
	);
}
