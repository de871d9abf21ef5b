// What a dry run shows is what running the plans makes: the seed tutorials, plan after plan, applied as
// effects to the world as read (model/planned-world.ts), and then run for real in the sandbox. Both worlds
// are compared as the panes show them: namespaces, links with their kind, state word, master, peer,
// addresses, routes, forwarding.
import {readFileSync} from 'node:fs';
import {beforeAll, beforeEach, describe, expect, it, vi} from 'vitest';
import {formatRoute, linkStateLabel} from '../../source/model/format.js';
import {applyPlanned} from '../../source/model/planned-world.js';
import {buildTopology, formatPeer, linkKey} from '../../source/model/topology.js';
import {HOST_ID, type World} from '../../source/model/types.js';
import {addRoutePlan, forwardingPlan} from '../../source/plans/route-plans.js';
import {bridgePlan, connectPlan, detachPlan} from '../../source/plans/bridge-plans.js';
import {addAddressPlan} from '../../source/plans/address-plans.js';
import {linkSettingsPlan} from '../../source/plans/link-settings-plan.js';
import {stackedDevicePlan} from '../../source/plans/stacked-device-plan.js';
import {movePlan, togglePlan} from '../../source/plans/link-plans.js';
import {newNamespacePlan} from '../../source/plans/namespace-plans.js';
import type {Plan} from '../../source/plans/plan.js';
import {runPlan} from '../../source/plans/run-plan.js';
import {vethPlan} from '../../source/plans/veth-plan.js';
import {runCommand} from '../../source/system/runner.js';
import {readWorld} from '../../source/system/snapshot.js';
import {requireSandbox, resetWorld} from '../support/sandbox.js';

beforeAll(requireSandbox);
beforeEach(resetWorld);

/** The world as the panes show it; IPv6 link-local addresses and fe80::/64 routes aside (the kernel's own). */
function shown(world: World): string[] {
	const topology = buildTopology(world);
	const out: string[] = [];
	for (const ns of world.namespaces) {
		// Forwarding is not in every read (the helper reads it, ip does not): compared apart.
		out.push(ns.id);
		for (const link of ns.links) {
			const peer = topology.peers.get(linkKey(ns.id, link.ifindex));
			const lower = topology.lowers.get(linkKey(ns.id, link.ifindex));
			out.push(
				`${ns.id}/${link.name} ${link.kind} ${linkStateLabel(link)} mtu ${link.mtu}${link.master ? ` master ${link.master}` : ''}${peer ? ` → ${formatPeer(peer, ns.id)}` : ''}${lower ? ` on ${formatPeer(lower, ns.id)}` : ''}`,
			);
			for (const a of link.addresses) if (a.scope !== 'link') out.push(`${ns.id}/${link.name} ${a.cidr}`);
		}
		for (const r of ns.routes) if (!r.dst.startsWith('fe80:')) out.push(`${ns.id} route ${formatRoute(r)}`);
	}
	return out.sort();
}

async function compare(plans: readonly Plan[]): Promise<World> {
	const before = await readWorld(runCommand);
	const world = applyPlanned(before, plans.flatMap((p) => p.effects ?? []));
	const planned = shown(world);
	for (const plan of plans) {
		const result = await runPlan(plan, {run: (argv) => runCommand(argv), log: () => {}});
		expect(result.error, plan.title).toBeUndefined();
	}
	// Carrier comes up a moment after a link does: wait for the kernel to settle.
	await vi.waitFor(async () => expect(shown(await readWorld(runCommand))).toEqual(planned), {timeout: 5000, interval: 100});
	return world;
}

const ns = (name: string): Plan => newNamespacePlan({name, loUp: true});
const pairA = (): Plan[] => [ns('ns1'), ns('ns2'), vethPlan({name1: 'veth_ns1', ns1: 'ns1', address1: '10.1.1.1/24', name2: 'veth_ns2', ns2: 'ns2', address2: '10.1.1.2/24', up: true})];

describe('a dry run shows what the plans then make', () => {
	it('tutorial A: two namespaces, a veth pair, addresses, up, a route', async () => {
		await compare([
			ns('ns1'),
			ns('ns2'),
			vethPlan({name1: 'veth_ns1', ns1: 'ns1', address1: '10.1.1.1/24', name2: 'veth_ns2', ns2: 'ns2', address2: '10.1.1.2/24', up: true}),
			addRoutePlan({ns: 'ns1', dst: '10.9.0.0/16', via: '10.1.1.2', dev: '', family: 4}),
		]);
	});

	it('tutorial B: a bridge in the host with an address, two namespaces plugged in, forwarding', async () => {
		const world = await compare([
			bridgePlan({name: 'br0', ns: HOST_ID, address: '10.1.1.4/24', up: true}),
			ns('ns1'),
			ns('ns2'),
			vethPlan({name1: 'veth_ns1', ns1: 'ns1', address1: '10.1.1.1/24', name2: 'veth_ns1_br0', ns2: HOST_ID, address2: '', up: true}),
			connectPlan({ns: HOST_ID, link: 'veth_ns1_br0', bridge: 'br0'}),
			vethPlan({name1: 'veth_ns2', ns1: 'ns2', address1: '10.1.1.2/24', name2: 'veth_ns2_br0', ns2: HOST_ID, address2: '', up: true}),
			connectPlan({ns: HOST_ID, link: 'veth_ns2_br0', bridge: 'br0'}),
			addRoutePlan({ns: 'ns1', dst: 'default', via: '10.1.1.4', dev: '', family: 4}),
			forwardingPlan(HOST_ID, 4, true),
		]);
		expect(world.namespaces.find((n) => n.id === HOST_ID)?.forwarding?.[4]).toBe(true);
		expect(readFileSync('/proc/sys/net/ipv4/ip_forward', 'utf8').trim()).toBe('1');
	});

	it('tutorial B as the veth form makes it: the host ends plugged into br0 as they are made; then one detached', async () => {
		await compare([
			bridgePlan({name: 'br0', ns: HOST_ID, address: '10.1.1.4/24', up: true}),
			ns('ns1'),
			ns('ns2'),
			vethPlan({name1: 'veth_ns1_br0', ns1: HOST_ID, address1: '', bridge1: 'br0', name2: 'veth_ns1', ns2: 'ns1', address2: '10.1.1.1/24', up: true}),
			vethPlan({name1: 'veth_ns2_br0', ns1: HOST_ID, address1: '', bridge1: 'br0', name2: 'veth_ns2', ns2: 'ns2', address2: '10.1.1.2/24', up: true}),
			detachPlan({ns: HOST_ID, link: 'veth_ns1_br0', bridge: 'br0'}),
		]);
	});

	it('an end moved to a third namespace and brought up there; the other end set down', async () => {
		const has = {addresses: ['10.1.1.2/24'], up: true};
		await compare([
			ns('ns1'),
			ns('ns2'),
			ns('ns3'),
			vethPlan({name1: 'veth_ns1', ns1: 'ns1', address1: '10.1.1.1/24', name2: 'veth_ns2', ns2: 'ns2', address2: '10.1.1.2/24', up: true}),
			movePlan({from: 'ns2', link: 'veth_ns2', to: 'ns3', has, carry: has}),
			togglePlan('ns1', 'veth_ns1', false),
		]);
	});

	it('e: an up link renamed (down, rename, up: its other routes go), its MTU changed; below 1280 IPv6 goes', async () => {
		await compare([
			...pairA(),
			addAddressPlan({ns: 'ns1', link: 'veth_ns1', cidr: 'fd00::1/64'}),
			addRoutePlan({ns: 'ns1', dst: '10.9.0.0/16', via: '10.1.1.2', dev: '', family: 4}),
			linkSettingsPlan({ns: 'ns1', link: 'veth_ns1', up: true, name: 'uplink', mtu: {from: 1500, to: 1400}}),
			addAddressPlan({ns: 'ns2', link: 'veth_ns2', cidr: 'fd00::2/64'}),
			linkSettingsPlan({ns: 'ns2', link: 'veth_ns2', up: true, mtu: {from: 1500, to: 1200}}),
		]);
	});

	it('+: a macvlan into another namespace, a macvtap beside its lower device, a vxlan, all up', async () => {
		await compare([
			...pairA(),
			ns('ns3'),
			stackedDevicePlan({kind: 'macvlan', parentNs: 'ns2', parent: 'veth_ns2', name: 'mv0', into: 'ns3', up: true, mode: 'bridge'}),
			stackedDevicePlan({kind: 'macvtap', parentNs: 'ns1', parent: 'veth_ns1', name: 'mt0', into: 'ns1', up: true, mode: 'bridge'}),
			stackedDevicePlan({kind: 'vxlan', parentNs: 'ns1', parent: 'veth_ns1', name: 'vx0', into: 'ns1', up: true, id: 42, remote: '10.1.1.2'}),
			addAddressPlan({ns: 'ns3', link: 'mv0', cidr: '10.1.1.3/24'}),
		]);
	});
});
