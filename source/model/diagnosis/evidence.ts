// What the diagnosis reads beyond the World, at the time of the ping: per-interface sysctls of the
// namespaces on the way (IPv4 proxy_arp, rp_filter, forwarding; IPv6 forwarding, force_forwarding,
// disable_ipv6, accept_ra), the bridge's netfilter switch, and each
// namespace's firewall before and after the ping. Absent parts were not read; the words say so.
import type {Firewall} from '../firewall/types.js';

/** /proc/sys/net/ipv{4,6}/conf/IF/… of one interface (or `all`). */
export interface InterfaceConf {
	readonly forwarding?: boolean;
	readonly proxyArp?: boolean;
	/** 0 off, 1 strict, 2 loose. */
	readonly rpFilter?: number;
	/** net.ipv6.conf.IF.forwarding: per interface only whether it acts as a router (RAs); `all` forwards. */
	readonly forwarding6?: boolean;
	/** net.ipv6.conf.IF.force_forwarding (Linux 6.17+): forwards what arrives here even with `all` off. */
	readonly forceForwarding6?: boolean;
	/** net.ipv6.conf.IF.disable_ipv6: the kernel removed the interface's IPv6 addresses and drops IPv6 on it. */
	readonly disableIpv6?: boolean;
	/** net.ipv6.conf.IF.accept_ra: 0 never, 1 unless forwarding, 2 even while forwarding. */
	readonly acceptRa?: number;
}

export interface NetConf {
	/** By interface name, and `all`. */
	readonly interfaces: ReadonlyMap<string, InterfaceConf>;
	/** net.bridge.bridge-nf-call-iptables; undefined when the file is absent (no br_netfilter in this kernel). */
	readonly bridgeNfCallIptables?: boolean;
}

export interface Evidence {
	readonly conf: ReadonlyMap<string, NetConf>;
	/** The firewall of each namespace on the way, before the ping and after it. */
	readonly firewallBefore?: ReadonlyMap<string, Firewall>;
	readonly firewallAfter?: ReadonlyMap<string, Firewall>;
}

/** What the detail view shows beyond the World: a namespace's sysctls and firewall, read when it opens. */
export interface NamespaceFacts {
	readonly ns: string;
	readonly conf?: NetConf;
	readonly firewall?: Firewall;
}

export const NO_EVIDENCE: Evidence = {conf: new Map()};

/** Each sysctl read per interface, by its family's directory, and where parseNetConf puts it. */
const CONF_FIELDS = {
	'ipv4/forwarding': 'forwarding',
	'ipv4/proxy_arp': 'proxyArp',
	'ipv4/rp_filter': 'rpFilter',
	'ipv6/forwarding': 'forwarding6',
	'ipv6/force_forwarding': 'forceForwarding6',
	'ipv6/disable_ipv6': 'disableIpv6',
	'ipv6/accept_ra': 'acceptRa',
} as const satisfies Record<string, keyof InterfaceConf>;
type ConfKey = keyof typeof CONF_FIELDS;
export const CONF_KEYS = Object.keys(CONF_FIELDS) as ConfKey[];
/** The fields that hold a number, not a switch. */
const NUMERIC = new Set<string>(['rpFilter', 'acceptRa']);
export const BRIDGE_NF_FILE = '/proc/sys/net/bridge/bridge-nf-call-iptables';
export const confFile = (ifname: string, key: ConfKey): string => {
	const [family, name] = key.split('/');
	return `/proc/sys/net/${family}/conf/${ifname}/${name}`;
};

/**
 * `grep -H '' FILE…` output (PATH:VALUE per line) for the files of confFile and BRIDGE_NF_FILE. An
 * interface name may hold ':', the value never does: the last ':' splits.
 */
export function parseNetConf(text: string): NetConf {
	const interfaces = new Map<string, Record<string, boolean | number>>();
	let bridgeNfCallIptables: boolean | undefined;
	for (const line of text.split('\n')) {
		const at = line.lastIndexOf(':');
		if (at < 0) continue;
		const path = line.slice(0, at);
		const value = Number(line.slice(at + 1).trim());
		if (!Number.isFinite(value)) continue;
		if (path === BRIDGE_NF_FILE) {
			bridgeNfCallIptables = value === 1;
			continue;
		}
		const match = /^\/proc\/sys\/net\/(ipv[46])\/conf\/(.+)\/([a-z0-9_]+)$/.exec(path);
		const field = match ? (CONF_FIELDS as Record<string, string>)[`${match[1]}/${match[3]}`] : undefined;
		if (!match || !field) continue;
		const entry = interfaces.get(match[2]) ?? {};
		entry[field] = NUMERIC.has(field) ? value : value === 1;
		interfaces.set(match[2], entry);
	}
	return {interfaces: interfaces as ReadonlyMap<string, InterfaceConf>, bridgeNfCallIptables};
}

/** The rp_filter the kernel applies on an interface: the larger of `all` and the interface's own. */
export function rpFilterOf(conf: NetConf | undefined, ifname: string): number | undefined {
	const own = conf?.interfaces.get(ifname)?.rpFilter;
	const all = conf?.interfaces.get('all')?.rpFilter;
	if (own === undefined && all === undefined) return undefined;
	return Math.max(own ?? 0, all ?? 0);
}

/** Whether IPv6 is disabled on an interface: its own switch where read, else `all`'s (which sets every interface's). */
export function ipv6DisabledOn(conf: NetConf | undefined, ifname: string): boolean {
	return conf?.interfaces.get(ifname)?.disableIpv6 ?? conf?.interfaces.get('all')?.disableIpv6 ?? false;
}
