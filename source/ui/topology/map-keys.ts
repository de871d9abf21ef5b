// Keys inside the topology map. Which keys the map takes is keymap.ts's 'map' scope (so help and the footer
// list them); what each key does there is this table. (Esc, ? and q stay with the app's keys.)
import {KEYMAP, type Binding, type BindingId} from '../../state/keys/keymap.js';

export type MapAction = 'panUp' | 'panDown' | 'panLeft' | 'panRight' | 'pageUp' | 'pageDown' | 'origin' | 'next' | 'previous' | 'choose';

/** Each map binding's keys, in order, and the action of each key. */
const ACTIONS: Partial<Record<BindingId, Readonly<Record<string, MapAction>>>> = {
	pan: {up: 'panUp', down: 'panDown', left: 'panLeft', right: 'panRight'},
	mapPage: {pageup: 'pageUp', pagedown: 'pageDown'},
	mapOrigin: {home: 'origin'},
	mapNext: {tab: 'next', j: 'next'},
	mapPrevious: {'shift+tab': 'previous', k: 'previous'},
	mapChoose: {return: 'choose'},
};

export const mapBindings = (keymap: readonly Binding[] = KEYMAP): Binding[] => keymap.filter((b) => b.scope === 'map');

/** The action of a key in the map, when the keymap gives the map that key. */
export function mapAction(key: string, keymap: readonly Binding[] = KEYMAP): MapAction | undefined {
	const binding = mapBindings(keymap).find((b) => b.keys.includes(key));
	return binding && ACTIONS[binding.id]?.[key];
}
