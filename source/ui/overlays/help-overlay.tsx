// Every key, grouped by where it applies; built from keymap.ts so it can never drift from what keys do.
import {Box} from 'ink';
import {Text} from '../text.js';
import {KEYMAP, SCOPE_TITLES, displayKey, type Binding, type Scope} from '../../keymap.js';
import {theme} from '../theme.js';

export interface HelpOverlayProps {
	readonly width: number;
	readonly height: number;
	readonly keymap?: readonly Binding[];
	/** Lines scrolled past, when every key does not fit at once. */
	readonly scroll?: number;
}

const ORDER: readonly Scope[] = ['global', 'lists', 'namespaces', 'interfaces', 'routes', 'overlay', 'log', 'filter', 'ping', 'output'];

export function helpLines(keymap: readonly Binding[]): Array<{scope?: string; keys?: string; text?: string}> {
	const lines: Array<{scope?: string; keys?: string; text?: string}> = [];
	for (const scope of ORDER) {
		const bindings = keymap.filter((b) => b.scope === scope);
		if (bindings.length === 0) continue;
		lines.push({scope: SCOPE_TITLES[scope]});
		for (const b of bindings) {
			lines.push({keys: b.keys.map(displayKey).join(' '), text: b.description + (b.dangerous ? ' (asks first)' : '')});
		}
	}
	return lines;
}

/** Columns of ~38 characters side by side; when they still do not hold every line, ↑↓ scroll. */
export function helpLayout(lineCount: number, width: number, height: number, scroll: number) {
	const perColumn = Math.max(height - 3, 1);
	const columns = Math.max(1, Math.min(Math.floor((width - 4) / 38), Math.ceil(lineCount / perColumn)));
	const maxScroll = Math.max(lineCount - perColumn * columns, 0);
	return {perColumn, columns, start: Math.min(Math.max(scroll, 0), maxScroll), maxScroll};
}

export function HelpOverlay({width, height, keymap = KEYMAP, scroll = 0}: HelpOverlayProps) {
	const t = theme();
	const all = helpLines(keymap);
	const {perColumn, columns, start, maxScroll} = helpLayout(all.length, width, height, scroll);
	const lines = all.slice(start);
	const columnWidth = Math.floor((width - 4) / columns);
	return (
		<Box flexDirection="column" borderStyle="double" borderColor={t.accent} width={width} height={height} paddingX={1}>
			<Text bold color={t.accent} wrap="truncate">
				nsdeck help — Esc or ? to close{maxScroll > 0 ? ` · ↑↓ scroll (${start}/${maxScroll})` : ''}
			</Text>
			<Box flexDirection="row">
				{Array.from({length: columns}, (_, c) => (
					<Box key={c} flexDirection="column" width={columnWidth}>
						{lines.slice(c * perColumn, (c + 1) * perColumn).map((line, i) =>
							line.scope ? (
								<Text key={i} bold underline wrap="truncate">
									{line.scope}
								</Text>
							) : (
								<Text key={i} wrap="truncate">
									<Text color={t.accent}>{(line.keys ?? '').padEnd(11)}</Text>
									{line.text}
								</Text>
							),
						)}
					</Box>
				))}
			</Box>
		</Box>
	);
}
