// A VRF: its members' routes live in its own table (ip/iplink_vrf.c prints `table`).
import {asNumber, defineKind} from './kind.js';

export interface VrfFacts {
	readonly kind: 'vrf';
	readonly table: number;
}

export const vrf = defineKind({
	names: ['vrf'],
	read: (data): VrfFacts | undefined => {
		const table = asNumber(data.table);
		return table === undefined ? undefined : {kind: 'vrf', table};
	},
	text: (f) => `table ${f.table}`,
	group: true,
	hub: {dot: ', shape=tab', mermaid: (label) => `[(${label})]`},
});
