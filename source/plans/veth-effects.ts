// What a veth pair plan does to the world, as effects (model/planned-effect.ts), whichever commands make
// it: made in the host and moved, or made in place with `ip link add A netns NS1 type veth peer name B
// netns NS2`. Each end: its namespace, optionally an address and a bridge to plug it into.
import type {PlannedEffect} from '../model/planned-effect.js';

export interface VethEnd {
	readonly ns: string;
	readonly name: string;
	/** Normalised CIDR; '' or absent for none. */
	readonly address?: string;
	/** A bridge in the end's namespace to plug it into; '' or absent for none. */
	readonly bridge?: string;
}

export function vethEffects(ends: readonly [VethEnd, VethEnd], up: boolean): PlannedEffect[] {
	return [
		{kind: 'addVeth', ends: [{ns: ends[0].ns, name: ends[0].name}, {ns: ends[1].ns, name: ends[1].name}]},
		...ends.flatMap((e): PlannedEffect[] => (e.bridge ? [{kind: 'setMaster', ns: e.ns, link: e.name, master: e.bridge}] : [])),
		...ends.flatMap((e): PlannedEffect[] => (e.address ? [{kind: 'addAddress', ns: e.ns, link: e.name, cidr: e.address}] : [])),
		...(up ? ends.map((e): PlannedEffect => ({kind: 'setUp', ns: e.ns, link: e.name, up: true})) : []),
	];
}
