// After a change on the path of the user's SSH session: keep it (k), or it is undone when the countdown
// ends. If the change cut the session, no key can arrive, and the undo brings the session's path back.
import {Box} from 'ink';
import {Text} from '../text.js';
import {useEffect, useState} from 'react';
import {useKeys} from '../hooks/key-layer.js';
import {theme} from '../theme.js';

export interface KeepOverlayProps {
	readonly title: string;
	/** When the undo runs (ms since the epoch). */
	readonly deadline: number;
	readonly width: number;
	readonly height: number;
	readonly isFocused: boolean;
	readonly onKeep: () => void;
	readonly onUndo: () => void;
}

const secondsLeft = (deadline: number): number => Math.max(Math.ceil((deadline - Date.now()) / 1000), 0);

export function KeepOverlay({title, deadline, width, height, isFocused, onKeep, onUndo}: KeepOverlayProps) {
	const t = theme();
	const [left, setLeft] = useState(() => secondsLeft(deadline));
	useEffect(() => {
		const tick = setInterval(() => setLeft(secondsLeft(deadline)), 1000);
		return () => clearInterval(tick);
	}, [deadline]);
	useKeys({keepChange: onKeep, undoKept: onUndo}, isFocused);
	return (
		<Box flexDirection="column" borderStyle="double" borderColor={t.bad} width={width} height={height} paddingX={1}>
			<Text bold color={t.bad} wrap="truncate">
				Keep this change? {title}
			</Text>
			<Text> </Text>
			<Text wrap="wrap">It is on the path of your own SSH session. If you can read this, the session survived it.</Text>
			<Text> </Text>
			<Text bold wrap="truncate">
				Undone in {left} s unless you press k.
			</Text>
			<Text color={t.muted} wrap="truncate">
				k keep it · u or Esc undo it now
			</Text>
		</Box>
	);
}
