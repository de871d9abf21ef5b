// The whole kernel picture, built in the sandbox and checked where a user sees it: the panes, the map and
// `show --json`. Each case of what nsdeck used to leave out: a macvlan on a veth, a lower device in another
// namespace, a vxlan with its id, a tap, ECMP in IPv4 and IPv6, `via inet6`, table 100 with a rule, an
// IPv6 duplicate turned dadfailed, and a router namespace with forwarding off, which the ping diagnosis
// names. Traffic only goes to addresses in namespaces these tests built.
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {render} from 'ink-testing-library';
import {afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {App} from '../../source/app.js';
import {diagnosePing} from '../../source/model/diagnosis/diagnose.js';
import {parsePingSummary} from '../../source/model/ping-output.js';
import {buildTopology} from '../../source/model/topology.js';
import {pingArgv} from '../../source/plans/exec-commands.js';
import {runCommand} from '../../source/system/runner.js';
import {findNetdump} from '../../source/system/netdump-binary.js';
import {readWorld} from '../../source/system/snapshot.js';
import {createRealSystem} from '../../source/system/system.js';
import {layoutTopology} from '../../source/ui/topology/layout.js';
import {selectRow} from '../support/drive.js';
import {KEYS, press, waitForFrame} from '../support/ink.js';
import {ipJson, requireSandbox, resetWorld, sh} from '../support/sandbox.js';

const BUNDLE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'nsdeck.js');

/** show --json: ip's own records, nsdeck's findings under `nsdeck`. */
interface ShownLink {
	ifname: string;
	linkinfo?: {info_kind?: string; info_data?: Record<string, unknown>};
	addr_info: Array<{local: string; prefixlen: number; dadfailed?: boolean}>;
	nsdeck: {lower?: {ns: string; name: string} | null};
}
interface Shown {
	namespaces: Array<{
		id: string;
		links: ShownLink[];
		routes: Array<{dst: string; gateway?: string; via?: {host: string}; table?: string; nexthops?: Array<{gateway?: string; weight?: number}>}>;
		nsdeck: {
			rules: {inet: Array<{priority: number; src: string; srclen?: number; table?: string}> | null} | null;
			forwarding: {inet: boolean | null; inet6: boolean | null} | null;
		};
	}>;
}

let unmount: (() => void) | undefined;
beforeAll(async () => {
	requireSandbox();
	await resetWorld();
	await buildPicture();
});
afterEach(() => unmount?.());

const ip = (...args: string[]): Promise<string> => sh('ip', ...args);

async function buildPicture(): Promise<void> {
	await ip('netns', 'add', 'pod');
	await ip('link', 'add', 'name', 'hv0', 'type', 'veth', 'peer', 'name', 'pv0', 'netns', 'pod');
	await ip('link', 'set', 'dev', 'hv0', 'up');
	await ip('-n', 'pod', 'link', 'set', 'dev', 'pv0', 'up');
	await ip('addr', 'add', '10.80.0.1/24', 'dev', 'hv0');
	await ip('addr', 'add', 'fd80::1/64', 'dev', 'hv0', 'nodad');
	await ip('-n', 'pod', 'addr', 'add', '10.80.0.2/24', 'dev', 'pv0');
	// A macvlan on the veth, in the host; another made there and moved into the pod: its lower device is elsewhere.
	await ip('link', 'add', 'link', 'hv0', 'name', 'mv0', 'type', 'macvlan', 'mode', 'bridge');
	await ip('link', 'add', 'link', 'hv0', 'name', 'mvpod', 'type', 'macvlan', 'mode', 'private');
	await ip('link', 'set', 'dev', 'mvpod', 'netns', 'pod');
	await ip('link', 'add', 'name', 'vx0', 'type', 'vxlan', 'id', '42', 'remote', '10.9.9.9', 'dstport', '4789', 'dev', 'hv0');
	await ip('tuntap', 'add', 'name', 'tap0', 'mode', 'tap');
	await ip('route', 'add', '10.81.0.0/16', 'nexthop', 'via', '10.80.0.2', 'dev', 'hv0', 'weight', '2', 'nexthop', 'via', '10.80.0.3', 'dev', 'hv0');
	await ip('-6', 'route', 'add', 'fd81::/64', 'nexthop', 'via', 'fd80::2', 'dev', 'hv0', 'nexthop', 'via', 'fd80::3', 'dev', 'hv0');
	await ip('route', 'add', '10.82.0.0/16', 'via', 'inet6', 'fd80::2', 'dev', 'hv0');
	await ip('route', 'add', '10.83.0.0/16', 'via', '10.80.0.2', 'table', '100');
	await ip('rule', 'add', 'from', '10.80.0.0/24', 'table', '100', 'pref', '100');
	// Two namespaces on a bridge claim the same IPv6 address: the second one's turns dadfailed.
	await ip('link', 'add', 'name', 'br9', 'type', 'bridge');
	await ip('link', 'set', 'dev', 'br9', 'up');
	for (const ns of ['d1', 'd2']) {
		await ip('netns', 'add', ns);
		await ip('link', 'add', 'name', `${ns}-br`, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns);
		await ip('link', 'set', 'dev', `${ns}-br`, 'master', 'br9', 'up');
		await ip('-n', ns, 'link', 'set', 'dev', 'eth0', 'up');
	}
	await ip('-n', 'd1', 'addr', 'add', 'fd99::1/64', 'dev', 'eth0');
	await vi.waitFor(async () => expect(JSON.stringify(await ipJson('-n', 'd1', 'addr', 'show', 'dev', 'eth0'))).not.toContain('tentative'), {timeout: 10_000, interval: 200});
	await ip('-n', 'd2', 'addr', 'add', 'fd99::1/64', 'dev', 'eth0');
	await vi.waitFor(async () => expect(JSON.stringify(await ipJson('-n', 'd2', 'addr', 'show', 'dev', 'eth0'))).toContain('dadfailed'), {timeout: 10_000, interval: 200});
	// a — r — b, every route in place, r not forwarding (a new namespace's default).
	for (const ns of ['a', 'r', 'b']) {
		await ip('netns', 'add', ns);
		await ip('-n', ns, 'link', 'set', 'dev', 'lo', 'up');
	}
	await ip('-n', 'a', 'link', 'add', 'name', 'a0', 'type', 'veth', 'peer', 'name', 'r0', 'netns', 'r');
	await ip('-n', 'b', 'link', 'add', 'name', 'b0', 'type', 'veth', 'peer', 'name', 'r1', 'netns', 'r');
	for (const [ns, dev, cidr] of [
		['a', 'a0', '10.90.1.1/24'],
		['r', 'r0', '10.90.1.2/24'],
		['r', 'r1', '10.90.2.2/24'],
		['b', 'b0', '10.90.2.1/24'],
	]) {
		await ip('-n', ns, 'addr', 'add', cidr, 'dev', dev);
		await ip('-n', ns, 'link', 'set', 'dev', dev, 'up');
	}
	await ip('-n', 'a', 'route', 'add', '10.90.2.0/24', 'via', '10.90.1.2');
	await ip('-n', 'b', 'route', 'add', '10.90.1.0/24', 'via', '10.90.2.2');
}

describe('the whole kernel picture', () => {
	it('show --json carries each case as the kernel has it', async () => {
		const shown = JSON.parse(await sh(process.execPath, BUNDLE, 'show', '--json')) as Shown;
		const ns = (id: string) => shown.namespaces.find((n) => n.id === id);
		const link = (nsId: string, name: string) => ns(nsId)?.links.find((l) => l.ifname === name);
		expect(link('host', 'mv0')).toMatchObject({linkinfo: {info_kind: 'macvlan', info_data: {mode: 'bridge'}}, nsdeck: {lower: {ns: 'host', name: 'hv0'}}});
		expect(link('pod', 'mvpod')).toMatchObject({linkinfo: {info_kind: 'macvlan', info_data: {mode: 'private'}}, nsdeck: {lower: {ns: 'host', name: 'hv0'}}});
		expect(link('host', 'vx0')).toMatchObject({linkinfo: {info_kind: 'vxlan', info_data: {id: 42, remote: '10.9.9.9', port: 4789, link: 'hv0'}}, nsdeck: {lower: {ns: 'host', name: 'hv0'}}});
		expect(link('host', 'tap0')?.linkinfo).toMatchObject({info_kind: 'tun', info_data: {type: 'tap'}});
		const routes = ns('host')?.routes ?? [];
		expect(routes.find((r) => r.dst === '10.81.0.0/16')?.nexthops?.map((h) => `${h.gateway} ${h.weight ?? 1}`)).toEqual(['10.80.0.2 2', '10.80.0.3 1']);
		expect(routes.find((r) => r.dst === 'fd81::/64')?.nexthops?.map((h) => h.gateway)).toEqual(['fd80::2', 'fd80::3']);
		expect(routes.find((r) => r.dst === '10.82.0.0/16')?.via?.host).toBe('fd80::2');
		expect(routes.find((r) => r.dst === '10.83.0.0/16')?.table).toBe('100');
		expect(ns('host')?.nsdeck.rules?.inet?.find((r) => r.priority === 100)).toMatchObject({src: '10.80.0.0', srclen: 24, table: '100'});
		expect(link('d2', 'eth0')?.addr_info.find((a) => a.local === 'fd99::1')?.dadfailed).toBe(true);
		expect(link('d1', 'eth0')?.addr_info.find((a) => a.local === 'fd99::1')?.dadfailed).toBeUndefined();
		expect(ns('r')?.nsdeck.forwarding).toEqual({inet: false, inet6: false});
	});

	it('the panes show them', async () => {
		const app = render(<App system={createRealSystem({lab: true})} size={{columns: 200, rows: 50}} />);
		unmount = app.unmount;
		const host = await waitForFrame(app, /mv0 +macvlan/, 8000);
		expect(host).toMatch(/mv0 +macvlan .*on hv0/);
		expect(host).toMatch(/tap0 +tap /);
		expect(host).toContain('10.81.0.0/16 nexthop via 10.80.0.2 dev hv0 weight 2 nexthop via 10.80.0.3 dev hv0');
		expect(host).toContain('10.82.0.0/16 via inet6 fd80::2 dev hv0');
		expect(host).toContain('10.83.0.0/16 via 10.80.0.2 dev hv0 table 100');
		await selectRow(app, 'pod');
		expect(await waitForFrame(app, /mvpod +macvlan/)).toMatch(/mvpod +macvlan .*on host\/hv0/);
		await selectRow(app, 'd2');
		// The kernel keeps it tentative as well.
		expect(await waitForFrame(app, 'Interfaces in d2')).toContain('fd99::1/64[dadfailed');
		await selectRow(app, 'r');
		await press(app, KEYS.enter);
		const detail = await waitForFrame(app, 'forwarding');
		expect(detail).toMatch(/forwarding +IPv4 off, IPv6 off/);
	});

	it('the map draws the stacked devices to their lower device, and the vxlan with its id and remote', async () => {
		const world = await readWorld(runCommand, findNetdump());
		const map = layoutTopology(world, buildTopology(world), {width: 200}).lines.join('\n');
		expect(map).toMatch(/mvpod +macvlan +DOWN +on host\/hv0/);
		expect(map).toMatch(/[╮╯]/);
		expect(map).toContain('id 42 remote 10.9.9.9 port 4789 dev hv0');
	});

	it('the ping diagnosis names the router namespace that does not forward', async () => {
		const result = await runCommand(pingArgv({ns: 'a', target: '10.90.2.1', family: 4, count: 1, interval: 1}), {timeoutMs: 10_000});
		expect(result.exitCode).not.toBe(0);
		// Forwarding is read by the helper (ip's batch cannot read a sysctl).
		const world = await readWorld(runCommand, findNetdump());
		const reasons = diagnosePing(world, 'a', '10.90.2.1', {summary: parsePingSummary(result.stdout), errorText: result.stderr || undefined, icmpErrors: [], stopped: false});
		expect(reasons[0]).toMatch(/^r does not forward IPv4/);
		// With forwarding on, the same ping is answered.
		await sh('nsenter', '--net=/run/netns/r', 'sh', '-c', 'echo 1 > /proc/sys/net/ipv4/ip_forward');
		expect((await runCommand(pingArgv({ns: 'a', target: '10.90.2.1', family: 4, count: 1, interval: 1}), {timeoutMs: 10_000})).exitCode).toBe(0);
	});
});
