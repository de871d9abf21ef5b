// The filterable choice list's state: narrowing keeps the highlighted option while it still matches.
import {describe, expect, it} from 'vitest';
import {choiceFilterReducer, matching, type ChoiceFilterState} from '../../../source/state/form/choice-filter.js';

const options = Array.from({length: 300}, (_, i) => `ns${i + 1}`);

describe('choice filter', () => {
	it('matches a case-insensitive substring', () => {
		expect(matching(['Prod-Web', 'ns1', 'cni-prod'], 'PROD')).toEqual(['Prod-Web', 'cni-prod']);
	});

	it('matches what an option is known by as well (a namespace’s pod)', () => {
		const describe = (o: string): string | undefined => (o === 'cni-7' ? 'pod shop/web-1' : undefined);
		expect(matching(['cni-1', 'cni-7', 'ns-web'], 'web', describe)).toEqual(['cni-7', 'ns-web']);
	});

	it('keeps the highlight by value when the filter narrows or widens, else takes the first match', () => {
		let state: ChoiceFilterState = {filter: '', highlighted: 'ns1'};
		for (const ch of 'ns29') state = choiceFilterReducer(options, state, {kind: 'type', text: ch});
		expect(state).toEqual({filter: 'ns29', highlighted: 'ns29'});
		state = choiceFilterReducer(options, state, {kind: 'move', by: 2});
		expect(state.highlighted).toBe('ns291');
		state = choiceFilterReducer(options, state, {kind: 'erase'});
		expect(state).toEqual({filter: 'ns2', highlighted: 'ns291'});
		// A typo that matches nothing, erased: the highlight is where it was.
		state = choiceFilterReducer(options, state, {kind: 'type', text: 'x'});
		expect(matching(options, state.filter)).toEqual([]);
		state = choiceFilterReducer(options, state, {kind: 'erase'});
		expect(state).toEqual({filter: 'ns2', highlighted: 'ns291'});
		state = choiceFilterReducer(options, state, {kind: 'type', text: '0'});
		expect(state).toEqual({filter: 'ns20', highlighted: 'ns20'});
		state = choiceFilterReducer(options, state, {kind: 'move', by: -5});
		expect(state.highlighted).toBe('ns20');
		state = choiceFilterReducer(options, state, {kind: 'move', by: Infinity});
		expect(state.highlighted).toBe('ns209');
	});
});
