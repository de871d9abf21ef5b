// What the ping diagnosis reads besides the World, inside each namespace on the way (/proc/sys/net and
// the firewall show the namespace of the process that reads them): the interfaces' IPv4 forwarding,
// proxy_arp and rp_filter, and IPv6 forwarding, force_forwarding, disable_ipv6 and accept_ra;
// net.bridge.bridge-nf-call-iptables; nftables (`nft -j` and `nft -a`) and legacy iptables.
// Read-only: nothing here changes a sysctl or a rule.
import {BRIDGE_NF_FILE, CONF_KEYS, confFile, parseNetConf, type Evidence, type NamespaceFacts, type NetConf} from '../model/diagnosis/evidence.js';
import {namespacesOnWay} from '../model/diagnosis/path.js';
import {parseIptablesSave, savedByNft} from '../model/firewall/iptables-save.js';
import {parseNft} from '../model/firewall/nft.js';
import type {Firewall, FirewallTable} from '../model/firewall/types.js';
import type {Netns, World} from '../model/types.js';
import {inNamespace} from './netns-location.js';
import type {CommandResult, Runner} from './runner.js';
import {mapLimited, READ_CONCURRENCY} from './snapshot.js';

const TIMEOUT = {timeoutMs: 10_000};

/** The interfaces' sysctls, read with one grep: PATH:VALUE per file; a missing file only goes to stderr. */
export async function readNetConf(run: Runner, ns: Netns): Promise<NetConf> {
	const names = ['all', ...ns.links.map((l) => l.name)];
	const files = [...names.flatMap((name) => CONF_KEYS.map((key) => confFile(name, key))), BRIDGE_NF_FILE];
	const result = await run(inNamespace(ns, ['grep', '-H', '', ...files]), TIMEOUT);
	return parseNetConf(result.stdout);
}

/** Whether the program itself was missing (nsenter says so, and exits 127). */
const missing = (r: CommandResult): boolean => r.exitCode === 127 || /No such file or directory|ENOENT/.test(r.failure ?? '') || /failed to execute/.test(r.stderr);

const firstLine = (r: CommandResult): string => (r.stderr.trim() || r.failure || `exit ${r.exitCode}`).split('\n')[0];

/** nftables, then legacy iptables where it has tables (iptables-nft's rules are nftables' already). */
export async function readFirewall(run: Runner, ns: Netns): Promise<Firewall> {
	const tables: FirewallTable[] = [];
	const unread: string[] = [];
	const json = await run(inNamespace(ns, ['nft', '-j', 'list', 'ruleset']), TIMEOUT);
	if (json.exitCode === 0) {
		const listing = await run(inNamespace(ns, ['nft', '-a', 'list', 'ruleset']), TIMEOUT);
		try {
			tables.push(...parseNft(json.stdout || '{"nftables":[]}', listing.exitCode === 0 ? listing.stdout : ''));
		} catch (error) {
			unread.push(`nft printed what nsdeck cannot read: ${error instanceof Error ? error.message : String(error)}`);
		}
	} else {
		unread.push(missing(json) ? 'nft is not installed (apt-get install nftables)' : `nft: ${firstLine(json)}`);
	}
	for (const [save, source] of [
		['iptables-legacy-save', 'iptables-legacy'],
		['ip6tables-legacy-save', 'ip6tables-legacy'],
	] as const) {
		const result = await run(inNamespace(ns, [save, '-c']), TIMEOUT);
		// Absent where iptables is nft-only: nothing legacy to read there.
		if (result.exitCode !== 0 || savedByNft(result.stdout)) continue;
		tables.push(...parseIptablesSave(result.stdout, source));
	}
	return {tables, unread};
}

/**
 * Sysctls and firewalls of the namespaces a ping from `nsId` to `target` crosses, both ways. Given what
 * was read before the ping, its firewall becomes the "before" of the counters.
 */
export async function readEvidence(run: Runner, world: World, nsId: string, target: string, earlier?: Evidence): Promise<Evidence> {
	const conf = new Map<string, NetConf>();
	const firewalls = new Map<string, Firewall>();
	const readSome = async (ids: Iterable<string>): Promise<void> => {
		const wanted = new Set(ids);
		const namespaces = world.namespaces.filter((n) => wanted.has(n.id) && !conf.has(n.id) && !n.error && !n.pending);
		const read = await mapLimited(namespaces, READ_CONCURRENCY, async (ns) => [ns.id, await readNetConf(run, ns), await readFirewall(run, ns)] as const);
		for (const [id, c, f] of read) {
			conf.set(id, c);
			firewalls.set(id, f);
		}
	};
	await readSome([...(earlier?.conf.keys() ?? []), ...namespacesOnWay(world, nsId, target)]);
	// What was read can take the way further (a proxy ARP answering for a gateway nobody holds).
	await readSome(namespacesOnWay(world, nsId, target, {conf}));
	return {conf, firewallBefore: earlier?.firewallAfter, firewallAfter: firewalls};
}

/** For the detail view: one namespace's sysctls and firewall. */
export async function readNamespaceFacts(run: Runner, ns: Netns): Promise<NamespaceFacts> {
	return {ns: ns.id, conf: await readNetConf(run, ns), firewall: await readFirewall(run, ns)};
}

/**
 * The sysctls and firewalls of `namespaces` through `readFacts` (another server's, in a ping across
 * servers); given what was read before the ping, its firewalls become the "before" of the counters.
 */
export async function evidenceOf(readFacts: (ns: Netns) => Promise<NamespaceFacts>, namespaces: readonly Netns[], earlier?: Evidence): Promise<Evidence> {
	const conf = new Map<string, NetConf>();
	const firewalls = new Map<string, Firewall>();
	for (const facts of await Promise.all(namespaces.map(readFacts))) {
		if (facts.conf) conf.set(facts.ns, facts.conf);
		if (facts.firewall) firewalls.set(facts.ns, facts.firewall);
	}
	return {conf, firewallBefore: earlier?.firewallAfter, firewallAfter: firewalls};
}
