// Shown while a shell has the terminal. It mounts no input hook on purpose: with none mounted, ink leaves
// raw mode and stops reading stdin, and only then (in the effect) is the terminal handed over.
import {Box} from 'ink';
import {Text} from '../text.js';
import {useEffect} from 'react';
import {nsDisplayName} from '../../model/netns-id.js';
import {shellBanner} from '../../model/shell-prompt.js';

export interface ShellScreenProps {
	readonly ns: string;
	readonly width: number;
	readonly height: number;
	readonly onReady: (ns: string) => void;
}

export function ShellScreen({ns, width, height, onReady}: ShellScreenProps) {
	useEffect(() => onReady(ns), [ns, onReady]);
	return (
		<Box width={width} height={height} paddingX={1}>
			<Text>{shellBanner(nsDisplayName(ns))}</Text>
		</Box>
	);
}
