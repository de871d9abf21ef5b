import {describe, expect, it} from 'vitest';
import {initialMapState, mapReducer} from '../../source/ui/topology/map-state.js';
import {ORIGIN, clampViewport, panBy, showRect} from '../../source/ui/topology/viewport.js';

const map = {rows: 40, columns: 120};
const size = {rows: 20, columns: 80};

describe('topology viewport', () => {
	it('pans within the map and stops at its edges', () => {
		expect(panBy(ORIGIN, 1, 4, map, size)).toEqual({top: 1, left: 4});
		expect(panBy(ORIGIN, -1, -4, map, size)).toEqual(ORIGIN);
		expect(panBy(ORIGIN, 100, 100, map, size)).toEqual({top: 20, left: 40});
	});

	it('does not move a map that fits', () => {
		expect(panBy(ORIGIN, 5, 5, {rows: 10, columns: 60}, size)).toEqual(ORIGIN);
	});

	it('pulls the view back when the map shrinks', () => {
		expect(clampViewport({top: 20, left: 40}, {rows: 25, columns: 90}, size)).toEqual({top: 5, left: 10});
	});

	it('scrolls just enough to show a box, and to its top when it is taller than the view', () => {
		expect(showRect(ORIGIN, {top: 22, left: 0, height: 4, width: 60}, map, size)).toEqual({top: 6, left: 0});
		expect(showRect({top: 10, left: 0}, {top: 2, left: 0, height: 4, width: 60}, map, size)).toEqual({top: 2, left: 0});
		expect(showRect({top: 10, left: 0}, {top: 12, left: 0, height: 4, width: 60}, map, size)).toEqual({top: 10, left: 0});
		expect(showRect(ORIGIN, {top: 5, left: 0, height: 30, width: 60}, map, size)).toEqual({top: 5, left: 0});
	});
});

describe('topology map state', () => {
	it('selecting a namespace moves the cursor and brings its box into view', () => {
		const state = mapReducer(initialMapState('host'), {type: 'select', id: 'ns5', box: {top: 30, left: 0, height: 4, width: 60}, map, size});
		expect(state).toEqual({cursor: 'ns5', view: {top: 14, left: 0}});
		expect(mapReducer(state, {type: 'origin'})).toEqual({cursor: 'ns5', view: ORIGIN});
	});

	it('pans from the view as shown, after the map shrank under it', () => {
		const state = {cursor: 'host', view: {top: 20, left: 0}};
		expect(mapReducer(state, {type: 'pan', rows: -1, columns: 0, map: {rows: 25, columns: 80}, size}).view).toEqual({top: 4, left: 0});
	});
});
