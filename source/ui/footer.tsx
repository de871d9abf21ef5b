// The keys that apply here, from keymap.ts.
import {Box} from 'ink';
import {Text} from './text.js';
import {KEYMAP, displayKey, type Binding, type Scope} from '../keymap.js';
import {theme} from './theme.js';

export interface FooterProps {
	readonly scopes: readonly Scope[];
	readonly width: number;
	readonly keymap?: readonly Binding[];
}

export function footerHints(scopes: readonly Scope[], keymap: readonly Binding[] = KEYMAP): Array<[string, string]> {
	return scopes.flatMap((scope) =>
		keymap.filter((b) => b.scope === scope && b.hint).map((b): [string, string] => [displayKey(b.keys[0]), b.hint ?? '']),
	);
}

export function Footer({scopes, width, keymap}: FooterProps) {
	const t = theme();
	return (
		<Box width={width} height={1} overflow="hidden">
			<Text wrap="truncate">
				{footerHints(scopes, keymap).map(([key, hint]) => (
					<Text key={key}>
						<Text bold color={t.accent}>
							{key}
						</Text>{' '}
						{hint}
						{'  '}
					</Text>
				))}
			</Text>
		</Box>
	);
}
