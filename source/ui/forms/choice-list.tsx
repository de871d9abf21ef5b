// Picks one of many for a choice field (a namespace among hundreds, an interface): ink-select-input's list,
// scrolled to the current value, ↑↓ or j k to move, Enter to take it, Esc to leave the value as it was.
import {Box, useInput} from 'ink';
import {Text} from '../text.js';
import SelectInput from 'ink-select-input';
import {keyName} from '../../key-name.js';
import {theme} from '../theme.js';

export interface ChoiceListProps {
	readonly label: string;
	readonly options: readonly string[];
	readonly current: string;
	/** Rows the list may take, its title and hint included. */
	readonly height: number;
	readonly isFocused: boolean;
	readonly onChoose: (value: string) => void;
	readonly onCancel: () => void;
}

/** ink-select-input's own item draws with ink's Text: ours makes a namespace's name safe to draw. */
function ChoiceItem({isSelected = false, label}: {readonly isSelected?: boolean; readonly label: string}) {
	return <Text color={isSelected ? theme().accent : undefined}>{label}</Text>;
}

export function ChoiceList({label, options, current, height, isFocused, onChoose, onCancel}: ChoiceListProps) {
	const t = theme();
	useInput(
		(input, key) => {
			if (keyName(input, key) === 'escape') onCancel();
		},
		{isActive: isFocused},
	);
	const items = options.map((option) => ({key: option, label: option, value: option}));
	return (
		<Box flexDirection="column">
			<Text bold color={t.accent} wrap="truncate">
				Choose {label} ({options.length}): ↑↓ move · Enter take · Esc keep {current}
			</Text>
			<SelectInput
				items={items}
				itemComponent={ChoiceItem}
				initialIndex={Math.max(options.indexOf(current), 0)}
				limit={Math.max(height - 1, 1)}
				isFocused={isFocused}
				onSelect={(item) => onChoose(item.value)}
			/>
		</Box>
	);
}
