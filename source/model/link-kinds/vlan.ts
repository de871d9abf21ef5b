// 802.1Q (or 802.1ad) VLAN on a lower device (ip/iplink_vlan.c prints `protocol` and `id`).
import {checkWhole, parseWhole} from '../validate-device.js';
import {asNumber, asString, defineKind} from './kind.js';

export interface VlanFacts {
	readonly kind: 'vlan';
	readonly id: number;
	/** 802.1Q or 802.1ad. */
	readonly protocol?: string;
}

export const vlan = defineKind({
	names: ['vlan'],
	read: (data): VlanFacts | undefined => {
		const id = asNumber(data.id);
		const protocol = asString(data.protocol);
		return id === undefined ? undefined : {kind: 'vlan', id, ...(protocol ? {protocol} : {})};
	},
	text: (f) => ['id', String(f.id), ...(f.protocol ? [f.protocol] : [])].join(' '),
	stacked: true,
	creation: {
		fields: ['id'],
		nameStem: 'vlan',
		lower: 'link',
		// As vconfig named them.
		preferredName: (parent, id) => (id === undefined ? undefined : `${parent}.${id}`),
		check: (input) => ({id: checkWhole(input.text('id'), 1, 4094, 'a VLAN id')}),
		values: (text) => ({id: parseWhole(text('id'))}),
		typeArgs: (v) => ['id', String(v.id)],
	},
});
