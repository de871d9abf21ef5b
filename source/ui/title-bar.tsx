// One line: what world this is (LAB or the host), whether it can be changed, and what is happening. What
// it says at each width is title-fit.ts; this only draws it.
import {Box} from 'ink';
import {Text} from './text.js';
import {theme} from './theme.js';
import {titlePieces, type TitleFacts, type TitleTone} from './title-fit.js';

export {unseenText} from './title-fit.js';

export interface TitleBarProps extends TitleFacts {
	readonly width: number;
}

export function TitleBar({width, ...facts}: TitleBarProps) {
	const t = theme();
	const colors: Record<TitleTone, string | undefined> = {plain: undefined, lab: t.lab, warn: t.warn, muted: t.muted, good: t.good, bad: t.bad};
	return (
		<Box width={width} height={1} flexShrink={0} overflow="hidden">
			<Text wrap="truncate">
				{titlePieces(facts, width).map((piece, i) => (
					<Text key={i} bold={piece.bold} inverse={piece.inverse} color={colors[piece.tone]}>
						{piece.text}
					</Text>
				))}
			</Text>
		</Box>
	);
}
