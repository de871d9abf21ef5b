// L in the lab: the tutorials, one line each, the chosen one's summary and, when it starts from a world of
// its own, the commands that build it (they run as a plan, logged, when it is chosen).
import {Box, useInput} from 'ink';
import {useState} from 'react';
import {keyName} from '../../state/keys/key-name.js';
import type {Tutorial} from '../../model/tutorial/types.js';
import {commandText} from '../../plans/script.js';
import {Text} from '../text.js';
import {theme} from '../theme.js';
import {wrapByWidth} from '../../model/text-width.js';

export interface TutorialPickerProps {
	readonly tutorials: readonly Tutorial[];
	/** The one open now, if any: the cursor starts there. */
	readonly current?: string;
	/** Tutorials change the world: only in the lab. */
	readonly lab: boolean;
	readonly width: number;
	readonly height: number;
	readonly isFocused: boolean;
	readonly onChoose: (tutorial: Tutorial) => void;
	readonly onCancel: () => void;
}

export function TutorialPicker({tutorials, current, lab, width, height, isFocused, onChoose, onCancel}: TutorialPickerProps) {
	const t = theme();
	const [cursor, setCursor] = useState(() => Math.max(tutorials.findIndex((x) => x.name === current), 0));
	useInput(
		(input, key) => {
			const name = keyName(input, key);
			if (name === 'escape' || name === 'L') onCancel();
			else if (name === 'up' || name === 'k') setCursor((c) => Math.max(c - 1, 0));
			else if (name === 'down' || name === 'j') setCursor((c) => Math.min(c + 1, tutorials.length - 1));
			else if (name === 'return' && lab && tutorials[cursor]) onChoose(tutorials[cursor]);
		},
		{isActive: isFocused},
	);
	const chosen = tutorials[cursor];
	// Line by line within the frame: what does not fit is counted, never drawn past the edge.
	const inner = Math.max(height - 2, 1);
	const textWidth = Math.max(width - 4, 10);
	const summary = chosen ? wrapByWidth(chosen.summary, textWidth) : [];
	const fixed = 1 + (lab ? 0 : 1) + tutorials.length + 1 + summary.length;
	const setup = chosen?.setup.map(commandText) ?? [];
	const setupRoom = Math.max(inner - fixed - 1, 0);
	const setupShown = setup.length <= setupRoom ? setup : [...setup.slice(0, Math.max(setupRoom - 1, 0)), `… and ${setup.length - Math.max(setupRoom - 1, 0)} more`];
	return (
		<Box flexDirection="column" borderStyle="double" borderColor={t.accent} width={width} height={height} overflow="hidden" paddingX={1}>
			<Text bold color={t.accent} wrap="truncate-end">
				Tutorials: ↑↓ choose · Enter follow it · Esc close
			</Text>
			{!lab ? (
				<Text color={t.warn} wrap="truncate-end">
					They change the network, so they run in the lab: nsdeck tutorial {chosen?.name ?? ''}
				</Text>
			) : null}
			{tutorials.map((x, i) => (
				<Text key={x.name} wrap="truncate-end" inverse={i === cursor && t.inverse} bold={x.name === current}>
					{i === cursor ? '›' : ' '} {x.title} ({x.steps.length} steps){x.name === current ? ' · open' : ''}
				</Text>
			))}
			{chosen ? (
				<Box flexDirection="column" marginTop={1}>
					{summary.map((line, i) => (
						<Text key={i}>{line}</Text>
					))}
					{setup.length > 0 && setupRoom > 0 ? (
						<>
							<Text color={t.muted} wrap="truncate-end">
								It starts from its own world; choosing it runs {setup.length} commands:
							</Text>
							{setupShown.map((line, i) => (
								<Text key={i} color={t.muted} wrap="truncate-end">
									{'  '}
									{line}
								</Text>
							))}
						</>
					) : null}
				</Box>
			) : null}
		</Box>
	);
}
