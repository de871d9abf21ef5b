// Kinds the registry does not name (ipip, sit, ip6tnl, macsec, netkit, …): the keys many kinds' data share,
// read wherever ip prints them, as nsdeck read every kind before it knew each.
import {asNumber, asString, some, words, type Json} from './kind.js';

export interface OtherFacts {
	readonly kind: 'other';
	readonly mode?: string;
	readonly id?: number;
	readonly protocol?: string;
	readonly remote?: string;
	readonly group?: string;
	readonly local?: string;
	readonly port?: number;
	readonly underlay?: string;
	readonly table?: number;
}

export function readOther(data: Json): OtherFacts | undefined {
	const facts = {
		...some('mode', asString(data.mode)),
		...some('id', asNumber(data.id)),
		...some('protocol', asString(data.protocol)),
		...some('remote', asString(data.remote)),
		...some('group', asString(data.group)),
		...some('local', asString(data.local)),
		...some('port', asNumber(data.port)),
		...some('underlay', asString(data.link)),
		...some('table', asNumber(data.table)),
	};
	return Object.keys(facts).length > 0 ? {kind: 'other', ...facts} : undefined;
}

export const otherText = (f: OtherFacts): string =>
	[...words('mode', f.mode), ...words('id', f.id), ...words('', f.protocol), ...words('remote', f.remote), ...words('group', f.group), ...words('local', f.local), ...words('port', f.port), ...words('dev', f.underlay), ...words('table', f.table)].join(' ');
