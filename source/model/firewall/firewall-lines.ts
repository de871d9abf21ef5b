// A namespace's firewall and its interfaces' sysctls as detail lines: tables → chains (hook, policy) →
// rules with their counters; proxy_arp, rp_filter and forwarding of an interface, and its IPv6 switches. Texts are the tools'
// own (untrusted): the detail view draws them escaped.
import type {NetConf} from '../diagnosis/evidence.js';
import type {Firewall} from './types.js';
import {tableName} from './types.js';

type Line = readonly [string, string];

export function firewallLines(firewall: Firewall | undefined): Line[] {
	if (!firewall) return [['firewall', 'reading…']];
	const lines: Line[] = firewall.unread.map((why) => ['firewall', `not read: ${why}`] as const);
	if (firewall.tables.length === 0 && firewall.unread.length === 0) lines.push(['firewall', 'no nftables or legacy iptables tables']);
	for (const table of firewall.tables) {
		lines.push(['firewall', tableName(table)]);
		for (const chain of table.chains) {
			const base = chain.hook ? ` (hook ${chain.hook}${chain.policy ? `, policy ${chain.policy}` : ''}${chain.policyPackets !== undefined ? ` [${chain.policyPackets} packets]` : ''})` : '';
			lines.push(['', `  chain ${chain.name}${base}`]);
			for (const rule of chain.rules) lines.push(['', `    ${rule.text}${rule.packets !== undefined ? `  [${rule.packets} packets]` : ''}`]);
		}
	}
	return lines;
}

const RP_FILTER = ['off', 'strict', 'loose'];

/** proxy_arp, rp_filter and forwarding of one interface (the larger of `all` and its own rp_filter applies). */
export function interfaceConfLines(conf: NetConf | undefined, ifname: string): Line[] {
	const own = conf?.interfaces.get(ifname);
	if (!own) return [];
	const all = conf?.interfaces.get('all');
	const rp = Math.max(own.rpFilter ?? 0, all?.rpFilter ?? 0);
	const lines: Line[] = [];
	if (own.proxyArp !== undefined) lines.push(['proxy_arp', own.proxyArp ? 'on: answers ARP for addresses it routes elsewhere (only while forwarding)' : 'off']);
	lines.push(['rp_filter', `${rp} (${RP_FILTER[rp] ?? '?'})${all?.rpFilter !== undefined && all.rpFilter !== own.rpFilter ? `: its own ${own.rpFilter ?? '?'}, all ${all.rpFilter}` : ''}`]);
	if (own.forwarding !== undefined) lines.push(['IPv4 forwarding', own.forwarding ? 'on' : 'off']);
	if (own.disableIpv6) lines.push(['IPv6', 'disabled (disable_ipv6 is 1): no IPv6 addresses, IPv6 dropped']);
	if (own.forceForwarding6) lines.push(['IPv6 forwarding', 'forced on for what arrives here (force_forwarding is 1)']);
	// accept_ra only where it ignores router advertisements: 0, or 1 while `all` forwards IPv6.
	if (!own.disableIpv6 && (own.acceptRa === 0 || (own.acceptRa === 1 && all?.forwarding6))) {
		lines.push(['accept_ra', own.acceptRa === 0 ? '0: ignores router advertisements' : '1: ignores router advertisements while IPv6 forwarding is on (2 takes them)']);
	}
	return lines;
}
