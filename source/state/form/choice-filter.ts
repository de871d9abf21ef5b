// The filterable choice list's state and how each key changes it: pure, so it is tested without a terminal.
// The highlight is kept by value, not by index: narrowing the list must not move it to another option
// (ink-select-input resets its own highlight whenever its items change).

export interface ChoiceFilterState {
	readonly filter: string;
	/** The option under the cursor; kept while it still matches the filter. */
	readonly highlighted: string | undefined;
}

export type ChoiceFilterKey = {kind: 'type'; text: string} | {kind: 'erase'} | {kind: 'move'; by: number};

/** What an option is known by besides itself (a namespace's pod or container); matched as well. */
export type Describe = (option: string) => string | undefined;

/** Case-insensitive substring of the option or its description: `NS` finds ns1, cni-ns-4 and prod-ns. */
export function matching(options: readonly string[], filter: string, describe?: Describe): readonly string[] {
	const wanted = filter.toLowerCase();
	if (wanted === '') return options;
	return options.filter((o) => o.toLowerCase().includes(wanted) || (describe?.(o)?.toLowerCase().includes(wanted) ?? false));
}

/** Where the cursor is in what matches: on the highlighted option while it matches, else the first. */
export function highlightIndex(shown: readonly string[], state: ChoiceFilterState): number {
	return Math.max(state.highlighted === undefined ? 0 : shown.indexOf(state.highlighted), 0);
}

export function choiceFilterReducer(options: readonly string[], state: ChoiceFilterState, key: ChoiceFilterKey, describe?: Describe): ChoiceFilterState {
	const shownBefore = matching(options, state.filter, describe);
	// While nothing matches, the last highlighted option is remembered, so erasing a typo finds it again.
	const current = shownBefore.length === 0 ? state.highlighted : shownBefore[highlightIndex(shownBefore, state)];
	switch (key.kind) {
		case 'type':
		case 'erase': {
			const filter = key.kind === 'type' ? state.filter + key.text : state.filter.slice(0, -1);
			const shown = matching(options, filter, describe);
			return {filter, highlighted: current !== undefined && (shown.includes(current) || shown.length === 0) ? current : shown[0]};
		}
		case 'move': {
			if (shownBefore.length === 0) return state;
			const index = Math.min(Math.max(highlightIndex(shownBefore, state) + key.by, 0), shownBefore.length - 1);
			return {...state, highlighted: shownBefore[index]};
		}
	}
}
