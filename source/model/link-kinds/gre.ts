// GRE tunnels, IP (gre, ip6gre) or Ethernet (gretap, ip6gretap, erspan) over IP: ip/link_gre.c and
// link_gre6.c print `remote` and `local` ("any" when not set), `link` (the device it sends through), `ttl`.
import {asNumber, asString, defineKind, some, words} from './kind.js';

export interface GreFacts {
	readonly kind: 'gre';
	readonly remote?: string;
	readonly local?: string;
	/** The device it sends through (its `dev`). */
	readonly underlay?: string;
	/** 0: inherited from the inner packet. */
	readonly ttl?: number;
}

export const gre = defineKind({
	names: ['gre', 'gretap', 'erspan', 'ip6gre', 'ip6gretap', 'ip6erspan'],
	read: (data): GreFacts | undefined => {
		const facts = {...some('remote', asString(data.remote)), ...some('local', asString(data.local)), ...some('underlay', asString(data.link)), ...some('ttl', asNumber(data.ttl))};
		return Object.keys(facts).length > 0 ? {kind: 'gre', ...facts} : undefined;
	},
	text: (f) => [...words('remote', f.remote), ...words('local', f.local), ...words('dev', f.underlay)].join(' '),
});
