// The map's keys (map-keys.ts) turned into map-state actions. ink re-subscribes a useInput handler only
// after a render's effects run, so a key can reach a handler made for an older render: everything the
// handler reads comes through getters of the latest state and the latest map, never from a closure.
import {useInput} from 'ink';
import {keyName} from '../../state/keys/key-name.js';
import type {World} from '../../model/types.js';
import type {TopologyMap} from './layout.js';
import {mapAction} from './map-keys.js';
import {validCursor, type MapState, type MapStateAction} from './map-state.js';
import type {Extent} from './viewport.js';

export interface MapView {
	readonly world: World;
	readonly map: TopologyMap;
	/** Rows and columns the map is shown in. */
	readonly size: Extent;
	readonly onChoose: (id: string) => void;
}

const PAN_COLUMNS = 4;

export function useMapKeys(getView: () => MapView, getState: () => MapState, dispatch: (action: MapStateAction) => void, isActive: boolean): void {
	useInput(
		(input, key) => {
			const action = mapAction(keyName(input, key));
			if (!action) return;
			const {world, map, size, onChoose} = getView();
			const extent: Extent = {rows: map.lines.length, columns: map.width};
			const cursor = validCursor(world, getState().cursor);
			const step = (delta: number): void => {
				const ids = map.boxes.map((b) => b.id);
				const id = ids[(ids.indexOf(cursor ?? '') + delta + ids.length) % ids.length];
				const box = map.boxes.find((b) => b.id === id);
				if (id && box) dispatch({type: 'select', id, box, map: extent, size});
			};
			const pan = (rows: number, columns: number): void => dispatch({type: 'pan', rows, columns, map: extent, size});
			switch (action) {
				case 'panUp':
					return pan(-1, 0);
				case 'panDown':
					return pan(1, 0);
				case 'panLeft':
					return pan(0, -PAN_COLUMNS);
				case 'panRight':
					return pan(0, PAN_COLUMNS);
				case 'pageUp':
					return pan(-size.rows, 0);
				case 'pageDown':
					return pan(size.rows, 0);
				case 'origin':
					return dispatch({type: 'origin'});
				case 'next':
					return step(1);
				case 'previous':
					return step(-1);
				case 'choose':
					// After every handler of this key has run: closing the map at once would let the app's own
					// handler, if it runs after this one, read Enter as "open the detail" in the panes.
					if (cursor) queueMicrotask(() => onChoose(cursor));
					return;
			}
		},
		{isActive},
	);
}
