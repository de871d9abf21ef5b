// A namespace's firewall as nsdeck reads it (never changes it): nftables tables (iptables-nft's among them)
// and legacy iptables, as tables → chains (hook, policy) → rules with their counters.

export interface FirewallRule {
	/** Unique in its firewall: what the counters before and after a ping are matched by. */
	readonly key: string;
	/** The rule as its tool prints it, counter values left out. */
	readonly text: string;
	/** Packets its counter has seen; absent when the rule has no counter. */
	readonly packets?: number;
	/** accept, drop, reject, jump, return, … (iptables' target in lower case); absent when it only counts. */
	readonly verdict?: string;
}

export interface FirewallChain {
	readonly name: string;
	/** A base chain's hook (input, forward, output, prerouting, postrouting, ingress); absent for a regular chain. */
	readonly hook?: string;
	readonly policy?: string;
	/** Packets the policy decided (legacy iptables counts them; nftables does not). */
	readonly policyPackets?: number;
	readonly rules: readonly FirewallRule[];
}

export interface FirewallTable {
	/** nft, or iptables-legacy / ip6tables-legacy. */
	readonly source: string;
	/** ip, ip6, inet, bridge, arp, netdev. */
	readonly family: string;
	readonly name: string;
	readonly chains: readonly FirewallChain[];
}

export interface Firewall {
	readonly tables: readonly FirewallTable[];
	/** What could not be read, in words (a tool missing, no permission). */
	readonly unread: readonly string[];
}

/** Words that stop a packet. */
export const DROPS = new Set(['drop', 'reject']);

/** `table inet guard`, or `iptables-legacy table filter`. */
export const tableName = (t: FirewallTable): string => (t.source === 'nft' ? `table ${t.family} ${t.name}` : `${t.source} table ${t.name}`);
