// Keys inside the topology map. Which keys the map takes is keymap.ts's 'map' scope (so help and the footer
// list them); what each binding does there is this table, by binding id. (Esc, ? and q stay with the app's keys.)
import {KEYMAP, type Binding, type BindingId} from '../../state/keys/keymap.js';

export type MapAction = 'panUp' | 'panDown' | 'panLeft' | 'panRight' | 'pageUp' | 'pageDown' | 'origin' | 'next' | 'previous' | 'choose';

export const MAP_ACTIONS: Readonly<Partial<Record<BindingId, MapAction>>> = {
	panUp: 'panUp',
	panDown: 'panDown',
	panLeft: 'panLeft',
	panRight: 'panRight',
	mapPageUp: 'pageUp',
	mapPageDown: 'pageDown',
	mapOrigin: 'origin',
	mapNext: 'next',
	mapPrevious: 'previous',
	mapChoose: 'choose',
};

export const mapBindings = (keymap: readonly Binding[] = KEYMAP): Binding[] => keymap.filter((b) => b.scope === 'map');

/** The action of a key in the map, when the keymap gives the map that key. */
export function mapAction(key: string, keymap: readonly Binding[] = KEYMAP): MapAction | undefined {
	const binding = mapBindings(keymap).find((b) => b.keys.includes(key));
	return binding && MAP_ACTIONS[binding.id];
}
