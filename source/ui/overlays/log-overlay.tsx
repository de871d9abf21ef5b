// l: every command nsdeck ran, in order, with its status and error text.
import {Box} from 'ink';
import {Text} from '../text.js';
import type {LogEntry} from '../../plans/run-plan.js';
import {commandText} from '../../plans/script.js';
import {theme} from '../theme.js';

export interface LogOverlayProps {
	readonly entries: readonly LogEntry[];
	readonly width: number;
	readonly height: number;
	readonly dryRun: boolean;
	/** Lines scrolled from the end (negative: up, towards older commands). */
	readonly scroll?: number;
}

const MARK: Record<LogEntry['status'], string> = {ok: '✓', failed: '✗', 'not run': '○', 'undo ok': '↺', 'undo failed': '✗'};

export function LogOverlay({entries, width, height, dryRun, scroll = 0}: LogOverlayProps) {
	const t = theme();
	const rows = Math.max(height - 4, 1);
	// Newest at the bottom, like a terminal; ↑ scrolls back to older commands.
	const newest = Math.max(entries.length - rows, 0);
	const start = Math.min(Math.max(newest + scroll, 0), newest);
	const end = Math.min(start + rows, entries.length);
	return (
		<Box flexDirection="column" borderStyle="double" borderColor={t.accent} width={width} height={height} paddingX={1}>
			<Text bold color={t.accent} wrap="truncate">
				Command log ({entries.length}){dryRun ? ' — dry run: nothing was run' : ''} — w write script · y copy{newest > 0 ? ' · ↑↓ scroll' : ''} · Esc close
			</Text>
			{entries.length === 0 && <Text color={t.muted}>No commands yet. Changes you make (n, v, b, a, r, …) show up here.</Text>}
			{entries.slice(start, end).map((e, i) => {
				const color = e.status === 'ok' || e.status === 'undo ok' ? t.good : e.status === 'not run' ? t.muted : t.bad;
				return (
					<Text key={start + i} wrap="truncate">
						<Text color={color}>
							{MARK[e.status]} {e.status.padEnd(11)}
						</Text>
						{commandText(e.argv)}
						{e.error && <Text color={t.bad}> — {e.error.split('\n')[0]}</Text>}
					</Text>
				);
			})}
		</Box>
	);
}
