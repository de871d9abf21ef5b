// l: every command nsdeck ran, in order: when it started, how long it ran, how it ended (exit status,
// signal, or still running), the command and its error. Pings and x commands are in it too.
import {Box} from 'ink';
import {Text} from '../text.js';
import {clockTime, durationText, outcomeText} from '../../plans/log-text.js';
import type {LogEntry} from '../../plans/run-plan.js';
import {commandText} from '../../plans/script.js';
import {logMostBack, logRows} from '../../state/log-scroll.js';
import {theme} from '../theme.js';

export interface LogOverlayProps {
	readonly entries: readonly LogEntry[];
	readonly width: number;
	readonly height: number;
	readonly dryRun: boolean;
	/** Lines scrolled from the end (negative: up, towards older commands). */
	readonly scroll?: number;
}

const MARK: Record<LogEntry['status'], string> = {ok: '✓', failed: '✗', 'not run': '○', 'undo ok': '↺', 'undo failed': '✗', running: '…', stopped: '■'};

/** `09:41:02  12 ms ✓ exit 0 `: the fixed columns before the command. */
export function entryPrefix(e: LogEntry): string {
	const took = e.durationMs === undefined ? '' : durationText(e.durationMs);
	return `${clockTime(e.at)} ${took.padStart(6)} ${MARK[e.status]} ${outcomeText(e).padEnd(7)} `;
}

export function LogOverlay({entries, width, height, dryRun, scroll = 0}: LogOverlayProps) {
	const t = theme();
	const rows = logRows(height);
	// Newest at the bottom, like a terminal; ↑ scrolls back to older commands.
	const newest = logMostBack(entries.length, height);
	const start = Math.min(Math.max(newest + scroll, 0), newest);
	const end = Math.min(start + rows, entries.length);
	return (
		<Box flexDirection="column" borderStyle="double" borderColor={t.accent} width={width} height={height} paddingX={1}>
			<Text bold color={t.accent} wrap="truncate">
				Command log ({entries.length}){dryRun ? ' — dry run: nothing was run' : ''} —{newest > 0 ? ' ↑↓ g G scroll ·' : ''} w write script · y copy · Esc close
			</Text>
			{entries.length === 0 && <Text color={t.muted}>No commands yet. Changes you make (n, v, b, a, r, …), pings and x commands show up here.</Text>}
			{entries.slice(start, end).map((e, i) => {
				const color = e.status === 'ok' || e.status === 'undo ok' ? t.good : e.status === 'not run' || e.status === 'running' ? t.muted : e.status === 'stopped' ? t.warn : t.bad;
				return (
					<Text key={start + i} wrap="truncate">
						<Text color={color}>{entryPrefix(e)}</Text>
						{commandText(e.argv)}
						{e.error && <Text color={t.bad}> — {e.error.split('\n')[0]}</Text>}
					</Text>
				);
			})}
		</Box>
	);
}
