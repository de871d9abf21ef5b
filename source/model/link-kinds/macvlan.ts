// macvlan and macvtap: a MAC address of its own on a lower device (ip/iplink_macvlan.c prints `mode`).
import {MACVLAN_MODES, type StackedCreation} from './creation.js';
import {asString, defineKind} from './kind.js';

export interface MacvlanFacts {
	readonly kind: 'macvlan';
	/** bridge, vepa, private, passthru, source. */
	readonly mode: string;
}

const creation: StackedCreation = {
	fields: ['mode'],
	nameStem: 'macvlan',
	lower: 'link',
	values: (text) => ({mode: text('mode')}),
	typeArgs: (v) => ['mode', v.mode ?? MACVLAN_MODES[0]],
	consequences: (v) => (v.mode === 'passthru' ? [`passthru takes ${v.parent} whole: one such device per lower device`] : []),
};

const spec = {
	read: (data: Readonly<Record<string, unknown>>): MacvlanFacts | undefined => {
		const mode = asString(data.mode);
		return mode ? {kind: 'macvlan', mode} : undefined;
	},
	text: (f: MacvlanFacts): string => `mode ${f.mode}`,
	stacked: true,
};

export const macvlan = defineKind({names: ['macvlan'], ...spec, creation});
export const macvtap = defineKind({names: ['macvtap'], ...spec, creation: {...creation, nameStem: 'macvtap'}});
