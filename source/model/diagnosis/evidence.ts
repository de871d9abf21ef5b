// What the diagnosis reads beyond the World, at the time of the ping: per-interface sysctls of the
// namespaces on the way (proxy_arp, rp_filter, forwarding), the bridge's netfilter switch, and each
// namespace's firewall before and after the ping. Absent parts were not read; the words say so.
import type {Firewall} from '../firewall/types.js';

/** /proc/sys/net/ipv4/conf/IF/{forwarding,proxy_arp,rp_filter} of one interface (or `all`). */
export interface InterfaceConf {
	readonly forwarding?: boolean;
	readonly proxyArp?: boolean;
	/** 0 off, 1 strict, 2 loose. */
	readonly rpFilter?: number;
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

export const CONF_KEYS = ['forwarding', 'proxy_arp', 'rp_filter'] as const;
export const BRIDGE_NF_FILE = '/proc/sys/net/bridge/bridge-nf-call-iptables';
export const confFile = (ifname: string, key: (typeof CONF_KEYS)[number]): string => `/proc/sys/net/ipv4/conf/${ifname}/${key}`;

/**
 * `grep -H '' FILE…` output (PATH:VALUE per line) for the files of confFile and BRIDGE_NF_FILE. An
 * interface name may hold ':', the value never does: the last ':' splits.
 */
export function parseNetConf(text: string): NetConf {
	const interfaces = new Map<string, {forwarding?: boolean; proxyArp?: boolean; rpFilter?: number}>();
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
		const match = /^\/proc\/sys\/net\/ipv4\/conf\/(.+)\/(forwarding|proxy_arp|rp_filter)$/.exec(path);
		if (!match) continue;
		const entry = interfaces.get(match[1]) ?? {};
		if (match[2] === 'forwarding') entry.forwarding = value === 1;
		else if (match[2] === 'proxy_arp') entry.proxyArp = value === 1;
		else entry.rpFilter = value;
		interfaces.set(match[1], entry);
	}
	return {interfaces, bridgeNfCallIptables};
}

/** The rp_filter the kernel applies on an interface: the larger of `all` and the interface's own. */
export function rpFilterOf(conf: NetConf | undefined, ifname: string): number | undefined {
	const own = conf?.interfaces.get(ifname)?.rpFilter;
	const all = conf?.interfaces.get('all')?.rpFilter;
	if (own === undefined && all === undefined) return undefined;
	return Math.max(own ?? 0, all ?? 0);
}
