// ipvlan and ipvtap: the lower device's MAC, an address of its own (ip/iplink_ipvlan.c prints `mode`).
import {IPVLAN_MODES} from './creation.js';
import {asString, defineKind} from './kind.js';

export interface IpvlanFacts {
	readonly kind: 'ipvlan';
	/** l2, l3, l3s. */
	readonly mode: string;
}

const read = (data: Readonly<Record<string, unknown>>): IpvlanFacts | undefined => {
	const mode = asString(data.mode);
	return mode ? {kind: 'ipvlan', mode} : undefined;
};
const text = (f: IpvlanFacts): string => `mode ${f.mode}`;

export const ipvlan = defineKind({
	names: ['ipvlan'],
	read,
	text,
	stacked: true,
	creation: {
		fields: ['ipvlanMode'],
		nameStem: 'ipvlan',
		lower: 'link',
		values: (field) => ({mode: field('ipvlanMode')}),
		typeArgs: (v) => ['mode', v.mode ?? IPVLAN_MODES[0]],
	},
});

export const ipvtap = defineKind({names: ['ipvtap'], read, text, stacked: true});
