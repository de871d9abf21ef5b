// x: a command's output (stderr in red), its exit status, scrollable with ↑↓ PgUp PgDn Home End. It
// follows the newest line until the user scrolls up or pauses (space): then the view holds the lines it
// had, still, while the command runs on and its ring moves, and says how many came since; End (or space)
// follows again. Long lines wrap; w turns wrapping off, and then ← → scroll sideways. Esc stops a running command, or closes. The capture panel (C) is this panel with a few
// lines and a key of its own (`extra`).
import {Box, useApp} from 'ink';
import {Text} from '../text.js';
import {useMemo, useState} from 'react';
import {useKeys, type KeyHandlers} from '../hooks/key-layer.js';
import {commandText} from '../../plans/script.js';
import type {CommandRun} from '../hooks/use-command.js';
import {theme} from '../theme.js';
import {fitParts, longestLine, outputRows, scrollSideways, sidewaysText} from './output-rows.js';
import {wrappedRows} from '../../model/text-width.js';

export interface OutputPanelProps {
	readonly run: CommandRun;
	readonly width: number;
	readonly height: number;
	readonly isFocused: boolean;
	readonly onStop: () => void;
	readonly onClose: () => void;
	readonly extra?: OutputExtra;
}

/** What a panel built on this one adds (the capture's). */
export interface OutputExtra {
	/** Said in place of the exit status. */
	readonly status?: string;
	/** Said in place of "no output yet…" while it runs. */
	readonly waiting?: string;
	/** Lines between the output and the status (where the pcap is). */
	readonly notes?: readonly {readonly text: string; readonly tone?: 'good' | 'muted'}[];
	/** Keys of its own beside the output's. */
	readonly keys?: KeyHandlers;
	/** The program's stderr is its own talk, not errors (tcpdump's "listening on"): drawn muted, not red. */
	readonly stderrMuted?: boolean;
	/** Esc is how it ends (a capture): stopped is a good end, not a failure. */
	readonly stopIsDone?: boolean;
}

export function statusText(run: CommandRun): string {
	// Shown as a flood: more lines came than the panel keeps (the last COMMAND_LINES, see use-command.ts).
	const flood = run.dropped ? `floods: ${run.dropped.toLocaleString('en')} lines unseen · ` : '';
	if (run.status === 'running') return `${flood}running… Esc stops it`;
	if (flood && run.status !== 'not run') return `${flood}${run.failure ?? `exit status ${run.exitCode ?? '?'}`}`;
	if (run.status === 'not run') return 'dry run: not run';
	if (run.failure) return run.failure;
	return `exit status ${run.exitCode ?? '?'}`;
}

/** Lines from the end that the view is scrolled back by, after a move (up, down, pageup, pagedown, home, end); 0 follows the newest line. */
export function scrollBy(back: number, move: string, page: number, total: number, rows: number): number {
	const most = Math.max(total - rows, 0);
	const next = {up: back + 1, down: back - 1, pageup: back + page, pagedown: back - page, home: most, end: 0}[move] ?? back;
	return Math.min(Math.max(next, 0), most);
}

/** Rows of the command line at the top: it wraps too, up to three rows. */
const HEADER_ROWS = 3;

export function OutputPanel({run, width, height, isFocused, onStop, onClose, extra = {}}: OutputPanelProps) {
	const t = theme();
	const {exit} = useApp();
	const [back, setBack] = useState(0);
	const [wrap, setWrap] = useState(true);
	const [column, setColumn] = useState(0);
	// Paused: the lines on hold, and how many had come by then (the ring drops old ones; `dropped` counts them).
	const [held, setHeld] = useState<{readonly lines: CommandRun['lines']; readonly received: number} | undefined>(undefined);
	const received = (run.dropped ?? 0) + run.lines.length;
	const hold = (): void => setHeld((h) => h ?? {lines: run.lines, received});
	const lines = held?.lines ?? run.lines;
	const inner = Math.max(width - 4, 1);
	const header = `$ ${commandText(run.argv)}`;
	const headerRows = Math.min(wrappedRows(header, inner), HEADER_ROWS);
	// A note wraps (a file's full path must be seen whole), up to three rows each.
	const notes = (extra.notes ?? []).map((note) => ({...note, rows: Math.min(wrappedRows(note.text, inner), HEADER_ROWS)}));
	const noteRows = notes.reduce((sum, note) => sum + note.rows, 0);
	const rows = Math.max(height - 4 - headerRows - noteRows, 1);
	const longest = useMemo(() => longestLine(lines), [lines]);
	const all = useMemo(() => outputRows(lines, inner, wrap, column), [lines, inner, wrap, column]);
	const total = all.length;
	const follow = (): void => {
		setHeld(undefined);
		setBack(0);
	};
	const scroll = (move: string) => (): void => {
		const next = scrollBy(back, move, rows - 1, total, rows);
		// Up from the newest holds the view; down to it (or End) follows again.
		if (next > 0) hold();
		else if (held && (move === 'end' || back === 0)) return follow();
		setBack(next);
	};
	const across = (toward: 'left' | 'right') => (): void => {
		if (!wrap) setColumn((c) => scrollSideways(c, toward, inner, longest));
	};
	useKeys(
		{
			stopOrClose: () => (run.status === 'running' ? onStop : onClose)(),
			outputUp: scroll('up'),
			outputDown: scroll('down'),
			outputPageUp: scroll('pageup'),
			outputPageDown: scroll('pagedown'),
			outputTop: scroll('home'),
			outputEnd: scroll('end'),
			pauseOutput: () => (held ? follow() : hold()),
			toggleWrap: () => {
				// The rows change under the view: follow the newest again rather than land somewhere unrelated.
				setWrap((w) => !w);
				setBack(0);
				setColumn(0);
			},
			sidewaysLeft: across('left'),
			sidewaysRight: across('right'),
			quit: () => exit(),
			...extra.keys,
		},
		isFocused,
	);
	const end = total - Math.min(back, Math.max(total - rows, 0));
	const start = Math.max(end - rows, 0);
	const ok = run.status === 'done' || (extra.stopIsDone === true && run.status === 'stopped');
	const sideways = sidewaysText(wrap, column, inner, longest);
	return (
		<Box flexDirection="column" borderStyle="double" borderColor={run.status === 'running' ? t.accent : ok ? t.good : t.bad} width={width} height={height} paddingX={1}>
			<Box height={headerRows} overflow="hidden">
				<Text bold color={t.accent} wrap="wrap">
					{header}
				</Text>
			</Box>
			{all.slice(start, end).map((row, i) => (
				<Text key={start + i} wrap="truncate" color={row.from === 'stderr' ? (extra.stderrMuted ? t.muted : t.bad) : undefined}>
					{row.text || ' '}
				</Text>
			))}
			{total === 0 && <Text color={t.muted}>{run.status === 'running' ? (extra.waiting ?? 'no output yet…') : run.status === 'not run' ? 'nothing ran: --dry-run runs no typed command' : 'no output'}</Text>}
			<Box flexGrow={1} />
			{notes.map((note, i) => (
				<Box key={`note-${i}`} height={note.rows} overflow="hidden" flexShrink={0}>
					<Text wrap="wrap" color={note.tone === 'good' ? t.good : note.tone === 'muted' ? t.muted : undefined}>
						{note.text}
					</Text>
				</Box>
			))}
			<Text bold color={run.status === 'running' ? t.muted : ok ? t.good : t.bad} wrap="truncate">
				{ok ? '✓' : run.status === 'running' ? '…' : '✗'} {extra.status ?? statusText(run)}
			</Text>
			<Text color={t.muted} wrap="truncate">
				{fitParts(
					[
						`Esc ${run.status === 'running' ? 'stop' : 'close'}`,
						held ? `paused: ${(received - held.received).toLocaleString('en')} new · End follows` : '',
						total > 0 ? `lines ${all[start].line + 1}–${all[end - 1].line + 1} of ${lines.length}` : '',
						sideways,
						total > rows ? '↑↓ PgUp PgDn Home End' : '',
					],
					inner,
				)}
			</Text>
		</Box>
	);
}
