// Draws the list a choice field opens (a namespace among hundreds, an interface): its filter, and the
// options that match it, the highlighted one marked. Its state and keys are the form's
// (state/form/form-reducer.ts: type to narrow, ↑↓ move, Enter takes, Esc keeps the value).
// ink-select-input draws the list; its own keys take j, k and the digits, which a filter must be able to type.
import {Box} from 'ink';
import SelectInput from 'ink-select-input';
import {Text} from '../text.js';
import {theme} from '../theme.js';
import {highlightIndex, matching, type ChoiceFilterState, type Describe} from '../../state/form/choice-filter.js';

export interface ChoiceListProps {
	readonly label: string;
	readonly options: readonly string[];
	/** Who or what each option is, shown beside it and matched by the filter. */
	readonly describe?: Describe;
	readonly current: string;
	readonly state: ChoiceFilterState;
	/** Rows the list may take, its title and hint included. */
	readonly height: number;
	readonly width: number;
}

/** ink-select-input's own item draws with ink's Text: ours makes a namespace's name safe to draw. */
function ChoiceItem({isSelected = false, label}: {readonly isSelected?: boolean; readonly label: string}) {
	return (
		<Text color={isSelected ? theme().accent : undefined} wrap="truncate-middle">
			{label}
		</Text>
	);
}

export function ChoiceList({label, options, describe, current, state, height, width}: ChoiceListProps) {
	const t = theme();
	const shown = matching(options, state.filter, describe);
	const index = highlightIndex(shown, state);
	const items = shown.map((option) => {
		const about = describe?.(option);
		return {key: option, label: about ? `${option}  ${about}` : option, value: option};
	});
	const rows = Math.max(height - 2, 1);
	return (
		<Box flexDirection="column" width={width} flexShrink={0}>
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
