// VXLAN: Ethernet over UDP, sent through an underlay device (ip/iplink_vxlan.c prints `id`, `remote` or
// `group` (`remote6`, `group6` for IPv6), `local`/`local6`, `link` and `port`). Its `dev` is not a lower
// device it is stacked on, but the kernel deletes it with that device all the same.
import {parseIp} from '../validate.js';
import {checkUnicastIp, checkWhole, isMulticast, parseWhole} from '../validate-device.js';
import {VXLAN_PORT, type CreationInput} from './creation.js';
import {asNumber, asString, defineKind, some, words} from './kind.js';

export interface VxlanFacts {
	readonly kind: 'vxlan';
	/** The VNI. */
	readonly id?: number;
	/** The other end (unicast), or the multicast group. */
	readonly remote?: string;
	readonly group?: string;
	readonly local?: string;
	readonly port?: number;
	/** The device it sends through (its `dev`). */
	readonly underlay?: string;
}

function check(input: CreationInput): Record<string, string | undefined> {
	const remote = input.text('remote');
	const local = input.text('local');
	const remoteIp = parseIp(remote);
	const localIp = parseIp(local);
	const name = input.text('name') || 'it';
	return {
		id: checkWhole(input.text('id'), 1, 16777215, 'a VNI'),
		dstport: checkWhole(input.text('dstport'), 1, 65535, 'the UDP port'),
		remote: remote === '' ? undefined : !remoteIp ? 'not an IP address, e.g. 10.0.0.2, or a group such as 239.1.1.1' : isMulticast(remoteIp.address) ? undefined : checkUnicastIp(remote),
		local:
			local === ''
				? undefined
				: (checkUnicastIp(local) ??
					(localIp && remoteIp && localIp.family !== remoteIp.family ? `the remote is IPv${remoteIp.family}; the local address must be too` : undefined) ??
					(localIp && !input.hasAddress(localIp.address) ? `${localIp.address} is on no interface in ${input.parentNs}: ${name} could not send from it` : undefined)),
	};
}

export const vxlan = defineKind({
	names: ['vxlan'],
	read: (data): VxlanFacts | undefined => {
		const facts = {
			...some('id', asNumber(data.id)),
			...some('remote', asString(data.remote) ?? asString(data.remote6)),
			...some('group', asString(data.group) ?? asString(data.group6)),
			...some('local', asString(data.local) ?? asString(data.local6)),
			...some('port', asNumber(data.port)),
			...some('underlay', asString(data.link)),
		};
		return Object.keys(facts).length > 0 ? {kind: 'vxlan', ...facts} : undefined;
	},
	text: (f) => [...words('id', f.id), ...words('remote', f.remote), ...words('group', f.group), ...words('local', f.local), ...words('port', f.port), ...words('dev', f.underlay)].join(' '),
	underlay: (f) => f.underlay,
	creation: {
		fields: ['id', 'dstport', 'remote', 'local'],
		nameStem: 'vxlan',
		lower: 'dev',
		check,
		values: (text) => {
			const remote = parseIp(text('remote'))?.address;
			const group = remote !== undefined && isMulticast(remote);
			return {id: parseWhole(text('id')), dstport: parseWhole(text('dstport')), remote: group ? undefined : remote, group: group ? remote : undefined, local: parseIp(text('local'))?.address};
		},
		typeArgs: (v) => [
			'id',
			String(v.id),
			'dev',
			v.parent,
			...words('remote', v.remote),
			...words('group', v.group),
			...words('local', v.local),
			'dstport',
			String(v.dstport ?? VXLAN_PORT),
		],
		consequences: (v) => [
			...(v.into !== v.parentNs ? [`${v.name} lives in ${v.into}; its UDP socket (port ${v.dstport ?? VXLAN_PORT}) stays in ${v.parentNs}, on ${v.parent}`] : []),
			...(!v.remote && !v.group ? ['no remote or group: it sends only where its forwarding database says (bridge fdb append …)'] : []),
		],
	},
});
