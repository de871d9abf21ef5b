// tun (IP packets) and tap (Ethernet frames) to a program: ip calls both tun, and prints which in `type`.
import {asString, defineKind} from './kind.js';

export interface TunFacts {
	readonly kind: 'tun';
	/** tun or tap. */
	readonly type: string;
}

export const tun = defineKind({
	names: ['tun'],
	read: (data): TunFacts | undefined => {
		const type = asString(data.type);
		return type ? {kind: 'tun', type} : undefined;
	},
	text: () => '',
	linkKind: (f) => (f.type === 'tap' ? 'tap' : 'tun'),
});
