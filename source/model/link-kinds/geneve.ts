// Geneve: Ethernet over UDP to one remote (ip/iplink_geneve.c prints `id`, `remote` or `remote6`, `local`
// or `local6` (newer ip), `ttl`, `port`).
import {asNumber, asString, defineKind, some, words} from './kind.js';

export interface GeneveFacts {
	readonly kind: 'geneve';
	/** The VNI. */
	readonly id?: number;
	readonly remote?: string;
	readonly local?: string;
	readonly port?: number;
	readonly ttl?: number;
}

export const geneve = defineKind({
	names: ['geneve'],
	read: (data): GeneveFacts | undefined => {
		const facts = {...some('id', asNumber(data.id)), ...some('remote', asString(data.remote) ?? asString(data.remote6)), ...some('local', asString(data.local) ?? asString(data.local6)), ...some('port', asNumber(data.port)), ...some('ttl', asNumber(data.ttl))};
		return Object.keys(facts).length > 0 ? {kind: 'geneve', ...facts} : undefined;
	},
	text: (f) => [...words('id', f.id), ...words('remote', f.remote), ...words('local', f.local), ...words('port', f.port)].join(' '),
});
