// `show --json` speaks iproute2 (issue 28): on a world with every link kind this kernel makes, each link,
// address, route and rule is what `ip -j -d` prints for it (every key nsdeck writes, ip writes, alike),
// nsdeck's findings sit under `nsdeck`, the whole validates against docs/show-json.schema.json, and no
// C1 control or bidi override from a name appears raw.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {beforeAll, describe, expect, it, vi} from 'vitest';
import {differences} from '../support/ip-differences.js';
import {buildRichWorld} from '../support/rich-world.js';
import {requireSandbox, resetWorld, sh} from '../support/sandbox.js';
import {BUNDLE} from '../support/tmux.js';

type Json = Record<string, unknown>;
interface Shown {
	namespaces: Array<{id: string; kind: string; path: string; links: Json[]; routes: Json[]; nsdeck: Json}>;
}

// ajv comes with the linter (a development dependency's own); draft-07, which the schema is written in.
const Ajv = createRequire(import.meta.url)('ajv') as new (options?: object) => {validate(schema: object, data: unknown): boolean; errorsText(): string};
const SCHEMA = JSON.parse(readFileSync(new URL('../../docs/show-json.schema.json', import.meta.url), 'utf8')) as object;
/** C1 controls, bidi overrides and isolates: never raw in the output. */
const UNSAFE = /[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/;
const HOSTILE = 'x\u0085\u202eb';

let text = '';
let shown: Shown;

beforeAll(async () => {
	requireSandbox();
	await resetWorld();
	await buildRichWorld();
	await sh('ip', '-n', 'ns2', 'link', 'add', 'name', HOSTILE, 'type', 'bridge');
	// IPv6 duplicate detection ends while we compare: wait until no address of a link with carrier is tentative.
	await vi.waitFor(
		async () => {
			for (const ns of ['/proc/self/ns/net', '/run/netns/ns1', '/run/netns/ns2']) {
				const out = await sh('nsenter', `--net=${ns}`, 'ip', '-6', 'addr', 'show', 'tentative');
				expect(out.split('\n').filter((l) => /^\d+:/.test(l) && l.includes('LOWER_UP'))).toEqual([]);
			}
		},
		{timeout: 15_000, interval: 200},
	);
	text = await sh(process.execPath, BUNDLE, 'show', '--json');
	shown = JSON.parse(text) as Shown;
}, 60_000);

const withoutFindings = ({nsdeck: _nsdeck, ...record}: Json): Json => record;

describe('show --json against ip -j -d', () => {
	it('validates against the schema in docs/', () => {
		const ajv = new Ajv({allErrors: true});
		expect(ajv.validate(SCHEMA, shown), ajv.errorsText()).toBe(true);
	});

	it('prints each link, address, route and rule as ip does, for every kind this kernel makes', async () => {
		const kinds = new Set<string>();
		for (const ns of shown.namespaces.filter((n) => n.kind === 'host' || n.kind === 'named')) {
			const ip = async (...args: string[]): Promise<Json[]> =>
				JSON.parse((await sh('nsenter', `--net=${ns.kind === 'host' ? '/proc/self/ns/net' : ns.path}`, 'ip', '-j', '-d', ...args)) || '[]') as Json[];
			const ipLinks = new Map((await ip('addr', 'show')).map((l) => [l.ifindex, l]));
			expect(ns.links.map((l) => l.ifindex)).toEqual([...ipLinks.keys()]);
			for (const link of ns.links) {
				kinds.add(String((link.linkinfo as Json | undefined)?.info_kind ?? link.link_type));
				expect(link.nsdeck).toBeTypeOf('object');
				expect(differences(withoutFindings(link), ipLinks.get(link.ifindex), `${ns.id}/${String(link.ifname)}`)).toEqual([]);
			}
			const ipRoutes = (await ip('route', 'show', 'table', 'all')).filter((r) => r.table !== 'local' && r.type !== 'multicast');
			expect(ns.routes).toHaveLength(ipRoutes.length);
			ns.routes.forEach((route, i) => expect(differences(withoutFindings(route), ipRoutes[i], `${ns.id} route ${String(ipRoutes[i]?.dst)}`)).toEqual([]));
			const rules = (ns.nsdeck.rules as {inet: Json[]}).inet;
			const ipRules = await ip('-4', 'rule', 'show');
			rules.forEach((rule, i) => expect(differences(rule, ipRules[i], `${ns.id} rule ${String(ipRules[i]?.priority)}`)).toEqual([]));
		}
		expect([...kinds]).toEqual(expect.arrayContaining(['loopback', 'veth', 'bridge', 'macvlan', 'macvtap', 'vxlan', 'tun', 'ifb']));
	});

	it('keys what jq filters written for ip expect, with nsdeck’s findings apart', async () => {
		const ns1 = shown.namespaces.find((n) => n.id === 'ns1');
		const vx0 = ns1?.links.find((l) => l.ifname === 'vx0');
		expect(vx0).toMatchObject({linkinfo: {info_kind: 'vxlan', info_data: {id: 42, remote: '10.9.9.9'}}, nsdeck: {lower: {ns: 'ns1', name: 'veth_ns1'}}});
		const veth = ns1?.links.find((l) => l.ifname === 'veth_ns1');
		expect(veth?.addr_info).toEqual(expect.arrayContaining([expect.objectContaining({family: 'inet', local: '10.1.1.11', prefixlen: 24})]));
		expect((veth?.nsdeck as Json).peer).toMatchObject({ns: 'host'});
		expect(ns1?.routes.find((r) => r.dst === '10.50.0.0/16')).toMatchObject({gateway: '10.1.1.2', table: '100'});
		expect(ns1?.nsdeck).toMatchObject({reach: 'ip netns exec ns1', forwarding: {inet: true}});
		// Nexthop objects as `ip -j nexthop show` prints them.
		const nexthops = JSON.parse(await sh('ip', '-j', '-n', 'ns1', 'nexthop', 'show')) as Json[];
		expect(nexthops.length).toBeGreaterThan(0);
		expect(((ns1?.nsdeck as Json).nexthops as Json[]).map((n) => n.id)).toEqual(nexthops.map((n) => n.id));
	});

	it('escapes C1 controls and bidi overrides in names', () => {
		expect(text).not.toMatch(UNSAFE);
		expect(text).toContain('x\\u0085\\u202eb');
		expect(shown.namespaces.find((n) => n.id === 'ns2')?.links.map((l) => l.ifname)).toContain(HOSTILE);
	});
});
