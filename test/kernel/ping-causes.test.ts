// The ping diagnosis against real worlds built in the sandbox, one per cause that only the kernel's own
// state shows: a router that does not forward toward an address no namespace holds, proxy ARP that needs
// forwarding (Calico), macvlan modes, a route only in a table no rule selects, rp_filter with an asymmetric
// return, and nftables rules and policies, read before and after the ping by their counters. Traffic only
// goes to namespaces these tests built (198.51.100.7 is TEST-NET-2 and never leaves the sandbox).
import {beforeAll, beforeEach, describe, expect, it, vi} from 'vitest';
import {findTutorial} from '../../source/plans/builtin-tutorials.js';
import {diagnose, inNs, ip, namespaces, ping, sysctl, wire} from '../support/ping-world.js';
import {buildLabScenario, requireSandbox, resetWorld, sh} from '../support/sandbox.js';

beforeAll(requireSandbox);
beforeEach(resetWorld);

describe('causes the kernel state shows', () => {
	it('a router that does not forward, toward an address outside every namespace', async () => {
		await namespaces('app', 'rt', 'isp');
		await wire('app', 'eth0', '10.50.1.2/24', 'rt', 'lan', '10.50.1.1/24');
		await wire('rt', 'wan', '203.0.113.2/24', 'isp', 'up', '203.0.113.1/24');
		await ip('-n', 'app', 'route', 'add', 'default', 'via', '10.50.1.1');
		await ip('-n', 'rt', 'route', 'add', 'default', 'via', '203.0.113.1');
		const reasons = await diagnose('app', '198.51.100.7');
		expect(reasons[0]).toMatch(/^rt does not forward IPv4 \(net\.ipv4\.ip_forward is 0\): it will not route from lan on to 198\.51\.100\.7/);
	});

	it('proxy ARP (Calico) answers only where the host forwards', async () => {
		await namespaces('pod', 'node', 'peer');
		await wire('pod', 'eth0', '10.70.0.5/32', 'node', 'cali1', undefined);
		await wire('node', 'n1', '10.70.9.1/24', 'peer', 'p1', '10.70.9.2/24');
		await ip('-n', 'pod', 'route', 'add', '169.254.1.1', 'dev', 'eth0', 'scope', 'link');
		await ip('-n', 'pod', 'route', 'add', 'default', 'via', '169.254.1.1', 'dev', 'eth0');
		await ip('-n', 'node', 'route', 'add', '10.70.0.5', 'dev', 'cali1');
		// Proxy ARP answers for an address routed out of another interface: a node's default route does that.
		await ip('-n', 'node', 'route', 'add', 'default', 'via', '10.70.9.2');
		await ip('-n', 'peer', 'route', 'add', 'default', 'via', '10.70.9.1');
		await sysctl('node', 'net.ipv4.conf.cali1.proxy_arp', '1');
		const reasons = await diagnose('pod', '10.70.9.2');
		expect(reasons[0]).toMatch(/^cali1 in node answers ARP for 169\.254\.1\.1 by proxy \(proxy_arp is 1\), but only while node forwards IPv4/);
		await sysctl('node', 'net.ipv4.ip_forward', '1');
		// Proxy ARP answers after a random delay (proxy_delay) and the failed entry is retried: ask again.
		await vi.waitFor(async () => expect((await ping('pod', '10.70.9.2', 3)).exitCode).toBe(0), {timeout: 30_000, interval: 500});
	});

	it('a macvlan in mode private cannot reach its sibling on the same parent', async () => {
		await namespaces('m1', 'm2');
		await ip('link', 'add', 'name', 'up0', 'type', 'veth', 'peer', 'name', 'up1');
		await ip('link', 'set', 'up0', 'up');
		await ip('link', 'set', 'up1', 'up');
		for (const [ns, cidr] of [
			['m1', '10.60.0.1/24'],
			['m2', '10.60.0.2/24'],
		]) {
			await ip('link', 'add', 'name', `mv-${ns}`, 'link', 'up0', 'type', 'macvlan', 'mode', 'private');
			await ip('link', 'set', `mv-${ns}`, 'netns', ns);
			await ip('-n', ns, 'addr', 'add', cidr, 'dev', `mv-${ns}`);
			await ip('-n', ns, 'link', 'set', `mv-${ns}`, 'up');
		}
		const reasons = await diagnose('m1', '10.60.0.2');
		expect(reasons[0]).toMatch(/^mv-m1 in m1 is a macvlan in mode private on up0 in host: it cannot reach its sibling mv-m2 in m2/);
	});

	it('a macvlan in mode vepa reaches its sibling only through a hairpin beyond its parent', async () => {
		await namespaces('m1', 'm2');
		await ip('link', 'add', 'name', 'up0', 'type', 'veth', 'peer', 'name', 'up1');
		await ip('link', 'set', 'up0', 'up');
		await ip('link', 'set', 'up1', 'up');
		for (const [ns, cidr, mode] of [
			['m1', '10.62.0.1/24', 'vepa'],
			['m2', '10.62.0.2/24', 'bridge'],
		]) {
			await ip('link', 'add', 'name', `mv-${ns}`, 'link', 'up0', 'type', 'macvlan', 'mode', mode);
			await ip('link', 'set', `mv-${ns}`, 'netns', ns);
			await ip('-n', ns, 'addr', 'add', cidr, 'dev', `mv-${ns}`);
			await ip('-n', ns, 'link', 'set', `mv-${ns}`, 'up');
		}
		const reasons = await diagnose('m1', '10.62.0.2');
		expect(reasons[0]).toBe('mv-m1 in m1 is a macvlan in mode vepa on up0 in host: its sibling mv-m2 in m2 (mode bridge) is reached only if the switch beyond up0 sends the frame back (hairpin); both in mode bridge talk directly');
	});

	// Beside a same-ifindex device: every container's eth0 has ifindex 2, so the parent is told by its
	// namespace, not by ifindex alone.
	it.each([
		['a macvlan cannot reach its own parent', false],
		['a macvlan cannot reach its parent, found beside a device with the same ifindex elsewhere', true],
	])('%s', async (_what, sameIfindexElsewhere) => {
		await namespaces('pod', ...(sameIfindexElsewhere ? ['other'] : []));
		await ip('link', 'add', 'name', 'eth9', 'type', 'veth', 'peer', 'name', 'eth9p');
		if (sameIfindexElsewhere) {
			const [{ifindex}] = JSON.parse(await ip('-j', 'link', 'show', 'dev', 'eth9')) as Array<{ifindex: number}>;
			await ip('-n', 'other', 'link', 'add', 'name', 'eth0', 'index', String(ifindex), 'type', 'veth', 'peer', 'name', 'eth0p');
		}
		await ip('addr', 'add', '10.61.0.1/24', 'dev', 'eth9');
		await ip('link', 'set', 'eth9', 'up');
		await ip('link', 'set', 'eth9p', 'up');
		await ip('link', 'add', 'name', 'mvp', 'link', 'eth9', 'type', 'macvlan', 'mode', 'bridge');
		await ip('link', 'set', 'mvp', 'netns', 'pod');
		await ip('-n', 'pod', 'addr', 'add', '10.61.0.2/24', 'dev', 'mvp');
		await ip('-n', 'pod', 'link', 'set', 'mvp', 'up');
		const reasons = await diagnose('pod', '10.61.0.1');
		expect(reasons[0]).toMatch(/^mvp is a macvlan on eth9 in host, which holds the target: a macvlan cannot reach its own parent/);
	});

	it('a route only in table 100, which no rule selects', async () => {
		await namespaces('h1', 'h2');
		await wire('h1', 'e0', '10.9.0.1/24', 'h2', 'e0', '10.9.0.2/24');
		await ip('-n', 'h1', 'route', 'add', '10.9.1.0/24', 'via', '10.9.0.2', 'table', '100');
		const reasons = await diagnose('h1', '10.9.1.1');
		expect(reasons[0]).toBe('no route in h1 covers 10.9.1.1 in the tables its rules select (local, main, default), but table 100 has 10.9.1.0/24 via 10.9.0.2 dev e0: no rule selects table 100 (ip -n h1 rule add to 10.9.1.0/24 lookup 100)');
	});

	it('a rule that selects table 100 for another source only', async () => {
		await namespaces('h1', 'h2');
		await wire('h1', 'e0', '10.9.0.1/24', 'h2', 'e0', '10.9.0.2/24');
		await ip('-n', 'h1', 'route', 'add', '10.9.1.0/24', 'via', '10.9.0.2', 'table', '100');
		await ip('-n', 'h1', 'rule', 'add', 'from', '10.80.0.0/24', 'lookup', '100', 'priority', '100');
		const reasons = await diagnose('h1', '10.9.1.1');
		expect(reasons[0]).toContain('rule 100 (from 10.80.0.0/24) selects it, but not for this packet from 10.9.0.1');
	});

	it('a next hop on the link that never answers ARP (its neighbour entry FAILED)', async () => {
		await namespaces('h1', 'h2');
		await wire('h1', 'e0', '10.9.0.1/24', 'h2', 'e0', '10.9.0.2/24');
		// The gateway is on the link's subnet, but nobody holds it.
		await ip('-n', 'h1', 'route', 'add', '10.9.5.0/24', 'via', '10.9.0.77');
		const reasons = await diagnose('h1', '10.9.5.1', 2);
		expect(reasons.join('\n')).toMatch(/10\.9\.0\.77 on e0 did not answer ARP \(neighbour entry (?:FAILED|INCOMPLETE)\): nothing on that link has the address, or it is down/);
	});

	it('rp_filter strict on a router drops a request that arrives where the way back does not leave', async () => {
		await namespaces('a', 'r', 'b');
		await wire('a', 'a0', '10.1.0.1/24', 'r', 'r0', '10.1.0.2/24');
		await wire('a', 'a1', '10.2.0.1/24', 'r', 'r1', '10.2.0.2/24');
		await wire('r', 'r2', '10.3.0.1/24', 'b', 'b0', '10.3.0.2/24');
		await ip('-n', 'a', 'route', 'add', '10.3.0.0/24', 'via', '10.2.0.2', 'dev', 'a1', 'src', '10.1.0.1');
		await ip('-n', 'b', 'route', 'add', 'default', 'via', '10.3.0.1');
		await sysctl('r', 'net.ipv4.ip_forward', '1');
		await sysctl('r', 'net.ipv4.conf.all.rp_filter', '1');
		const reasons = await diagnose('a', '10.3.0.2');
		expect(reasons[0]).toMatch(/^r drops it on r1: rp_filter is strict \(1\) and r's route back to 10\.1\.0\.1 leaves by r0/);
	});
});

describe('routes that refuse', () => {
	it('names a blackhole, unreachable or prohibit route', async () => {
		await namespaces('c', 's');
		await wire('c', 'c0', '10.41.0.1/24', 's', 's0', '10.41.0.2/24');
		for (const [type, address] of [
			['blackhole', '10.41.0.9'],
			['unreachable', '10.41.0.10'],
			['prohibit', '10.41.0.11'],
		]) {
			await ip('-n', 'c', 'route', 'add', type, address);
			await ip('-n', 's', 'addr', 'add', `${address}/32`, 'dev', 's0');
		}
		expect((await diagnose('c', '10.41.0.9', 1))[0]).toBe('the route blackhole 10.41.0.9 in c drops the packets silently');
		expect((await diagnose('c', '10.41.0.10', 1))[0]).toBe('the route unreachable 10.41.0.10 in c answers "unreachable"');
		expect((await diagnose('c', '10.41.0.11', 1))[0]).toBe('the route prohibit 10.41.0.11 in c answers "prohibited"');
	});
});

describe("the repair tutorial's broken world, fixed one step at a time", () => {
	it('names each cause in the order the tutorial repairs them', async () => {
		const tutorial = findTutorial('6-repair');
		if (!tutorial) throw new Error('no tutorial 6');
		for (const argv of tutorial.setup) await sh(...argv);
		expect((await diagnose('ns1', '10.0.2.2'))[0]).toBe('no route in ns1 covers 10.0.2.2');
		await ip('-n', 'ns1', 'route', 'add', 'default', 'via', '10.0.1.1');
		expect((await diagnose('ns1', '10.0.2.2'))[0]).toMatch(/^router does not forward IPv4/);
		await sysctl('router', 'net.ipv4.ip_forward', '1');
		const hostAddress = await diagnose('ns1', '10.0.2.2');
		expect(hostAddress[0]).toBe('router has no route to 10.0.2.2');
		expect(hostAddress[1]).toBe('eth2 in router leads to ns2, but it is down');
		await ip('-n', 'router', 'addr', 'del', '10.0.2.1/32', 'dev', 'eth2');
		await ip('-n', 'router', 'addr', 'add', '10.0.2.1/24', 'dev', 'eth2');
		expect((await diagnose('ns1', '10.0.2.2'))[0]).toBe('interface eth2 in router is down: its subnet has no route while it is down (select it and press Space)');
		await ip('-n', 'router', 'link', 'set', 'eth2', 'up');
		await vi.waitFor(async () => expect((await ping('ns1', '10.0.2.2')).exitCode).toBe(0), {timeout: 20_000, interval: 500});
	});
});

describe('firewalls, by their counters', () => {
	async function pair(): Promise<void> {
		await namespaces('c', 's');
		await wire('c', 'c0', '10.40.0.1/24', 's', 's0', '10.40.0.2/24');
	}

	it('names the nftables rule whose counter rose by the lost echoes', async () => {
		await pair();
		await inNs('s', 'nft', 'add', 'table', 'inet', 'guard');
		await inNs('s', 'nft', 'add', 'chain', 'inet', 'guard', 'input', '{ type filter hook input priority 0 ; }');
		await inNs('s', 'nft', 'add', 'rule', 'inet', 'guard', 'input', 'icmp', 'type', 'echo-request', 'counter', 'drop');
		const reasons = await diagnose('c', '10.40.0.2', 3);
		expect(reasons[0]).toBe('the firewall of s dropped the 3 echoes: table inet guard, chain input (hook input), rule "icmp type echo-request counter drop" (its counter rose by 3)');
	});

	it('names a legacy iptables rule (iptables-legacy, not nftables) whose counter rose by the lost echoes', async () => {
		await pair();
		await inNs('s', 'iptables-legacy', '-A', 'INPUT', '-p', 'icmp', '--icmp-type', 'echo-request', '-j', 'DROP');
		const reasons = await diagnose('c', '10.40.0.2', 2);
		expect(reasons[0]).toBe('the firewall of s dropped the 2 echoes: iptables-legacy table filter, chain INPUT (hook input), rule "-A INPUT -p icmp -m icmp --icmp-type 8 -j DROP" (its counter rose by 2)');
	});

	it("names the Docker-host trap: bridged frames through iptables, FORWARD's policy drop", async () => {
		await buildLabScenario('bridge');
		await sh('iptables', '-P', 'FORWARD', 'DROP');
		try {
			const reasons = await diagnose('ns1', '10.1.1.2');
			expect(reasons).toContain(
				"bridge br0 in host passes its frames through iptables (net.bridge.bridge-nf-call-iptables is 1), and table ip filter, chain FORWARD has policy drop: the Docker-host trap (iptables -I FORWARD -i br0 -o br0 -j ACCEPT lets the bridge's own traffic through)",
			);
		} finally {
			await sh('nft', 'flush', 'ruleset');
		}
	});

	it('names a chain whose policy drops', async () => {
		await pair();
		await inNs('s', 'nft', 'add', 'table', 'ip', 'wall');
		await inNs('s', 'nft', 'add', 'chain', 'ip', 'wall', 'input', '{ type filter hook input priority 0 ; policy drop ; }');
		await inNs('s', 'nft', 'add', 'rule', 'ip', 'wall', 'input', 'tcp', 'dport', '22', 'counter', 'accept');
		const reasons = await diagnose('c', '10.40.0.2');
		expect(reasons[0]).toMatch(/^the firewall of s drops it by policy: table ip wall, chain input \(hook input\) has policy drop and no rule of it accepts the echoes/);
	});
});
