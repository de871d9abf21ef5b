// Renders the visible window of a list; the selected row has a › marker and, in the focused pane, reverse
// video (with or without colour).
import {Text} from './text.js';
import {fit, listWindow} from './list-window.js';
import {theme} from './theme.js';
import {useContext, type ReactNode} from 'react';
import {StaleRows} from './stale-rows.js';

export interface ListRowsProps<T> {
	readonly items: readonly T[];
	readonly selected: number;
	readonly rows: number;
	readonly columns: number;
	readonly focused: boolean;
	readonly rowKey: (item: T) => string;
	/** The row's text, without the marker, `width` characters wide. */
	readonly renderRow: (item: T, width: number, isSelected: boolean) => ReactNode;
	readonly empty: string;
}

export function ListRows<T>({items, selected, rows, columns, focused, rowKey, renderRow, empty}: ListRowsProps<T>) {
	const t = theme();
	const stale = useContext(StaleRows);
	if (items.length === 0) return <Text color={t.muted}>{fit(empty, columns)}</Text>;
	const {start, end} = listWindow(selected, items.length, rows);
	// Two rows with one key would make ink keep a stale row on screen (a ghost until the next resize): a
	// key seen before in the window gets its count, so every row is drawn and cleared as itself.
	const seen = new Map<string, number>();
	const keyOf = (item: T): string => {
		const key = rowKey(item);
		const count = seen.get(key) ?? 0;
		seen.set(key, count + 1);
		return count === 0 ? key : `${key}#${count}`;
	};
	return (
		<>
			{items.slice(start, end).map((item, offset) => {
				const isSelected = start + offset === selected;
				return (
					<Text key={keyOf(item)} inverse={isSelected && focused && t.inverse} dimColor={stale} wrap="truncate">
						{isSelected ? '›' : ' '}
						{renderRow(item, columns - 1, isSelected)}
					</Text>
				);
			})}
		</>
	);
}

/**
 * A list's column names, above its rows. A pane shows one only where its rows can spare the line
 * (HEADER_MIN_ROWS) and its columns need naming (a bare MAC, an MTU, who lives in a namespace).
 */
export const HEADER_MIN_ROWS = 12;

export function ColumnHeader({text, columns}: {readonly text: string; readonly columns: number}) {
	const t = theme();
	return (
		<Text color={t.muted} bold wrap="truncate">
			{' '}
			{fit(text, columns - 1)}
		</Text>
	);
}
