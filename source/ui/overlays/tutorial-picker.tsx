// L in the lab: the tutorials, one line each, the chosen one's summary and, when it starts from a world of
// its own, the commands that build it (they run as a plan, logged, when it is chosen); when the lab's world
// does not fit its start, why, and the offer to reset the lab (a plan shown first) or to use a fresh one.
import {Box} from 'ink';
import {useState} from 'react';
import {useKeys} from '../hooks/key-layer.js';
import type {Misfit} from '../../model/tutorial/fit.js';
import type {Tutorial} from '../../model/tutorial/types.js';
import {Text} from '../text.js';
import {theme} from '../theme.js';
import {pickerLines, type PickerTone} from './picker-lines.js';

export interface TutorialPickerProps {
	readonly tutorials: readonly Tutorial[];
	/** The one open now, if any: the cursor starts there. */
	readonly current?: string;
	/** Tutorials change the world: only in the lab. */
	readonly lab: boolean;
	/** Why the lab's world does not fit a tutorial's start (undefined when it does): Enter then offers a reset. */
	readonly misfit?: (tutorial: Tutorial) => Misfit | undefined;
	readonly width: number;
	readonly height: number;
	readonly isFocused: boolean;
	readonly onChoose: (tutorial: Tutorial) => void;
	readonly onCancel: () => void;
}

export function TutorialPicker({tutorials, current, lab, misfit, width, height, isFocused, onChoose, onCancel}: TutorialPickerProps) {
	const [cursor, setCursor] = useState(() => Math.max(tutorials.findIndex((x) => x.name === current), 0));
	useKeys(
		{
			close: onCancel,
			// L opened it; L again closes it.
			tutorials: onCancel,
			pickerUp: () => setCursor((c) => Math.max(c - 1, 0)),
			pickerDown: () => setCursor((c) => Math.min(c + 1, tutorials.length - 1)),
			pickerChoose: () => {
				if (lab && tutorials[cursor]) onChoose(tutorials[cursor]);
			},
		},
		isFocused,
	);
	const t = theme();
	const color: Record<PickerTone, string | undefined> = {header: t.accent, warn: t.warn, item: undefined, chosen: undefined, plain: undefined, muted: t.muted};
	// Inside the double frame and its padding.
	const chosen = tutorials[cursor];
	const lines = pickerLines({tutorials, cursor, current, lab, misfit: chosen && misfit?.(chosen)}, Math.max(width - 4, 10), Math.max(height - 2, 1));
	return (
		<Box flexDirection="column" borderStyle="double" borderColor={t.accent} width={width} height={height} overflow="hidden" paddingX={1}>
			{lines.map((line, i) => (
				<Text key={i} wrap="truncate-end" color={color[line.tone]} bold={line.tone === 'header' || line.open} inverse={line.tone === 'chosen' && t.inverse}>
					{line.text || ' '}
				</Text>
			))}
		</Box>
	);
}
