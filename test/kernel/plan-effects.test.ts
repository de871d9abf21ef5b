// Every plan builder against the kernel: the world before, the plan (made by its form, as a user would),
// the world after. What changed must be exactly what the row expects, and every changed thing must be
// named in the preview the user confirmed (its commands or its consequences): nothing else moves. And a
// dry run's planned world, made from the plan's effects alone, is the world the kernel then reports.
import {beforeAll, beforeEach, describe, expect, it, vi} from 'vitest';
import {applyPlanned} from '../../source/model/planned-world.js';
import {resolvePeer} from '../../source/model/topology.js';
import type {World} from '../../source/model/types.js';
import type {FormSpec, FormValues} from '../../source/plans/forms/form-spec.js';
import {addressForm, bridgeForm, connectForm, deleteLinkForm, moveForm, vethForm} from '../../source/plans/forms/link-forms.js';
import {deleteNamespaceForm, newNamespaceForm} from '../../source/plans/forms/namespace-forms.js';
import {deleteRouteForm, routeForm} from '../../source/plans/forms/route-forms.js';
import {togglePlan} from '../../source/plans/link-plans.js';
import type {Plan} from '../../source/plans/plan.js';
import {runPlan} from '../../source/plans/run-plan.js';
import {commandText} from '../../source/plans/script.js';
import {runCommand} from '../../source/system/runner.js';
import {readWorld} from '../../source/system/snapshot.js';
import {buildLabScenario, requireSandbox, sh} from '../support/sandbox.js';

beforeAll(requireSandbox);
beforeEach(async () => {
	await buildLabScenario('bridge');
	await sh('ip', '-n', 'ns1', 'route', 'add', '10.9.0.0/16', 'via', '10.1.1.4');
	await sh('ip', 'link', 'add', 'name', 'spare0', 'type', 'veth', 'peer', 'name', 'spare1');
});

/**
 * The world as facts a user can see: namespaces, links (kind, up, master), their addresses and routes.
 * IPv6 link-local addresses and fe80::/64 routes are left out: the kernel makes them for every link that
 * comes up, and no plan names them.
 */
function facts(world: World): Set<string> {
	const out = new Set<string>();
	for (const ns of world.namespaces) {
		out.add(`${ns.id}`);
		for (const link of ns.links) {
			out.add(`${ns.id}/${link.name} ${link.kind}${link.adminUp ? ' up' : ''}${link.master ? ` master ${link.master}` : ''}`);
			for (const a of link.addresses) if (a.scope !== 'link') out.add(`${ns.id}/${link.name} ${a.cidr}`);
		}
		// Which routes come and go, by destination and path (the rest of ip's words: route-identity tests).
		for (const r of ns.routes) if (!r.dst.startsWith('fe80:')) out.add(`${ns.id} route ${[r.dst, ...(r.gateway ? ['via', r.gateway] : []), ...(r.dev ? ['dev', r.dev] : [])].join(' ')}`);
	}
	return out;
}

const minus = (a: Set<string>, b: Set<string>): string[] => [...a].filter((x) => !b.has(x)).sort();

function formOf(spec: FormSpec | string): FormSpec {
	if (typeof spec === 'string') throw new Error(spec);
	return spec;
}

type Build = (world: World) => {spec?: FormSpec; values?: FormValues; plan?: Plan};

const linkIn = (world: World, ns: string, name: string) => {
	const netns = world.namespaces.find((n) => n.id === ns);
	const link = netns?.links.find((l) => l.name === name);
	if (!netns || !link) throw new Error(`no ${ns}/${name}`);
	return {netns, link};
};

const ROWS: ReadonlyArray<{name: string; build: Build; added: string[]; removed: string[]}> = [
	{
		name: 'new namespace, lo up',
		build: () => ({spec: newNamespaceForm(), values: {name: 'ns9', loUp: true}}),
		added: ['ns9', 'ns9/lo loopback up', 'ns9/lo 127.0.0.1/8', 'ns9/lo ::1/128'],
		removed: [],
	},
	{
		name: 'veth pair between two namespaces, addresses, up',
		build: (world) => ({spec: vethForm({world, ns: 'ns1'}), values: {name1: 'va', ns1: 'ns1', address1: '10.7.0.1/24', name2: 'vb', ns2: 'ns2', address2: '10.7.0.2/24', up: true}}),
		added: ['ns1 route 10.7.0.0/24 dev va', 'ns1/va 10.7.0.1/24', 'ns1/va veth up', 'ns2 route 10.7.0.0/24 dev vb', 'ns2/vb 10.7.0.2/24', 'ns2/vb veth up'],
		removed: [],
	},
	{
		name: 'bridge with an address',
		build: (world) => ({spec: bridgeForm({world, ns: 'ns2'}), values: {name: 'br7', ns: 'ns2', address: '10.8.0.1/24', up: true}}),
		added: ['ns2 route 10.8.0.0/24 dev br7', 'ns2/br7 10.8.0.1/24', 'ns2/br7 bridge up'],
		removed: [],
	},
	{
		name: 'connect to a bridge',
		build: (world) => {
			const {link} = linkIn(world, 'host', 'spare0');
			return {plan: formOf(connectForm({world, ns: 'host', link})).plan({bridge: 'br0'}, world)};
		},
		added: ['host/spare0 veth master br0'],
		removed: ['host/spare0 veth'],
	},
	{
		name: 'add an address',
		build: (world) => {
			const {link} = linkIn(world, 'ns1', 'veth_ns1');
			return {spec: formOf(addressForm({world, ns: 'ns1', link})), values: {cidr: '10.6.0.1/24'}};
		},
		added: ['ns1 route 10.6.0.0/24 dev veth_ns1', 'ns1/veth_ns1 10.6.0.1/24'],
		removed: [],
	},
	{
		name: 'delete an address (its route goes with it, as the preview says)',
		build: (world) => {
			const {link} = linkIn(world, 'ns1', 'veth_ns1');
			return {spec: formOf(deleteLinkForm({world, ns: 'ns1', link})), values: {what: 'address 10.1.1.1/24'}};
		},
		added: [],
		removed: ['ns1 route 10.1.1.0/24 dev veth_ns1', 'ns1 route 10.9.0.0/16 via 10.1.1.4 dev veth_ns1', 'ns1/veth_ns1 10.1.1.1/24'],
	},
	{
		name: 'set a link down',
		build: () => ({plan: togglePlan('ns2', 'veth_ns2', false)}),
		added: ['ns2/veth_ns2 veth'],
		removed: ['ns2 route 10.1.1.0/24 dev veth_ns2', 'ns2/veth_ns2 veth up'],
	},
	{
		name: 'move a link, carrying its address and up state',
		build: (world) => {
			const {link} = linkIn(world, 'ns2', 'veth_ns2');
			return {spec: formOf(moveForm({world, ns: 'ns2', link})), values: {to: 'ns1', carry: true}};
		},
		added: ['ns1 route 10.1.1.0/24 dev veth_ns2', 'ns1/veth_ns2 10.1.1.2/24', 'ns1/veth_ns2 veth up'],
		removed: ['ns2 route 10.1.1.0/24 dev veth_ns2', 'ns2/veth_ns2 10.1.1.2/24', 'ns2/veth_ns2 veth up'],
	},
	{
		name: 'delete an interface: its peer, address and routes go too',
		build: (world) => {
			const {netns, link} = linkIn(world, 'ns1', 'veth_ns1');
			return {spec: formOf(deleteLinkForm({world, ns: 'ns1', link}, resolvePeer(world, netns, link))), values: {what: 'interface veth_ns1'}};
		},
		added: [],
		removed: [
			'host/veth_ns1_br0 veth up master br0',
			'ns1 route 10.1.1.0/24 dev veth_ns1',
			'ns1 route 10.9.0.0/16 via 10.1.1.4 dev veth_ns1',
			'ns1/veth_ns1 10.1.1.1/24',
			'ns1/veth_ns1 veth up',
		],
	},
	{
		name: 'add a route',
		build: (world) => ({spec: routeForm({world, ns: 'ns2'}), values: {dst: '10.20.0.0/16', via: '10.1.1.4', dev: '(any)'}}),
		added: ['ns2 route 10.20.0.0/16 via 10.1.1.4 dev veth_ns2'],
		removed: [],
	},
	{
		name: 'delete a route',
		build: (world) => {
			const route = world.namespaces.find((n) => n.id === 'ns1')?.routes.find((r) => r.dst === '10.9.0.0/16');
			return {spec: formOf(deleteRouteForm({world, ns: 'ns1'}, route)), values: {}};
		},
		added: [],
		removed: ['ns1 route 10.9.0.0/16 via 10.1.1.4 dev veth_ns1'],
	},
	{
		name: 'delete a namespace: its veth goes, and the other end in the host with it',
		build: (world) => ({spec: deleteNamespaceForm({world, ns: 'ns2'}), values: {}}),
		added: [],
		removed: ['host/veth_ns2_br0 veth up master br0', 'ns2', 'ns2 route 10.1.1.0/24 dev veth_ns2', 'ns2/lo 127.0.0.1/8', 'ns2/lo ::1/128', 'ns2/lo loopback up', 'ns2/veth_ns2 10.1.1.2/24', 'ns2/veth_ns2 veth up'],
	},
];

/** The words a fact is about (namespace, link, address, route device), one of which the preview must name. */
const subjects = (fact: string): string[] => {
	const [where, ...rest] = fact.split(' ');
	const [ns, link] = where.split('/');
	const dev = /\bdev (\S+)/.exec(fact)?.[1];
	return [ns, link, dev, rest[0]?.includes('/') ? rest[0] : undefined].filter((s): s is string => s !== undefined && s !== 'route');
};

describe('every plan changes exactly what its preview names', () => {
	it.each(ROWS)('$name', async ({build, added, removed}) => {
		const before = await readWorld(runCommand);
		const made = build(before);
		const plan = made.plan ?? made.spec?.plan({...made.spec.initial, ...made.values}, before);
		if (!plan) throw new Error('no plan');
		if (made.spec) expect(made.spec.validate({...made.spec.initial, ...made.values}, before)).toEqual({});
		const result = await runPlan(plan, {run: (argv) => runCommand(argv), log: () => {}});
		expect(result.error).toBeUndefined();
		// The kernel tears a namespace down in the background: its veths' other ends go a moment later.
		const was = facts(before);
		const expected = {added: [...added].sort(), removed: [...removed].sort()};
		let seen = {};
		await vi.waitFor(
			async () => {
				const is = facts(await readWorld(runCommand));
				seen = {added: minus(is, was), removed: minus(was, is)};
				expect(seen).toEqual(expected);
			},
			{timeout: 5000, interval: 100},
		);
		expect(seen).toEqual(expected);
		// A dry run shows the same world from the plan's effects alone (model/planned-world.ts).
		const after = facts(await readWorld(runCommand));
		const planned = facts(applyPlanned(before, plan.effects ?? []));
		expect({added: minus(planned, after), removed: minus(after, planned)}, 'the planned world differs from the kernel').toEqual({added: [], removed: []});
		const preview = [...plan.steps.map((s) => commandText(s.argv)), ...(plan.consequences ?? [])].join('\n');
		for (const fact of [...added, ...removed]) {
			const named = subjects(fact).some((word) => preview.includes(word));
			expect(named, `the preview names nothing of "${fact}":\n${preview}`).toBe(true);
		}
	});
});
