// The fast bulk reader (nsdeck-netdump and the JSON it writes) must tell exactly what `ip` tells: for a world
// with every kind of link, address and route nsdeck shows, both readers must give equal records.
import {spawnSync} from 'node:child_process';
import {readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Netns} from '../../source/model/types.js';
import {findNetdump} from '../../source/system/netdump-binary.js';
import {readWithNetdump} from '../../source/system/netdump.js';
import {runCommand} from '../../source/system/runner.js';
import {hostLocation, namedLocation} from '../../source/system/netns-location.js';
import {listNamed, readMany, readManyWithIp, readNamespace, readNamespaceWithIp} from '../../source/system/snapshot.js';
import {differences} from '../support/ip-differences.js';
import {requireSandbox, sh} from '../support/sandbox.js';
import {buildRichWorld} from '../support/rich-world.js';

const netdump = findNetdump();

type Json = Record<string, unknown>;

/** One namespace as the helper writes it: its own JSON, unparsed. */
interface HelperJson {
	links: Json[];
	routes: Json[];
	rules: {inet: Json[]; inet6: Json[]};
	neighbours: Json[];
	fdb: Json[];
	nexthops: Json[];
	forwarding: {inet: boolean | null; inet6: boolean | null};
}

function helperJson(path: string): HelperJson {
	const out = spawnSync(netdump ?? '', ['--', path]);
	const length = out.stdout.readUInt32LE(8);
	return JSON.parse(out.stdout.subarray(12, 12 + length).toString('utf8')) as HelperJson;
}

const RT_TABLES = '/etc/iproute2/rt_tables';
const OUR_RT_TABLES = join(tmpdir(), `nsdeck-rt_tables-${process.pid}`);

beforeAll(async () => {
	requireSandbox();
	if (!netdump) throw new Error('dist/nsdeck-netdump is missing: run node scripts/build.mjs (needs a C compiler)');
	// An admin's own table name, as ip reads it from rt_tables: over the file in this sandbox's mounts only.
	writeFileSync(OUR_RT_TABLES, `${readFileSync(RT_TABLES, 'utf8')}\n100\tvpn\n`);
	await sh('mount', '--bind', OUR_RT_TABLES, RT_TABLES);
	await buildRichWorld();
});

afterAll(async () => {
	await sh('umount', RT_TABLES);
	rmSync(OUR_RT_TABLES, {force: true});
});

/**
 * What both readers read: ip's batch cannot read IPv6 rules (a line cannot say -6), the bridges' FDB (that
 * is the `bridge` tool), forwarding (a sysctl) or the nsids in the host's frame (RTM_GETNSID with a target),
 * which the helper adds.
 */
const bothRead = ({fdb: _fdb, forwarding: _forwarding, frame: _frame, rules, ...rest}: Netns): Netns => ({...rest, ...(rules ? {rules: {4: rules[4]}} : {})});

const byId = (list: readonly Netns[]): Record<string, Netns> => Object.fromEntries(list.map((n) => [n.id, bothRead(n)]));

describe('nsdeck-netdump against ip', () => {
	it('writes each link and route as `ip -j -d` does: every key it writes, ip writes, with the same value', async () => {
		const locations = [{id: 'host', path: `/proc/${process.pid}/ns/net`}, ...(await listNamed())];
		const kinds = new Set<string>();
		for (const {id, path} of locations) {
			const helper = helperJson(path);
			const ip = async (...args: string[]): Promise<Json[]> => JSON.parse((await sh('nsenter', `--net=${path}`, 'ip', '-j', '-d', ...args)) || '[]') as Json[];
			const ipLinks = new Map((await ip('addr', 'show')).map((l) => [l.ifindex, l]));
			expect(helper.links.map((l) => l.ifindex)).toEqual([...ipLinks.keys()]);
			for (const link of helper.links) {
				kinds.add(String((link.linkinfo as Json | undefined)?.info_kind ?? link.link_type));
				expect(differences(link, ipLinks.get(link.ifindex), `${id}/${String(link.ifname)}`)).toEqual([]);
			}
			const ipRoutes = (await ip('route', 'show', 'table', 'all')).filter((r) => r.table !== 'local' && r.type !== 'multicast');
			expect(helper.routes).toHaveLength(ipRoutes.length);
			helper.routes.forEach((route, i) => expect(differences(route, ipRoutes[i], `${id} route ${String(ipRoutes[i]?.dst)}`)).toEqual([]));
			for (const [family, flag] of [['inet', '-4'], ['inet6', '-6']] as const) {
				const ipRules = await ip(flag, 'rule', 'show');
				expect(helper.rules[family]).toHaveLength(ipRules.length);
				helper.rules[family].forEach((rule, i) => expect(differences(rule, ipRules[i], `${id} ${family} rule ${String(ipRules[i]?.priority)}`)).toEqual([]));
			}
			const ipNeighbours = await ip('neigh', 'show');
			expect(helper.neighbours).toHaveLength(ipNeighbours.length);
			helper.neighbours.forEach((n, i) => expect(differences(n, ipNeighbours[i], `${id} neighbour ${String(ipNeighbours[i]?.dst)}`)).toEqual([]));
			const ipNexthops = await ip('nexthop', 'show');
			expect(helper.nexthops).toHaveLength(ipNexthops.length);
			helper.nexthops.forEach((n, i) => expect(differences(n, ipNexthops[i], `${id} nexthop ${String(ipNexthops[i]?.id)}`)).toEqual([]));
			// The bridges' own entries (with a master), not each port's multicast list; a vxlan's (with a dst).
			const fdb = (JSON.parse((await sh('nsenter', `--net=${path}`, 'bridge', '-j', 'fdb', 'show')) || '[]') as Json[]).filter((e) => e.master !== undefined || e.dst !== undefined);
			expect(helper.fdb).toHaveLength(fdb.length);
			helper.fdb.forEach((e, i) => expect(differences(e, fdb[i], `${id} fdb ${String(fdb[i]?.mac)}`)).toEqual([]));
			const forwarding = (await sh('nsenter', `--net=${path}`, 'cat', '/proc/sys/net/ipv4/ip_forward', '/proc/sys/net/ipv6/conf/all/forwarding')).trim().split('\n');
			expect(helper.forwarding).toEqual({inet: forwarding[0] === '1', inet6: forwarding[1] === '1'});
		}
		// The comparison covered every kind this kernel makes, and every rule action, neighbour state and FDB state made above.
		const ns1 = helperJson('/run/netns/ns1');
		expect(ns1.rules.inet.map((r) => r.action ?? (r.goto === undefined ? 'table' : 'goto'))).toEqual(expect.arrayContaining(['blackhole', 'goto', 'table']));
		expect(ns1.neighbours.map((n) => (n.state as string[]).join())).toEqual(expect.arrayContaining(['PERMANENT', 'FAILED']));
		expect(helperJson(`/proc/${process.pid}/ns/net`).fdb.map((e) => e.state)).toContain('static');
		expect(ns1.forwarding.inet).toBe(true);
		expect(ns1.routes.map((r) => Object.keys(r)).flat()).toEqual(expect.arrayContaining(['tos', 'from', 'nhid', 'metrics']));
		expect(ns1.nexthops.map((n) => n.id)).toEqual([7, 8, 9]);
		const tos = (await readNamespace(runCommand, namedLocation('ns1'), netdump)).routes.filter((r) => r.tos).map((r) => `${r.dst} tos ${r.tos}`);
		expect(tos).toEqual(['10.80.0.0/24 tos 0x10', '10.81.0.0/24 tos AF11']);
		// vx1's own entry for its group, and the two appended.
		expect(ns1.fdb.filter((e) => e.ifname === 'vx1').map((e) => e.dst)).toEqual(['239.1.1.1', '10.60.0.1', '10.60.0.2']);
		expect([...kinds].sort()).toEqual(['bridge', 'ifb', 'loopback', 'macvlan', 'macvtap', 'tun', 'veth', 'vxlan']);
		// Each kind's data was there to compare, IPv6 endpoints included.
		const data = (name: string): Json | undefined => (ns1.links.find((l) => l.ifname === name)?.linkinfo as Json | undefined)?.info_data as Json | undefined;
		expect(data('vx6')).toMatchObject({id: 8, remote6: 'fd00:9::9', local6: 'fd00:1::1', port: 4789});
		expect(data('vx7')).toMatchObject({id: 9, group6: 'ff05::9', link: 'veth_ns1'});
		expect((helperJson('/run/netns/ns2').links.find((l) => l.ifname === 'dum0')?.linkinfo as Json).info_data).toEqual({stp_state: 0, vlan_filtering: 0});
		expect(data('mt0')).toEqual({mode: 'vepa'});
		expect(data('tap0')).toEqual({type: 'tap'});
	});

	it('ip\'s own decoder reads the recorded dump of kinds not made here as the helper does', async () => {
		// `ip monitor file` decodes saved rtnetlink messages with ip's print code (as text: its JSON mode
		// does not reach monitor); ifindexes it names from this namespace, so names of lower devices differ.
		const text = await sh('ip', '-d', 'monitor', 'file', 'test/fixtures/rtnetlink/kinds-not-made-here.bin');
		for (const line of [
			'bond mode 802.3ad miimon 100',
			'vlan protocol 802.1Q id 10',
			'ipvlan  mode l3 bridge',
			'vrf table 10',
			'vlan protocol 802.1ad id 20',
			'gre remote 198.51.100.1 local 203.0.113.1 ttl 64',
			'geneve id 5 remote 198.51.100.7',
			'gretap remote 198.51.100.2 local any',
			'wireguard',
			'dummy',
		]) {
			expect(text).toContain(line);
		}
	});

	it('reads every named namespace exactly as `nsenter … ip -j -d` does', async () => {
		const locations = await listNamed();
		expect(locations.map((l) => l.id)).toEqual(['bare', 'ns1', 'ns2']);
		const fromIp = byId(await readManyWithIp(runCommand, locations));
		const fast = await readWithNetdump(netdump ?? '', locations);
		expect(fast.unanswered).toEqual([]);
		expect(byId(fast.namespaces)).toEqual(fromIp);
		// The world really holds what the comparison is meant to cover.
		const ns1 = fromIp.ns1;
		expect(ns1.routes.map((r) => `${r.table} ${r.type} ${r.dst}`)).toEqual(expect.arrayContaining(['vpn unicast 10.50.0.0/16', 'main blackhole 10.66.0.0/16', 'main unicast 10.77.0.1']));
		const ns2 = fromIp.ns2;
		expect(ns2.links.find((l) => l.name === 'in_a')?.flags).toContain('NO-CARRIER');
		expect(ns2.links.find((l) => l.name === 'in_a')?.flags).toContain('M-DOWN');
		expect(ns2.links.find((l) => l.name === 'in_a')?.addresses.map((a) => a.local)).toContain('::ffff:0.0.0.1');
		expect(ns2.links.map((l) => l.name)).toContain('q"\\é');
	});

	it('reads one namespace, the host included, with its nsid names exactly as ip does', async () => {
		for (const location of [hostLocation, ...(await listNamed())]) {
			expect(bothRead(await readNamespace(runCommand, location, netdump))).toEqual(bothRead(await readNamespaceWithIp(runCommand, location)));
		}
		expect((await readNamespace(runCommand, hostLocation, netdump)).nsids.map((n) => n.name)).toEqual(expect.arrayContaining(['ns1', 'ns2']));
	});

	it('names the first namespace\'s nsids only, when asked, in a read of many (the host with every other)', async () => {
		const host = {...hostLocation, path: `/proc/${process.pid}/ns/net`};
		const read = await readWithNetdump(netdump ?? '', [host, ...(await listNamed())], {nsidNames: '/run/netns', namesFirstOnly: true});
		const [first, ...rest] = read.namespaces;
		expect(first.nsids.map((n) => n.name)).toEqual(expect.arrayContaining(['ns1', 'ns2']));
		expect(rest.map((n) => n.nsids)).toEqual(rest.map(() => []));
		// The same world as reading the host and the rest apart.
		expect(byId([{...first, path: hostLocation.path}, ...rest])).toEqual(byId([await readNamespace(runCommand, hostLocation, netdump), ...(await readMany(runCommand, await listNamed(), undefined, netdump))]));
	});

	it('leaves out a namespace that is gone, and says why one cannot be read', async () => {
		writeFileSync('/tmp/not-a-netns', 'x');
		const read = await readWithNetdump(netdump ?? '', [namedLocation('ghost'), {id: 'odd', kind: 'named', path: '/tmp/not-a-netns'}, namedLocation('ns1')]);
		expect(read.unanswered).toEqual([]);
		expect(read.namespaces.map((n) => n.id)).toEqual(['odd', 'ns1']);
		expect(read.namespaces[0].error).toBe('not a network namespace');
		expect(read.namespaces[1].links.length).toBeGreaterThan(1);
	});

	it('falls back to ip for what the helper could not answer', async () => {
		const locations = await listNamed();
		const viaBrokenHelper = await readMany(runCommand, locations, undefined, '/bin/false');
		expect(byId(viaBrokenHelper)).toEqual(byId(await readManyWithIp(runCommand, locations)));
	});

	it('takes many paths on stdin as it takes a few as arguments', async () => {
		const many = Array.from({length: 150}, (_, i) => ({...namedLocation(i % 2 ? 'ns1' : 'ns2'), id: `copy${i}`}));
		const read = await readWithNetdump(netdump ?? '', many);
		expect(read.unanswered).toEqual([]);
		const fromIp = byId(await readManyWithIp(runCommand, await listNamed()));
		expect(read.namespaces.map(bothRead).map(({id, ...rest}) => ({...rest, id: Number(id.slice(4)) % 2 ? 'ns1' : 'ns2'}))).toEqual(many.map((_, i) => fromIp[i % 2 ? 'ns1' : 'ns2']));
	});

	it('hands namespaces over in batches as they are read', async () => {
		const batches: string[][] = [];
		await readWithNetdump(netdump ?? '', await listNamed(), {onBatch: (batch) => batches.push(batch.map((n) => n.id))});
		expect(batches.flat()).toEqual(['bare', 'ns1', 'ns2']);
	});
});
