// Which firewall stopped the echoes, from the counters read before and after the ping: the rule whose
// counter rose by the lost echoes, else a base chain on the way whose policy drops, else the rules that
// could match (no counter to tell); on a bridged way, the Docker-host trap (bridge-nf-call-iptables with
// a FORWARD policy drop). nsdeck never changes a rule: it shows the command a user would run.
import {tableName, DROPS, type Firewall, type FirewallChain, type FirewallRule, type FirewallTable} from '../firewall/types.js';
import type {Netns} from '../types.js';
import type {Evidence} from './evidence.js';
import type {Fix} from './fix.js';
import type {Trace} from './path.js';

export interface Finding {
	readonly text: string;
	/** The counters prove it (else it is a policy or a rule that could match). */
	readonly counted: boolean;
	readonly fix?: Fix;
	/** The namespace whose firewall it is: its hop on the way is marked. */
	readonly ns: string;
}

/** The hooks the echo (and its reply) cross in each namespace on the way. */
export function hooksOnWay(trace: Trace | undefined): Map<string, Set<string>> {
	const hooks = new Map<string, Set<string>>();
	const add = (ns: string, hook: string): void => {
		hooks.set(ns, (hooks.get(ns) ?? new Set()).add(hook));
	};
	for (const way of [trace?.there, trace?.back]) {
		way?.hops.forEach((hop, i) => {
			const last = i === way.hops.length - 1 && !hop.out;
			add(hop.ns.id, i === 0 ? 'output' : last ? 'input' : 'forward');
			if (i > 0) add(hop.ns.id, 'prerouting');
			if (!last) add(hop.ns.id, 'postrouting');
		});
	}
	return hooks;
}

const execIn = (ns: Netns): string => (ns.kind === 'host' ? '' : ns.kind === 'named' ? `ip netns exec ${ns.path.split('/').pop() ?? ns.id} ` : `nsenter --net=${ns.path} `);

function deleteCommand(ns: Netns, table: FirewallTable, chain: FirewallChain, rule: FirewallRule): string {
	if (table.source === 'nft') return `${execIn(ns)}nft delete rule ${table.family} ${table.name} ${chain.name} handle ${rule.key.split(' ').at(-1) ?? '?'}`;
	const tool = table.source.startsWith('ip6') ? 'ip6tables' : 'iptables';
	return `${execIn(ns)}${tool} -t ${table.name} ${rule.text.replace(/^-A /, '-D ')}`;
}

const where = (ns: string, table: FirewallTable, chain: FirewallChain): string => `the firewall of ${ns}: ${tableName(table)}, chain ${chain.name}${chain.hook ? ` (hook ${chain.hook})` : ''}`;

const rise = (before: Firewall | undefined, rule: FirewallRule): number | undefined => {
	if (rule.packets === undefined || !before) return undefined;
	const old = before.tables.flatMap((t) => t.chains.flatMap((c) => c.rules)).find((r) => r.key === rule.key);
	return rule.packets - (old?.packets ?? 0);
};

function* chainsOf(firewall: Firewall): Generator<[FirewallTable, FirewallChain]> {
	for (const table of firewall.tables) for (const chain of table.chains) yield [table, chain];
}

/** What the firewalls on the way say about `lost` echoes that got no reply, the proof first. */
export function firewallFindings(world: readonly Netns[], trace: Trace | undefined, evidence: Evidence, lost: number): Finding[] {
	const out: Finding[] = [];
	const after = evidence.firewallAfter;
	if (!after) return out;
	const hooks = hooksOnWay(trace);
	for (const [id, firewall] of after) {
		const ns = world.find((n) => n.id === id);
		if (!ns) continue;
		const before = evidence.firewallBefore?.get(id);
		const crossed = hooks.get(id);
		for (const [table, chain] of chainsOf(firewall)) {
			const onWay = chain.hook === undefined || crossed?.has(chain.hook) === true;
			for (const rule of chain.rules) {
				if (!rule.verdict || !DROPS.has(rule.verdict)) continue;
				const rose = rise(before, rule);
				if (lost > 0 && rose !== undefined && rose >= lost) {
					const place = `${tableName(table)}, chain ${chain.name}${chain.hook ? ` (hook ${chain.hook})` : ''}`;
					out.push({text: `the firewall of ${id} dropped ${lost === 1 ? 'the echo' : `the ${lost} echoes`}: ${place}, rule "${rule.text}" (its counter rose by ${rose})`, counted: true, ns: id, fix: {kind: 'command', text: deleteCommand(ns, table, chain, rule)}});
				} else if (rule.packets === undefined && onWay && lost > 0) {
					out.push({text: `${where(id, table, chain)} has a rule that could drop it (no counter to tell): "${rule.text}"`, counted: false, ns: id});
				}
			}
			if (chain.policy !== 'drop' || chain.hook === undefined || !onWay) continue;
			const policyRose = chain.policyPackets !== undefined && before ? chain.policyPackets - (findChain(before, table, chain)?.policyPackets ?? 0) : undefined;
			const accepted = chain.rules.some((r) => r.verdict === 'accept' && (rise(before, r) ?? 0) >= lost && lost > 0);
			if (accepted || (policyRose !== undefined && policyRose < lost)) continue;
			const text = `the firewall of ${id} drops it by policy: ${tableName(table)}, chain ${chain.name} (hook ${chain.hook}) has policy drop and no rule of it accepts the echoes${policyRose !== undefined ? ` (the policy's counter rose by ${policyRose})` : ''}`;
			out.push({text, counted: policyRose !== undefined, ns: id, fix: {kind: 'command', text: `${execIn(ns)}${table.source === 'nft' ? `nft insert rule ${table.family} ${table.name} ${chain.name} icmp type { echo-request, echo-reply } accept` : `iptables -t ${table.name} -I ${chain.name} -p icmp -j ACCEPT`}`}});
		}
	}
	return [...out.filter((f) => f.counted), ...out.filter((f) => !f.counted)];
}

const findChain = (firewall: Firewall, table: FirewallTable, chain: FirewallChain): FirewallChain | undefined =>
	firewall.tables.find((t) => t.source === table.source && t.family === table.family && t.name === table.name)?.chains.find((c) => c.name === chain.name);

/** The Docker-host trap: a namespace whose bridge carries the way, bridged frames through iptables, FORWARD dropping. */
export function bridgeTrap(trace: Trace | undefined, evidence: Evidence): string[] {
	const bridges = new Map<string, string>();
	for (const hop of [...(trace?.there.hops ?? []), ...(trace?.back?.hops ?? [])]) for (const p of hop.across) if (p.link.kind === 'bridge') bridges.set(p.ns.id, p.link.name);
	const out: string[] = [];
	for (const [id, bridge] of bridges) {
		const drop = [...chainsOf(evidence.firewallAfter?.get(id) ?? {tables: [], unread: []})].find(([t, c]) => c.hook === 'forward' && c.policy === 'drop' && t.family !== 'bridge');
		if (!drop) continue;
		const nf = evidence.conf.get(id)?.bridgeNfCallIptables;
		const chain = `${tableName(drop[0])}, chain ${drop[1].name} has policy drop`;
		if (nf === true) out.push(`bridge ${bridge} in ${id} passes its frames through iptables (net.bridge.bridge-nf-call-iptables is 1), and ${chain}: the Docker-host trap (iptables -I FORWARD -i ${bridge} -o ${bridge} -j ACCEPT lets the bridge's own traffic through)`);
		else if (nf === undefined) out.push(`${chain} in ${id}, but net.bridge.bridge-nf-call-iptables is absent (no br_netfilter in this kernel): bridged frames on ${bridge} do not pass it here`);
	}
	return out;
}

/** "could not read the firewall", once, naming the namespaces and why. */
export function unreadFirewalls(evidence: Evidence): string[] {
	const unread = [...(evidence.firewallAfter ?? new Map<string, Firewall>())].filter(([, f]) => f.unread.length > 0);
	if (unread.length === 0) return [];
	return [`could not read the firewall of ${unread.map(([id]) => id).join(', ')}: ${[...new Set(unread.flatMap(([, f]) => f.unread))].join('; ')}`];
}
