// The map's own state: which namespace is selected and where the view is. A reducer, so that the key
// handler can read the state each key left (through useStore's getState) even before React re-renders.
import type {World} from '../../model/types.js';
import {ORIGIN, clampViewport, panBy, showRect, type Extent, type Rect, type Viewport} from './viewport.js';

export interface MapState {
	readonly cursor: string;
	readonly view: Viewport;
}

export type MapStateAction =
	| {readonly type: 'pan'; readonly rows: number; readonly columns: number; readonly map: Extent; readonly size: Extent}
	| {readonly type: 'origin'}
	/** Select a namespace and scroll its box into view. */
	| {readonly type: 'select'; readonly id: string; readonly box: Rect; readonly map: Extent; readonly size: Extent};

/** The selected namespace, or the first one when it has gone since (the map follows the world). */
export const validCursor = (world: World, cursor: string): string | undefined =>
	world.namespaces.some((n) => n.id === cursor) ? cursor : world.namespaces[0]?.id;

export const initialMapState = (cursor: string): MapState => ({cursor, view: ORIGIN});

export function mapReducer(state: MapState, action: MapStateAction): MapState {
	switch (action.type) {
		case 'pan':
			// From the view as shown: a map that shrank since the last key must not swallow the first pan.
			return {...state, view: panBy(clampViewport(state.view, action.map, action.size), action.rows, action.columns, action.map, action.size)};
		case 'origin':
			return {...state, view: ORIGIN};
		case 'select':
			return {cursor: action.id, view: showRect(clampViewport(state.view, action.map, action.size), action.box, action.map, action.size)};
	}
}
