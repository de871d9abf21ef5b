// A bordered pane with a title line; the focused pane has a bold double border (visible without colour).
import {Box} from 'ink';
import {Text} from './text.js';
import type {ReactNode} from 'react';
import {theme} from './theme.js';

export interface PaneFrameProps {
	readonly title: string;
	readonly focused: boolean;
	readonly width?: number | string;
	readonly height: number;
	readonly flexGrow?: number;
	readonly children: ReactNode;
}

export function PaneFrame({title, focused, width, height, flexGrow, children}: PaneFrameProps) {
	const t = theme();
	return (
		<Box
			flexDirection="column"
			borderStyle={focused ? 'double' : 'single'}
			borderColor={focused ? t.accent : t.muted}
			width={width}
			height={height}
			flexGrow={flexGrow}
			overflow="hidden"
		>
			<Text bold={focused} color={focused ? t.accent : undefined} wrap="truncate">
				{title}
			</Text>
			{children}
		</Box>
	);
}

/** Rows available for list items inside a frame of `height`: two border lines and the title. */
export const paneRows = (height: number): number => Math.max(height - 3, 0);

/** Columns available inside a frame of `width`. */
export const paneColumns = (width: number): number => Math.max(width - 2, 0);
