// x: a command's output (stderr in red), its exit status, scrollable with ↑↓ PgUp PgDn Home End. It
// follows the newest line until the user scrolls up. Esc stops a running command, or closes.
import {Box, useApp, useInput} from 'ink';
import {Text} from '../text.js';
import {useState} from 'react';
import {findBinding} from '../../keymap.js';
import {keyName} from '../../key-name.js';
import {commandText} from '../../plans/script.js';
import type {CommandRun} from '../../state/use-command.js';
import {theme} from '../theme.js';

export interface OutputPanelProps {
	readonly run: CommandRun;
	readonly width: number;
	readonly height: number;
	readonly isFocused: boolean;
	readonly onStop: () => void;
	readonly onClose: () => void;
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

/** Lines from the end that the view is scrolled back by; 0 follows the newest line. */
export function scrollBy(back: number, key: string, page: number, total: number, rows: number): number {
	const most = Math.max(total - rows, 0);
	const next = {up: back + 1, down: back - 1, pageup: back + page, pagedown: back - page, home: most, end: 0}[key] ?? back;
	return Math.min(Math.max(next, 0), most);
}

export function OutputPanel({run, width, height, isFocused, onStop, onClose}: OutputPanelProps) {
	const t = theme();
	const {exit} = useApp();
	const [back, setBack] = useState(0);
	const rows = Math.max(height - 5, 1);
	const total = run.lines.length;
	useInput(
		(input, key) => {
			const name = keyName(input, key);
			const binding = findBinding(name, ['output', 'global']);
			if (binding?.id === 'stopOrClose') (run.status === 'running' ? onStop : onClose)();
			else if (binding?.id === 'scrollOutput') setBack((b) => scrollBy(b, name, rows - 1, total, rows));
			else if (binding?.id === 'quit') exit();
		},
		{isActive: isFocused},
	);
	const end = total - Math.min(back, Math.max(total - rows, 0));
	const start = Math.max(end - rows, 0);
	const ok = run.status === 'done';
	return (
		<Box flexDirection="column" borderStyle="double" borderColor={run.status === 'running' ? t.accent : ok ? t.good : t.bad} width={width} height={height} paddingX={1}>
			<Text bold color={t.accent} wrap="truncate">
				$ {commandText(run.argv)}
			</Text>
			{run.lines.slice(start, end).map((line, i) => (
				<Text key={start + i} wrap="truncate" color={line.from === 'stderr' ? t.bad : undefined}>
					{line.text}
				</Text>
			))}
			{total === 0 && <Text color={t.muted}>{run.status === 'running' ? 'no output yet…' : run.status === 'not run' ? 'nothing ran: --dry-run runs no typed command' : 'no output'}</Text>}
			<Box flexGrow={1} />
			<Text bold color={run.status === 'running' ? t.muted : ok ? t.good : t.bad} wrap="truncate">
				{ok ? '✓' : run.status === 'running' ? '…' : '✗'} {statusText(run)}
			</Text>
			<Text color={t.muted} wrap="truncate">
				{total > 0 ? `lines ${start + 1}–${end} of ${total} · ↑↓ PgUp PgDn Home End scroll · ` : ''}Esc {run.status === 'running' ? 'stop' : 'close'}
			</Text>
		</Box>
	);
}
