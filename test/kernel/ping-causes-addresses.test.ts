// The ping diagnosis on real worlds where the cause is an address or an IPv6 switch: a source address
// that failed duplicate address detection (or is still in it), disable_ipv6 on the way, IPv6 forwarding per interface
// (force_forwarding), and a namespace with no address on the target's subnet, whose fix (`F`) adds one.
// Traffic only goes to namespaces these tests built.
import {beforeAll, beforeEach, describe, expect, it, vi} from 'vitest';
import type {Fix} from '../../source/model/diagnosis/fix.js';
import {runPlan} from '../../source/plans/run-plan.js';
import {fixForm} from '../../source/state/ping-fix.js';
import {findNetdump} from '../../source/system/netdump-binary.js';
import {runCommand} from '../../source/system/runner.js';
import {readWorld} from '../../source/system/snapshot.js';
import {explain, ip, namespaces, ping, sysctl, wire} from '../support/ping-world.js';
import {requireSandbox, resetWorld} from '../support/sandbox.js';

beforeAll(requireSandbox);
beforeEach(resetWorld);

/** Runs the plan the fix's form makes, as `F` does: its commands as said, and it succeeds. */
async function runFix(fix: Fix | undefined, commands: string[]): Promise<void> {
	if (!fix) throw new Error('no fix offered');
	const world = await readWorld(runCommand, findNetdump());
	const form = fixForm(world, fix);
	if (typeof form === 'string') throw new Error(form);
	expect(Object.values(form.validate(form.initial, world)).filter(Boolean)).toEqual([]);
	const plan = form.plan(form.initial, world);
	expect(plan.steps.map((s) => s.argv.join(' '))).toEqual(commands);
	const result = await runPlan(plan, {run: (argv) => runCommand(argv), log: () => {}});
	expect(result.ok, result.error).toBe(true);
}

const answers = async (ns: string, target: string): Promise<void> =>
	vi.waitFor(async () => expect((await ping(ns, target, 2)).exitCode).toBe(0), {timeout: 20_000, interval: 300});

/** app ⇄ rt ⇄ srv over IPv6, rt forwarding by `all` unless told otherwise. */
async function routedV6(forwarding = true): Promise<void> {
	await namespaces('app', 'rt', 'srv');
	await wire('app', 'eth0', 'fd00:61::2/64', 'rt', 'lan', 'fd00:61::1/64');
	await wire('rt', 'wan', 'fd00:62::1/64', 'srv', 'eth0', 'fd00:62::2/64');
	await ip('-n', 'app', 'route', 'add', 'default', 'via', 'fd00:61::1');
	await ip('-n', 'srv', 'route', 'add', 'default', 'via', 'fd00:62::1');
	if (forwarding) await sysctl('rt', 'net.ipv6.conf.all.forwarding', '1');
}

describe('a source address that failed duplicate address detection', () => {
	it('is named, when the only global address of the namespace is the duplicate and the target is off-link', async () => {
		// a and b on one bridge with the same address: b's becomes "dadfailed tentative". b then sends from
		// its link-local address, which rt will not forward: the ping really fails.
		await namespaces('a', 'b', 'rt', 'srv');
		await ip('link', 'add', 'name', 'br6', 'type', 'bridge');
		await ip('link', 'set', 'br6', 'up');
		for (const ns of ['a', 'b', 'rt']) {
			await ip('link', 'add', 'name', `p-${ns}`, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns);
			await ip('link', 'set', `p-${ns}`, 'master', 'br6', 'up');
		}
		await ip('-n', 'a', 'addr', 'add', 'fd00:63::5/64', 'dev', 'eth0', 'nodad');
		await ip('-n', 'rt', 'addr', 'add', 'fd00:63::1/64', 'dev', 'eth0', 'nodad');
		for (const ns of ['a', 'rt']) await ip('-n', ns, 'link', 'set', 'eth0', 'up');
		await wire('rt', 'wan', 'fd00:64::1/64', 'srv', 'eth0', 'fd00:64::2/64');
		await ip('-n', 'srv', 'route', 'add', 'default', 'via', 'fd00:64::1');
		await sysctl('rt', 'net.ipv6.conf.all.forwarding', '1');
		await ip('-n', 'b', 'addr', 'add', 'fd00:63::5/64', 'dev', 'eth0');
		await ip('-n', 'b', 'link', 'set', 'eth0', 'up');
		await vi.waitFor(async () => expect(await ip('-n', 'b', '-6', 'addr', 'show', 'dev', 'eth0')).toMatch(/fd00:63::5\/64 scope global dadfailed/), {timeout: 15_000, interval: 200});
		await ip('-n', 'b', 'route', 'add', 'default', 'via', 'fd00:63::1');
		const {reasons, fix} = await explain('b', 'fd00:64::2');
		expect(reasons[0]).toBe('fd00:63::5/64 on eth0 in b is a duplicate (dadfailed): another host on the link has it, so the kernel will not use it');
		// The duplicate was the only cause: the fix's plan adds a free address of its own (with duplicate
		// detection, as a user's would be), the kernel sends from it, and b reaches srv.
		expect(fix).toEqual({kind: 'address', ns: 'b', link: 'eth0', cidr: 'fd00:63::2/64'});
		await runFix(fix, ['ip -n b addr add fd00:63::2/64 dev eth0']);
		await answers('b', 'fd00:64::2');
	});

	it('is named while still tentative, as a weak cause (duplicate detection that has not ended)', async () => {
		// b's duplicate detection waits 100 s between probes: its only global address stays tentative, b
		// sends from its link-local address, and rt does not forward that off the link.
		await namespaces('b', 'rt', 'srv');
		await wire('b', 'eth0', undefined, 'rt', 'eth0', 'fd00:63::1/64');
		await wire('rt', 'wan', 'fd00:64::1/64', 'srv', 'eth0', 'fd00:64::2/64');
		await ip('-n', 'srv', 'route', 'add', 'default', 'via', 'fd00:64::1');
		await sysctl('rt', 'net.ipv6.conf.all.forwarding', '1');
		// Its link-local address through detection first, with the usual wait: b has a source to send from.
		await vi.waitFor(async () => expect(await ip('-n', 'b', '-6', 'addr', 'show', 'dev', 'eth0', 'scope', 'link')).toMatch(/fe80::\S+ scope link \n/), {timeout: 15_000, interval: 200});
		await sysctl('b', 'net.ipv6.neigh.eth0.retrans_time_ms', '100000');
		await ip('-n', 'b', 'addr', 'add', 'fd00:63::5/64', 'dev', 'eth0');
		await ip('-n', 'b', 'route', 'add', 'default', 'via', 'fd00:63::1');
		expect(await ip('-n', 'b', '-6', 'addr', 'show', 'dev', 'eth0')).toMatch(/fd00:63::5\/64 scope global tentative/);
		const {reasons} = await explain('b', 'fd00:64::2');
		expect(reasons[0]).toBe('fd00:63::5/64 on eth0 in b is still tentative: duplicate address detection has not finished, so the kernel does not send from it yet');
	});
});

describe('disable_ipv6 on the way', () => {
	it.each([
		['the source', 'app', 'eth0', /^IPv6 is disabled on eth0 in app \(net\.ipv6\.conf\.eth0\.disable_ipv6 is 1\): the kernel removed its IPv6 addresses and routes and drops IPv6 there, so app has no route to fd00:62::2$/],
		["the router's way out", 'rt', 'wan', /^IPv6 is disabled on wan in rt \(net\.ipv6\.conf\.wan\.disable_ipv6 is 1\): .*, so rt has no route to fd00:62::2$/],
		["the target's interface", 'srv', 'eth0', /^IPv6 is disabled on eth0 in srv \(net\.ipv6\.conf\.eth0\.disable_ipv6 is 1\): .*, so fd00:62::2 cannot be reached by wan$/],
	])('on %s is named, with the command that turns it back on', async (_where, ns, dev, expected) => {
		await routedV6();
		await answers('app', 'fd00:62::2');
		await sysctl(ns, `net.ipv6.conf.${dev}.disable_ipv6`, '1');
		const {reasons, fix} = await explain('app', 'fd00:62::2');
		expect(reasons[0]).toMatch(expected);
		expect(fix).toEqual({kind: 'command', text: `ip netns exec ${ns} sysctl -w net.ipv6.conf.${dev}.disable_ipv6=0`, why: 'nsdeck does not change this sysctl'});
	});
});

describe('IPv6 forwarding per interface', () => {
	it('names force_forwarding of the interface each way arrives on, until both forward', async () => {
		await routedV6(false);
		const there = await explain('app', 'fd00:62::2');
		expect(there.reasons[0]).toMatch(/^rt does not forward IPv6 \(net\.ipv6\.conf\.all\.forwarding is 0 and net\.ipv6\.conf\.lan\.force_forwarding is 0\): it will not route from lan on to fd00:62::2/);
		expect(there.fix).toEqual({kind: 'forwarding', ns: 'rt', family: 6});
		// Forced on where the echo arrives, the reply still arrives on wan, which does not forward.
		await sysctl('rt', 'net.ipv6.conf.lan.force_forwarding', '1');
		const back = await explain('app', 'fd00:62::2');
		expect(back.reasons[0]).toMatch(/^rt does not forward IPv6 \(net\.ipv6\.conf\.all\.forwarding is 0 and net\.ipv6\.conf\.wan\.force_forwarding is 0\): it will not route from wan on to fd00:61::2/);
		await sysctl('rt', 'net.ipv6.conf.wan.force_forwarding', '1');
		await answers('app', 'fd00:62::2');
	});
});

describe('no address on the target’s subnet', () => {
	it.each([
		['an address in another subnet', '10.9.0.1/24'],
		['no address at all', undefined],
	])('with %s, the fix adds a free one on the link that leads there, and the plan makes the ping answer', async (_what, own) => {
		await namespaces('h1', 'h2', 'h3');
		await wire('h1', 'e0', own, 'h2', 'e0', '10.9.5.2/24');
		// 10.9.5.1 is taken elsewhere: the fix must not propose it.
		await wire('h2', 'e1', '10.9.6.1/24', 'h3', 'e0', '10.9.5.1/24');
		const {reasons, fix} = await explain('h1', '10.9.5.2');
		expect(reasons[0]).toBe('no route in h1 covers 10.9.5.2');
		expect(reasons).toContain('h1 has no address on 10.9.5.0/24, where 10.9.5.2 lives (h2/e0): add one, or a route via a gateway');
		expect(fix).toEqual({kind: 'address', ns: 'h1', link: 'e0', cidr: '10.9.5.3/24'});
		await runFix(fix, ['ip -n h1 addr add 10.9.5.3/24 dev e0']);
		await answers('h1', '10.9.5.2');
	});
});
