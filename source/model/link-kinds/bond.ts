// A bond: its members carry its traffic together (ip/iplink_bond.c prints `mode` by name, `miimon`, …).
import {asNumber, asString, defineKind, some} from './kind.js';

export interface BondFacts {
	readonly kind: 'bond';
	/** balance-rr, active-backup, balance-xor, broadcast, 802.3ad, balance-tlb, balance-alb. */
	readonly mode: string;
	/** How often (ms) it checks its members' carrier; 0: never. */
	readonly miimon?: number;
}

export const bond = defineKind({
	names: ['bond'],
	read: (data): BondFacts | undefined => {
		const mode = asString(data.mode);
		return mode ? {kind: 'bond', mode, ...some('miimon', asNumber(data.miimon))} : undefined;
	},
	text: (f) => `mode ${f.mode}`,
	group: true,
	hub: {dot: ', shape=octagon', mermaid: (label) => `[[${label}]]`},
});
