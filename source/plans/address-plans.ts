// Add and delete an address (IPv4 or IPv6).
import {stackedText, type StackedDevice} from '../model/stacked.js';
import {ipIn, type Plan} from './plan.js';

export interface AddressValues {
	readonly ns: string;
	readonly link: string;
	readonly cidr: string;
}

export function addAddressPlan(v: AddressValues): Plan {
	return {
		title: `Add ${v.cidr} to ${v.link} in ${v.ns}`,
		dangerous: false,
		steps: [{argv: ipIn(v.ns, 'addr', 'add', v.cidr, 'dev', v.link), undo: ipIn(v.ns, 'addr', 'del', v.cidr, 'dev', v.link)}],
		affects: [v.ns],
		select: {ns: v.ns, link: v.link},
		effects: [{kind: 'addAddress', ns: v.ns, link: v.link, cidr: v.cidr}],
	};
}

/** `senders`: tunnels that send from this address (stacked.ts, sendingFrom): they stop working. */
export function deleteAddressPlan(v: AddressValues, senders: readonly StackedDevice[] = []): Plan {
	const local = v.cidr.split('/')[0];
	return {
		title: `Delete ${v.cidr} from ${v.link} in ${v.ns}`,
		dangerous: false,
		destructive: true,
		touches: [{ns: v.ns, link: v.link, change: 'address', address: v.cidr.split('/')[0]}],
		consequences: [
			'routes that depend on this address go with it',
			...(senders.length > 0 ? [`tunnels that send from ${local} stop working: ${stackedText(senders, v.ns)}`] : []),
		],
		steps: [{argv: ipIn(v.ns, 'addr', 'del', v.cidr, 'dev', v.link), undo: ipIn(v.ns, 'addr', 'add', v.cidr, 'dev', v.link)}],
		affects: [v.ns],
		select: {ns: v.ns, link: v.link},
		effects: [{kind: 'deleteAddress', ns: v.ns, link: v.link, cidr: v.cidr}],
	};
}
