// Identity is (namespace, ifindex), never ifindex alone (issue 28): a pod's macvlan on the host's ens3 is
// found even when another namespace has a device of the same ifindex, and a vxlan moved out of the
// namespace that made it names its underlay there, drawn as an edge in the DOT and mermaid exports.
import {spawn, type ChildProcess} from 'node:child_process';
import {readlinkSync} from 'node:fs';
import {afterEach, beforeAll, beforeEach, describe, expect, it, vi} from 'vitest';
import {relationText} from '../../source/model/format.js';
import {toDot, toMermaid} from '../../source/model/graph-export.js';
import {buildTopology, linkKey} from '../../source/model/topology.js';
import {createRealSystem} from '../../source/system/system.js';
import {ipJson, requireSandbox, resetWorld, sh} from '../support/sandbox.js';

beforeAll(requireSandbox);
beforeEach(resetWorld);

let children: ChildProcess[] = [];
afterEach(() => {
	for (const child of children) child.kill('SIGKILL');
	children = [];
});

/** A namespace only `sleep` holds (no name, no mount); its path. */
async function holdNamespace(): Promise<string> {
	const child = spawn('unshare', ['--net', '--', 'sleep', '1000'], {stdio: 'ignore'});
	children.push(child);
	const pid = child.pid;
	if (pid === undefined) throw new Error('unshare did not start');
	await vi.waitFor(() => expect(readlinkSync(`/proc/${pid}/exe`)).toMatch(/sleep$/), {timeout: 3000});
	return `/proc/${pid}/ns/net`;
}

async function ifindexOf(name: string): Promise<number> {
	const [link] = await ipJson<{ifindex: number}>('link', 'show', 'dev', name);
	return link.ifindex;
}

describe('identity across namespaces', () => {
	it('finds a macvlan’s lower device beside a same-ifindex device elsewhere, and a moved vxlan’s underlay', async () => {
		const pod = await holdNamespace();
		const other = await holdNamespace();
		await sh('ip', 'link', 'add', 'ens3', 'type', 'veth', 'peer', 'name', 'ens3p');
		const ens3 = await ifindexOf('ens3');
		// Another namespace holds a device with ens3's ifindex, as every container's eth0 has ifindex 2.
		await sh('nsenter', `--net=${other}`, 'ip', 'link', 'add', 'eth0', 'index', String(ens3), 'type', 'veth', 'peer', 'name', 'eth0p');
		await sh('ip', 'link', 'add', 'link', 'ens3', 'name', 'eth0', 'netns', pod, 'type', 'macvlan');
		await sh('ip', 'link', 'add', 'vx0', 'type', 'vxlan', 'id', '42', 'dev', 'ens3', 'remote', '10.60.0.1', 'dstport', '4789');
		await sh('ip', 'link', 'set', 'vx0', 'netns', other);

		const world = await createRealSystem({lab: true}).readWorld();
		const topology = buildTopology(world);
		const podNs = world.namespaces.find((n) => n.id === pod);
		const otherNs = world.namespaces.find((n) => n.id === other);
		const macvlan = podNs?.links.find((l) => l.name === 'eth0');
		const vxlan = otherNs?.links.find((l) => l.name === 'vx0');
		expect(macvlan && vxlan).toBeTruthy();
		expect(topology.lowers.get(linkKey(pod, macvlan?.ifindex ?? -1))).toEqual({ns: 'host', name: 'ens3', ifindex: ens3});
		expect(topology.lowers.get(linkKey(other, vxlan?.ifindex ?? -1))).toEqual({ns: 'host', name: 'ens3', ifindex: ens3});
		expect(relationText(macvlan!, pod, undefined, [], topology.lowers.get(linkKey(pod, macvlan!.ifindex)))).toBe('on host/ens3');
		// The underlay is an edge of the graph, in both exports.
		expect(toDot(world, topology)).toMatch(/vx0[^\n]*--[^\n]*ens3[^\n]*vxlan on/);
		expect(toMermaid(world, topology)).toMatch(/-\.-\|vxlan on( down)?\|/);
	});

	it('says which namespace is unknown instead of guessing', async () => {
		const pod = await holdNamespace();
		const hidden = await holdNamespace();
		// A lower device in a namespace nsdeck does not read: the world below leaves it out.
		await sh('nsenter', `--net=${hidden}`, 'ip', 'link', 'add', 'up0', 'type', 'veth', 'peer', 'name', 'up0p');
		await sh('nsenter', `--net=${hidden}`, 'ip', 'link', 'add', 'link', 'up0', 'name', 'mv0', 'netns', pod, 'type', 'macvlan');
		await sh('ip', 'link', 'add', 'up0', 'type', 'veth', 'peer', 'name', 'up0q');
		const read = await createRealSystem({lab: true}).readWorld();
		const world = {namespaces: read.namespaces.filter((n) => n.id !== hidden)};
		const podNs = world.namespaces.find((n) => n.id === pod);
		const mv0 = podNs?.links.find((l) => l.name === 'mv0');
		const topology = buildTopology(world);
		expect(topology.lowers.get(linkKey(pod, mv0?.ifindex ?? -1))).toBeUndefined();
		expect(relationText(mv0!, pod, undefined, [], undefined)).toMatch(/^on if\d+ in unknown namespace \(nsid \d+\)$/);
	});
});
