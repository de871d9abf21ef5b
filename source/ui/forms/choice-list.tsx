// Picks one of many for a choice field (a namespace among hundreds, an interface): type to narrow the list
// (case-insensitive substring), Backspace erases, ↑↓ move, Enter takes the highlighted option, Esc leaves
// the value as it was. ink-select-input draws the list; the keys and the highlight are ours
// (choice-filter.ts), because its own keys take j, k and the digits, which a filter must be able to type.
import {Box, useApp, useInput} from 'ink';
import {useRef, useState} from 'react';
import SelectInput from 'ink-select-input';
import {Text} from '../text.js';
import {keyName} from '../../state/keys/key-name.js';
import {theme} from '../theme.js';
import {choiceFilterReducer, highlightIndex, matching, type ChoiceFilterKey, type ChoiceFilterState, type Describe} from './choice-filter.js';

export interface ChoiceListProps {
	readonly label: string;
	readonly options: readonly string[];
	/** Who or what each option is, shown beside it and matched by the filter. */
	readonly describe?: Describe;
	readonly current: string;
	/** What was typed on the field to open the list: the filter starts with it. */
	readonly initialFilter?: string;
	/** Rows the list may take, its title and hint included. */
	readonly height: number;
	readonly width: number;
	readonly isFocused: boolean;
	readonly onChoose: (value: string) => void;
	readonly onCancel: () => void;
}

/** ink-select-input's own item draws with ink's Text: ours makes a namespace's name safe to draw. */
function ChoiceItem({isSelected = false, label}: {readonly isSelected?: boolean; readonly label: string}) {
	return (
		<Text color={isSelected ? theme().accent : undefined} wrap="truncate-middle">
			{label}
		</Text>
	);
}

const PAGE = 10;
const MOVES: Readonly<Record<string, number>> = {up: -1, down: 1, pageup: -PAGE, pagedown: PAGE, home: -Infinity, end: Infinity};

export function ChoiceList({label, options, describe, current, initialFilter = '', height, width, isFocused, onChoose, onCancel}: ChoiceListProps) {
	const t = theme();
	const [state, setState] = useState<ChoiceFilterState>(() => choiceFilterReducer(options, {filter: '', highlighted: current}, {kind: 'type', text: initialFilter}, describe));
	// Keys may arrive faster than renders (a pasted filter, Enter right after it): each sees the last state.
	const ref = useRef(state);
	const apply = (key: ChoiceFilterKey): ChoiceFilterState => {
		ref.current = choiceFilterReducer(options, ref.current, key, describe);
		setState(ref.current);
		return ref.current;
	};
	const take = (): void => {
		const shown = matching(options, ref.current.filter, describe);
		const chosen = shown[highlightIndex(shown, ref.current)];
		if (chosen !== undefined) onChoose(chosen);
	};
	const {exit} = useApp();
	useInput(
		(input, key) => {
			const name = keyName(input, key);
			if (name === 'ctrl+c') return exit();
			if (name === 'escape') return onCancel();
			if (name === 'return') return take();
			if (name === 'backspace') return void apply({kind: 'erase'});
			if (name in MOVES) return void apply({kind: 'move', by: MOVES[name]});
			if (!input || key.ctrl || key.meta || name === 'tab' || name === 'left' || name === 'right') return;
			// Over SSH a filter and its Enter may come as one chunk ("ns2\r").
			for (const part of input.split(/(\r)/)) {
				if (part === '\r') take();
				else if (part) apply({kind: 'type', text: part});
			}
		},
		{isActive: isFocused},
	);
	const shown = matching(options, state.filter, describe);
	const index = highlightIndex(shown, state);
	const items = shown.map((option) => {
		const about = describe?.(option);
		return {key: option, label: about ? `${option}  ${about}` : option, value: option};
	});
	const rows = Math.max(height - 2, 1);
	return (
		<Box flexDirection="column" width={width}>
			<Text bold color={t.accent} wrap="truncate">
				Choose {label} ({shown.length === options.length ? options.length : `${shown.length} of ${options.length}`}): type to narrow · ↑↓ · Enter take
			</Text>
			<Text wrap="truncate">
				<Text color={t.muted}>filter: </Text>
				{state.filter}▏<Text color={t.muted}>{'  '}Esc keeps {current}</Text>
			</Text>
			{shown.length === 0 ? (
				<Text color={t.warn} wrap="truncate">
					nothing matches {state.filter}: Backspace erases
				</Text>
			) : (
				// Remounted whenever the filter or the highlight changes: it starts where our state says.
				<SelectInput
					key={`${state.filter}\u0000${shown[index]}`}
					items={items}
					itemComponent={ChoiceItem}
					initialIndex={index}
					limit={rows}
					isFocused={false}
				/>
			)}
		</Box>
	);
}
