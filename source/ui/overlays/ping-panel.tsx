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
import {fixText, type Fix} from '../../model/diagnosis/fix.js';
import {WAY_MARKS, type WayLine} from '../../model/diagnosis/way-lines.js';

/** A hop of the traced way as the panel writes it: the mark, the hop, and on a broken hop its evidence. */
export const wayText = (line: WayLine): string => `${line.back ? 'back: ' : ''}${WAY_MARKS[line.mark]} ${line.text}${line.evidence ? ` ✗ ${line.evidence}` : ''}`;

/** The offer under the reasons: the key that opens the plan, or the command a user would run. */
export const fixOffer = (fix: Fix): string =>
	fix.kind === 'command' ? `fix it yourself (nsdeck never changes a firewall): ${fix.text}` : `F: ${fixText(fix)} (the plan is shown first)`;

export interface PingPanelProps {
	readonly runs: readonly PingRun[];
	readonly width: number;
	readonly height: number;
	readonly isFocused: boolean;
	readonly onStop: () => void;
	readonly onClose: () => void;
	readonly onAgain: () => void;
	readonly onFix: (fix: Fix | undefined) => void;
}

const STATUS: Record<PingRun['status'], string> = {running: 'running', done: 'done', stopped: 'stopped', failed: 'failed'};

/** One line for a finished ping in the history. */
export function historyLine(run: PingRun): string {
	const mark = run.status === 'done' ? '✓' : run.status === 'stopped' ? '■' : run.status === 'running' ? '…' : '✗';
	const s = run.summary;
	const result = s ? `${s.received}/${s.transmitted} received, ${s.lossPercent}% loss${s.rtt ? `, avg ${s.rtt.avg} ms` : ''}` : (run.error?.split('\n')[0] ?? STATUS[run.status]);
	return `${mark} ${run.request.ns} → ${run.request.target}  ${result}`;
}

export function PingPanel({runs, width, height, isFocused, onStop, onClose, onAgain, onFix}: PingPanelProps) {
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
			pingFix: () => onFix(run?.fix),
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
	const way = run.way ?? [];
	// The broken hop's evidence is on its line of the way: the reasons say the rest.
	const reasons = (run.diagnosis ?? []).filter((r) => !way.some((w) => w.evidence === r));
	const offer = run.fix && fixOffer(run.fix);
	const failedWaiting = !running && run.status === 'failed' && run.diagnosis === undefined;
	const wrapped = (texts: readonly string[]): number => texts.reduce((n, r) => n + wrappedRows(r, inner), 0);
	const fixed =
		3 + 1 + (failedWaiting ? 1 : 0) + wrapped(way.map(wayText)) + wrapped(reasons.map((r) => `why: ${r}`)) + (offer ? wrappedRows(offer, inner) : 0) + (earlier.length > 0 ? earlier.length + 1 : 0);
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
			{way.map((line, i) => (
				<Text key={`way${i}`} color={line.mark === 'broken' ? t.bad : line.mark === 'arrived' ? t.good : t.muted} wrap="wrap">
					{wayText(line)}
				</Text>
			))}
			{reasons.map((reason, i) => (
				<Text key={i} color={t.warn} wrap="wrap">
					<Text bold>why: </Text>
					{reason}
				</Text>
			))}
			{offer && (
				<Text bold color={t.accent} wrap="wrap">
					{offer}
				</Text>
			)}
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
