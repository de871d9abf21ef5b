// A bridge: a switch, with ports (ip/iplink_bridge.c prints `stp_state`, `vlan_filtering` and many more).
// Read but not shown: the panes say what a bridge is by its ports.
import {asNumber, defineKind, some} from './kind.js';

export interface BridgeFacts {
	readonly kind: 'bridge';
	/** 0 off, 1 the kernel's STP, 2 a user-space daemon's. */
	readonly stpState?: number;
	readonly vlanFiltering?: boolean;
}

export const bridge = defineKind({
	names: ['bridge'],
	read: (data): BridgeFacts | undefined => {
		const filtering = asNumber(data.vlan_filtering);
		const facts = {...some('stpState', asNumber(data.stp_state)), ...some('vlanFiltering', filtering === undefined ? undefined : filtering !== 0)};
		return Object.keys(facts).length > 0 ? {kind: 'bridge', ...facts} : undefined;
	},
	text: () => '',
	hub: {dot: ', shape=hexagon', mermaid: (label) => `{{${label}}}`},
});
