// The keys that apply here, from keymap.ts: the focused scope's keys first, most used first, then the
// wider scopes' ones, and `? help` always last. Hints that do not fit are dropped whole, never cut.
import {Box} from 'ink';
import {Text} from './text.js';
import {KEYMAP, displayKey, type Binding, type Scope} from '../state/keys/keymap.js';
import {theme} from './theme.js';
import {textWidth} from '../model/text-width.js';

export interface FooterProps {
	readonly scopes: readonly Scope[];
	readonly width: number;
	readonly keymap?: readonly Binding[];
	/** Whether a binding does something now (an overlay covers the panes, the user may not change things…). */
	readonly acts?: (binding: Binding) => boolean;
}

export interface Hint {
	readonly key: string;
	readonly label: string;
}

const SEPARATOR = '  ';
const HELP: Hint = {key: '?', label: 'help'};

/** `↑↓` for arrows (one glyph each), `PgUp/PgDn` otherwise. */
function hintKey(binding: Binding): string {
	const shown = (binding.hintKeys ?? binding.keys.slice(0, 1)).map(displayKey);
	return shown.join(shown.every((k) => textWidth(k) === 1) ? '' : '/');
}

/** Every hint for these scopes, in the order the footer offers them; `? help` is left to fitHints. */
export function footerHints(scopes: readonly Scope[], keymap: readonly Binding[] = KEYMAP, acts: (binding: Binding) => boolean = () => true): Hint[] {
	const hints: Hint[] = [];
	/** Keys a more specific scope already took: there they do that scope's thing, not the wider one's. */
	const taken = new Set<string>();
	for (const scope of scopes) {
		const inScope = keymap.filter((b) => b.scope === scope);
		const ranked = inScope
			.map((binding, order) => ({binding, order}))
			.filter(({binding}) => binding.hint && binding.id !== 'help' && acts(binding) && !binding.keys.some((k) => taken.has(k)))
			.sort((x, y) => (x.binding.rank ?? Infinity) - (y.binding.rank ?? Infinity) || x.order - y.order);
		for (const {binding} of ranked) hints.push({key: hintKey(binding), label: binding.hint ?? ''});
		for (const binding of inScope) for (const key of binding.keys) taken.add(key);
	}
	return hints;
}

/** `? help` ends the footer wherever ? opens the help (not while typing a filter, nor in a panel with keys of its own). */
export const offersHelp = (scopes: readonly Scope[], keymap: readonly Binding[] = KEYMAP): boolean =>
	keymap.some((b) => b.id === 'help' && scopes.includes(b.scope));

const hintWidth = (hint: Hint): number => textWidth(hint.key) + 1 + textWidth(hint.label);

/** The hints that fit in `width`, in order, each whole; with `help`, `? help` at the end whatever else fits. */
export function fitHints(hints: readonly Hint[], width: number, help = true): Hint[] {
	let room = help ? width - hintWidth(HELP) : width + SEPARATOR.length;
	const kept: Hint[] = [];
	for (const hint of hints) {
		const needed = hintWidth(hint) + SEPARATOR.length;
		if (needed > room) continue;
		kept.push(hint);
		room -= needed;
	}
	return help ? [...kept, HELP] : kept;
}

/** The footer as plain text: what fits, as it is drawn. */
export const footerText = (hints: readonly Hint[]): string => hints.map((h) => `${h.key} ${h.label}`).join(SEPARATOR);

export function Footer({scopes, width, keymap, acts}: FooterProps) {
	const t = theme();
	const hints = fitHints(footerHints(scopes, keymap, acts), width, offersHelp(scopes, keymap));
	return (
		<Box width={width} height={1} overflow="hidden">
			<Text wrap="truncate">
				{hints.map((hint, i) => (
					<Text key={hint.key}>
						{i > 0 && SEPARATOR}
						<Text bold color={t.accent}>
							{hint.key}
						</Text>{' '}
						{hint.label}
					</Text>
				))}
			</Text>
		</Box>
	);
}
