// The map's bindings (map-keys.ts) turned into map-state actions, handed to the input layer by binding id.
// Everything a handler reads comes through getters of the latest state and the latest map, never from a
// closure of an older render.
import type {World} from '../../model/types.js';
import {useKeys, type KeyHandlers} from '../hooks/key-layer.js';
import type {TopologyMap} from './layout.js';
import {MAP_ACTIONS, type MapAction} from './map-keys.js';
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
	const act = (action: MapAction): void => {
		const {world, map, size, onChoose} = getView();
		const extent: Extent = {rows: map.lines.length, columns: map.width};
		const cursor = validCursor(world, getState().cursor);
		const step = (delta: number): void => {
			const ids = map.boxes.map((b) => b.id);
			const id = ids[(ids.indexOf(cursor ?? '') + delta + ids.length) % ids.length];
			const box = map.boxes.find((b) => b.id === id);
			if (id && box) dispatch({type: 'select', id, box, map: extent, size});
		};
		const pan = (rows: number, columns: number) => (): void => dispatch({type: 'pan', rows, columns, map: extent, size});
		const actions: Record<MapAction, () => void> = {
			panUp: pan(-1, 0),
			panDown: pan(1, 0),
			panLeft: pan(0, -PAN_COLUMNS),
			panRight: pan(0, PAN_COLUMNS),
			pageUp: pan(-size.rows, 0),
			pageDown: pan(size.rows, 0),
			origin: () => dispatch({type: 'origin'}),
			next: () => step(1),
			previous: () => step(-1),
			choose: () => {
				if (cursor) onChoose(cursor);
			},
		};
		actions[action]();
	};
	const handlers: KeyHandlers = Object.fromEntries(Object.entries(MAP_ACTIONS).map(([id, action]) => [id, () => act(action)]));
	useKeys(handlers, isActive);
}
