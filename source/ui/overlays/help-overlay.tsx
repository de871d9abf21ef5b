// Every key, grouped by where it applies; built from keymap.ts so it can never drift from what keys do.
// One column below 100 columns, side by side above; see help-layout.ts.
import {Box} from 'ink';
import {Text} from '../text.js';
import {KEYMAP, type Binding} from '../../state/keys/keymap.js';
import {unavailableReadOnly} from '../../state/keys/key-availability.js';
import {wrapByWidth} from '../../model/text-width.js';
import {theme} from '../theme.js';
import {GAP, KEYS_WIDTH, helpLayout, type HelpLine} from './help-layout.js';

export interface HelpOverlayProps {
	readonly width: number;
	readonly height: number;
	readonly keymap?: readonly Binding[];
	/** Lines scrolled past, when every key does not fit at once. */
	readonly scroll?: number;
	/** Change keys are marked unavailable. */
	readonly readOnly?: boolean;
	/** What the title bar may fold into badges (RO, DRY, 2 unseen), in full: said here under the header. */
	readonly status?: readonly string[];
}

function Line({line}: {readonly line: HelpLine}) {
	const t = theme();
	if (line.kind === 'title') {
		return (
			<Text bold underline wrap="truncate">
				{line.text}
			</Text>
		);
	}
	return (
		<Text wrap="truncate" color={line.unavailable ? t.muted : undefined} dimColor={line.unavailable}>
			<Text color={line.unavailable ? t.muted : t.accent}>{(line.keys ?? '').padEnd(line.kind === 'entry' && (line.keys ?? '').length >= KEYS_WIDTH ? 0 : KEYS_WIDTH)}</Text>
			{line.text || ' '}
		</Text>
	);
}

/** The status lines as drawn inside the border: at most a third of the help, so the keys keep most of it. */
const statusRows = (status: readonly string[], width: number, height: number): string[] =>
	status.flatMap((line) => wrapByWidth(line, Math.max(width - 4, 10))).slice(0, Math.floor(height / 3));

const layoutOf = (width: number, height: number, scroll: number, keymap: readonly Binding[], readOnly: boolean, status: readonly string[]) =>
	helpLayout(width, height - statusRows(status, width, height).length, scroll, keymap, (b) => unavailableReadOnly(readOnly, b));

/** How far the help scrolls at this size: the keys stop there (use-app-keys.ts). */
export const helpMostScroll = (width: number, height: number, readOnly: boolean, status: readonly string[] = []): number =>
	layoutOf(width, height, 0, KEYMAP, readOnly, status).maxScroll;

export function HelpOverlay({width, height, keymap = KEYMAP, scroll = 0, readOnly = false, status = []}: HelpOverlayProps) {
	const t = theme();
	const layout = layoutOf(width, height, scroll, keymap, readOnly, status);
	const {columns, columnWidth, rows, start, maxScroll} = layout;
	return (
		<Box flexDirection="column" borderStyle="double" borderColor={t.accent} width={width} height={height} paddingX={1}>
			<Text bold color={t.accent} wrap="truncate">
				{['nsdeck help', readOnly ? 'read-only: changes unavailable' : '', 'Esc closes', maxScroll > 0 ? `↑↓ PgDn ${start}/${maxScroll}` : '']
					.filter(Boolean)
					.join(' · ')}
			</Text>
			{statusRows(status, width, height).map((line, i) => (
				<Text key={`s${i}`} color={t.warn} wrap="truncate">
					{line}
				</Text>
			))}
			<Box flexDirection="row">
				{columns.map((column, c) => (
					<Box key={c} flexDirection="column" width={columnWidth} marginRight={c < columns.length - 1 ? GAP : 0} flexShrink={0}>
						{column.slice(start, start + rows).map((line, i) => (
							<Line key={i} line={line} />
						))}
					</Box>
				))}
			</Box>
		</Box>
	);
}
