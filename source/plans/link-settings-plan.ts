// Change an interface's name, MTU or MAC: one `ip link set` per changed value, each undone by setting the
// old value back, so a refused step (an MTU above the lower device's, a name taken meanwhile) leaves the
// link as it was.
import {ipIn, type Plan, type Step} from './plan.js';

export interface LinkSettingsValues {
	readonly ns: string;
	/** Its name now. */
	readonly link: string;
	/** Administratively up now: a rename then sets it down first and up again after. */
	readonly up: boolean;
	/** Only what changes; each already validated and normalised. */
	readonly name?: string;
	readonly mtu?: {readonly from: number; readonly to: number};
	readonly mac?: {readonly from: string; readonly to: string};
	/** Its global IPv6 addresses: an MTU below 1280 makes the kernel drop them. */
	readonly ipv6Addresses?: readonly string[];
}

/** IPv6 needs links of at least 1280 bytes (RFC 8200): below it the kernel turns IPv6 off on the link. */
export const IPV6_MIN_MTU = 1280;

export function linkSettingsPlan(v: LinkSettingsValues): Plan {
	const steps: Step[] = [];
	const set = (name: string, ...args: string[]): string[] => ipIn(v.ns, 'link', 'set', 'dev', name, ...args);
	// Older kernels refuse to rename a link that is up (EBUSY; 6.18 renames an up veth or macvlan): down,
	// rename, up, each undone in reverse, works on every kernel.
	const cycle = v.name !== undefined && v.up;
	let current = v.link;
	if (cycle) steps.push({argv: set(v.link, 'down'), undo: set(v.link, 'up')});
	if (v.name !== undefined) {
		steps.push({argv: set(v.link, 'name', v.name), undo: set(v.name, 'name', v.link)});
		current = v.name;
	}
	if (v.mtu) steps.push({argv: set(current, 'mtu', String(v.mtu.to)), undo: set(current, 'mtu', String(v.mtu.from))});
	if (v.mac) steps.push({argv: set(current, 'address', v.mac.to), undo: set(current, 'address', v.mac.from)});
	if (cycle) steps.push({argv: set(current, 'up'), undo: set(current, 'down')});

	// In ip's own words (`name X mtu N address M`), so the status line says what ran, short enough for 80 columns.
	const changes = [...(v.name !== undefined ? [`name ${v.name}`] : []), ...(v.mtu ? [`mtu ${v.mtu.to}`] : []), ...(v.mac ? [`address ${v.mac.to}`] : [])];
	const consequences = [
		...(cycle ? ['it is set down, renamed, set up again (older kernels refuse an up rename)'] : []),
		...(v.name !== undefined ? [`scripts and firewall rules that name ${v.link} need the new name`] : []),
		...(v.mtu && v.mtu.to < IPV6_MIN_MTU && (v.ipv6Addresses?.length ?? 0) > 0
			? [`below ${IPV6_MIN_MTU} bytes the kernel turns IPv6 off on it: ${v.ipv6Addresses?.join(', ')} go`]
			: []),
	];
	return {
		title: `Set ${v.link} in ${v.ns}: ${changes.join(', ')}`,
		dangerous: false,
		destructive: cycle,
		touches: [{ns: v.ns, link: v.link, change: cycle ? 'down' : 'settings'}],
		consequences: consequences.length > 0 ? consequences : undefined,
		steps,
		affects: [v.ns],
		select: {ns: v.ns, link: current},
		effects: [
			// Down and up again around a rename, as the steps do: the kernel drops what going down drops.
			...(cycle ? [{kind: 'setUp' as const, ns: v.ns, link: v.link, up: false}] : []),
			...(v.name !== undefined ? [{kind: 'renameLink' as const, ns: v.ns, link: v.link, to: v.name}] : []),
			...(v.mtu || v.mac ? [{kind: 'setLink' as const, ns: v.ns, link: current, ...(v.mtu ? {mtu: v.mtu.to} : {}), ...(v.mac ? {mac: v.mac.to} : {})}] : []),
			...(cycle ? [{kind: 'setUp' as const, ns: v.ns, link: current, up: true}] : []),
		],
	};
}
