// Keys inside the topology map, as data: the map's own input handler and its hint line both read this.
// (Esc, ? and q stay global and are handled by the app's keys.)
import {displayKey} from '../../keymap.js';

export type MapAction = 'panUp' | 'panDown' | 'panLeft' | 'panRight' | 'pageUp' | 'pageDown' | 'origin' | 'next' | 'previous' | 'choose';

export interface MapKey {
	readonly action: MapAction;
	/** Key names as keyName() produces them. */
	readonly keys: readonly string[];
	/** Shown in the map's hint line (the arrows are summed up there as one "pan"). */
	readonly hint?: string;
}

export const MAP_KEYS: readonly MapKey[] = [
	{action: 'panUp', keys: ['up']},
	{action: 'panDown', keys: ['down']},
	{action: 'panLeft', keys: ['left']},
	{action: 'panRight', keys: ['right']},
	{action: 'pageUp', keys: ['pageup']},
	{action: 'pageDown', keys: ['pagedown']},
	{action: 'origin', keys: ['home']},
	{action: 'next', keys: ['tab', 'j'], hint: 'next namespace'},
	{action: 'previous', keys: ['shift+tab', 'k']},
	{action: 'choose', keys: ['return'], hint: 'go to it'},
];

export const mapAction = (key: string): MapAction | undefined => MAP_KEYS.find((k) => k.keys.includes(key))?.action;

/** `↑↓←→ pan  Tab next namespace  Enter go to it` (Esc is in the footer, with the other global keys). */
export function mapHints(): string {
	const hinted = MAP_KEYS.filter((k) => k.hint).map((k) => `${displayKey(k.keys[0])} ${k.hint}`);
	return ['↑↓←→ pan', ...hinted].join('  ');
}
