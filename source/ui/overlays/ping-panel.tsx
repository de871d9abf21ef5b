// The ping panel: the command, each reply line as it arrives, the summary, why it failed, and the last
// few pings of this session. Esc stops a running ping at once; Esc again closes; p pings again. Long lines
// wrap; w turns wrapping off, and then ← → scroll sideways.
import {Box, useApp} from 'ink';
import {Text} from '../text.js';
import {useKeys} from '../hooks/key-layer.js';
import {summaryText} from '../../model/ping-output.js';
import {commandText} from '../../plans/script.js';
import type {PingRun} from '../../state/ping-runs.js';
import {theme} from '../theme.js';
import {useMemo, useState} from 'react';
import {longestLine, outputRows, scrollSideways, sidewaysText} from './output-rows.js';
import {wrappedRows} from '../../model/text-width.js';

export interface PingPanelProps {
	readonly runs: readonly PingRun[];
	readonly width: number;
	readonly height: number;
	readonly isFocused: boolean;
	readonly onStop: () => void;
	readonly onClose: () => void;
	readonly onAgain: () => void;
}

const STATUS: Record<PingRun['status'], string> = {running: 'running', done: 'done', stopped: 'stopped', failed: 'failed'};

/** One line for a finished ping in the history. */
export function historyLine(run: PingRun): string {
	const mark = run.status === 'done' ? '✓' : run.status === 'stopped' ? '■' : run.status === 'running' ? '…' : '✗';
	const s = run.summary;
	const result = s ? `${s.received}/${s.transmitted} received, ${s.lossPercent}% loss${s.rtt ? `, avg ${s.rtt.avg} ms` : ''}` : (run.error?.split('\n')[0] ?? STATUS[run.status]);
	return `${mark} ${run.request.ns} → ${run.request.target}  ${result}`;
}

export function PingPanel({runs, width, height, isFocused, onStop, onClose, onAgain}: PingPanelProps) {
	const t = theme();
	const {exit} = useApp();
	const run = runs.at(-1);
	const running = run?.status === 'running';
	const [wrap, setWrap] = useState(true);
	const [column, setColumn] = useState(0);
	const inner = Math.max(width - 4, 1);
	const lines = run?.lines;
	const longest = useMemo(() => longestLine(lines ?? []), [lines]);
	const across = (toward: 'left' | 'right') => (): void => {
		if (!wrap) setColumn((c) => scrollSideways(c, toward, inner, longest));
	};
	useKeys(
		{
			stopOrClose: () => (running ? onStop : onClose)(),
			pingAgain: onAgain,
			toggleWrap: () => {
				setWrap((w) => !w);
				setColumn(0);
			},
			sidewaysLeft: across('left'),
			sidewaysRight: across('right'),
			quit: () => exit(),
		},
		isFocused,
	);
	if (!run) return null;
	const earlier = runs.slice(0, -1).reverse();
	const reasons = run.diagnosis ?? [];
	const failedWaiting = !running && run.status === 'failed' && run.diagnosis === undefined;
	const fixed = 3 + 1 + (failedWaiting ? 1 : 0) + reasons.reduce((n, r) => n + wrappedRows(`why: ${r}`, inner), 0) + (earlier.length > 0 ? earlier.length + 1 : 0);
	const sideways = sidewaysText(wrap, column, inner, longest);
	const shownRows = Math.max(height - 2 - fixed - (sideways ? 1 : 0), 1);
	const rows = outputRows(run.lines, inner, wrap, column).slice(-shownRows);
	const summaryColor = run.status === 'done' ? t.good : run.status === 'stopped' ? t.warn : t.bad;
	return (
		<Box flexDirection="column" borderStyle="double" borderColor={running ? t.accent : run.status === 'done' ? t.good : t.bad} width={width} height={height} paddingX={1}>
			<Text bold color={t.accent} wrap="truncate">
				Ping {run.request.target} from {run.request.ns} — {running ? 'running… Esc stops it' : `${STATUS[run.status]} · p ping again · Esc close`}
			</Text>
			<Text color={t.muted} wrap="truncate">
				$ {commandText(run.argv)}
			</Text>
			{rows.map((row, i) => (
				<Text key={i} wrap="truncate" color={row.from === 'stderr' ? t.bad : undefined}>
					{row.text || ' '}
				</Text>
			))}
			{run.lines.length === 0 && <Text color={t.muted}>{running ? 'waiting for the first reply…' : 'no output'}</Text>}
			<Box flexGrow={1} />
			{run.summary ? (
				<Text bold color={summaryColor} wrap="truncate">
					{run.status === 'done' ? '✓' : run.status === 'stopped' ? '■ stopped:' : '✗'} {summaryText(run.summary)}
				</Text>
			) : (
				<Text color={running ? t.muted : t.bad} wrap="truncate">
					{running ? '…' : `✗ ${run.error?.split('\n')[0] ?? 'no summary from ping'}`}
				</Text>
			)}
			{failedWaiting && <Text color={t.muted}>reading the network again to say why…</Text>}
			{reasons.map((reason, i) => (
				<Text key={i} color={t.warn} wrap="wrap">
					<Text bold>why: </Text>
					{reason}
				</Text>
			))}
			{sideways && (
				<Text color={t.muted} wrap="truncate">
					{sideways}
				</Text>
			)}
			{earlier.length > 0 && (
				<>
					<Text bold>Earlier pings:</Text>
					{earlier.map((r) => (
						<Text key={r.id} color={t.muted} wrap="truncate">
							{'  '}
							{historyLine(r)}
						</Text>
					))}
				</>
			)}
		</Box>
	);
}
