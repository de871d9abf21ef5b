// Issue 28: a namespace named `host` cannot be taken for the host; a status message ends when the next
// overlay opens (it spoke of what came before).
import {describe, expect, it} from 'vitest';
import {namedId, nsDisplayName} from '../../source/model/netns-id.js';
import {HOST_ID} from '../../source/model/types.js';
import {initialState, reducer} from '../../source/state/reducer.js';

describe('a namespace named host', () => {
	it('is shown in quotes, the host by its bare name', () => {
		expect(nsDisplayName(namedId('host'))).toBe('"host"');
		expect(nsDisplayName(HOST_ID)).toBe('host');
	});
});

describe('the status message', () => {
	it('ends when the next overlay opens', () => {
		const said = reducer(initialState, {type: 'message', text: 'deleted ns1', tone: 'info'});
		expect(said.message?.text).toBe('deleted ns1');
		expect(reducer(said, {type: 'openOverlay', overlay: {kind: 'help'}}).message).toBeUndefined();
	});
});
