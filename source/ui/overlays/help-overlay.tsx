// Every key, grouped by where it applies; built from keymap.ts so it can never drift from what keys do.
import {Box, Text} from 'ink';
import {KEYMAP, SCOPE_TITLES, displayKey, type Binding, type Scope} from '../../keymap.js';
import {theme} from '../theme.js';

export interface HelpOverlayProps {
	readonly width: number;
	readonly height: number;
	readonly keymap?: readonly Binding[];
}

const ORDER: readonly Scope[] = ['global', 'lists', 'namespaces', 'interfaces', 'routes', 'overlay', 'filter'];

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

export function HelpOverlay({width, height, keymap = KEYMAP}: HelpOverlayProps) {
	const t = theme();
	const lines = helpLines(keymap);
	// Two columns when the terminal is tall enough for neither to scroll.
	const inner = height - 3;
	const columns = lines.length > inner && width >= 80 ? 2 : 1;
	const perColumn = Math.ceil(lines.length / columns);
	const columnWidth = Math.floor((width - 4) / columns);
	return (
		<Box flexDirection="column" borderStyle="double" borderColor={t.accent} width={width} height={height} paddingX={1}>
			<Text bold color={t.accent}>
				nsdeck help — Esc or ? to close
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
									<Text color={t.accent}>{(line.keys ?? '').padEnd(14)}</Text>
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
