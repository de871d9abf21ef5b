// Tunnels across servers: a vxlan on h1 whose remote is an address h2 holds is one edge between the
// servers, drawn once per pair, with what keeps it from working flagged.
import {describe, expect, it} from 'vitest';
import {hostsToDot, hostsToMermaid} from '../../source/model/graph-export.js';
import {hostTunnels, hostTunnelText} from '../../source/model/host-tunnels.js';
import {runCommand} from '../../source/system/runner.js';
import type {Link, World} from '../../source/model/types.js';
import {WorldBuilder} from '../support/hand-world.js';

/** A server: eth0 with `address` in its host namespace, and these tunnels there. */
function server(address: string, tunnels: ReadonlyArray<Partial<Link> & {name: string}>): World {
	const world = new WorldBuilder().namespace('host').namespace('ns1').veth('host/eth0', 'ns1/peer').build();
	const eth0 = (l: Link): Link => (l.name === 'eth0' ? {...l, addresses: [{family: 4, local: address, prefixlen: 24, scope: 'global', cidr: `${address}/24`}]} : l);
	const made = tunnels.map((t, i): Link => ({ifindex: 100 + i, kind: 'vxlan', state: 'UNKNOWN', flags: ['UP'], adminUp: true, noCarrier: false, mac: '', mtu: 1450, addresses: [], ...t}));
	return {namespaces: world.namespaces.map((ns) => (ns.id === 'host' ? {...ns, links: [...ns.links.map(eth0), ...made]} : ns))};
}
const vxlan = (name: string, id: number, remote: string, port = 4789): Partial<Link> & {name: string} => ({name, kind: 'vxlan', facts: {kind: 'vxlan', id, remote, port, underlay: 'eth0'}});

describe('tunnels across servers', () => {
	it('joins two vxlans that point at each other once, with their VNI', () => {
		const h1 = server('10.231.1.2', [vxlan('vx0', 42, '10.231.2.2')]);
		const h2 = server('10.231.2.2', [vxlan('vx1', 42, '10.231.1.2')]);
		const tunnels = hostTunnels([
			{host: 'h1', world: h1},
			{host: 'h2', world: h2},
		]);
		expect(tunnels).toEqual([
			{from: {host: 'h1', ns: 'host', name: 'vx0', ifindex: 100}, to: {host: 'h2', ns: 'host', name: 'vx1', ifindex: 100}, paired: true, kind: 'vxlan', remote: '10.231.2.2', vni: 42, problems: []},
		]);
		expect(hostTunnelText(tunnels[0])).toBe('h1 host/vx0 ══ vxlan VNI 42 ══ h2 host/vx1');
	});

	it('flags a VNI or port that differs, and a tunnel with no way back', () => {
		const h1 = server('10.231.1.2', [vxlan('vx0', 42, '10.231.2.2'), vxlan('vx9', 9, '10.231.3.2')]);
		const h2 = server('10.231.2.2', [vxlan('vx1', 43, '10.231.1.2', 8472)]);
		const h3 = server('10.231.3.2', []);
		const tunnels = hostTunnels([
			{host: 'h1', world: h1},
			{host: 'h2', world: h2},
			{host: 'h3', world: h3},
		]);
		expect(tunnels.map(hostTunnelText)).toEqual([
			'h1 host/vx0 ══ vxlan VNI 42 ══ h2 host/vx1  ⚠ VNI 42 on h1, 43 on h2; port 4789 on h1, 8472 on h2',
			'h1 host/vx9 ══ vxlan VNI 9 ══ 10.231.3.2 (h3 host/eth0)  ⚠ no vxlan on h3 points back to h1',
		]);
	});

	it('leaves out a tunnel to an address of its own server, or of no listed server', () => {
		const h1 = server('10.231.1.2', [vxlan('vx0', 42, '10.231.1.2'), vxlan('vx1', 43, '192.0.2.1')]);
		const h2 = server('10.231.2.2', []);
		expect(hostTunnels([{host: 'h1', world: h1}, {host: 'h2', world: h2}])).toEqual([]);
	});
});

describe('show --host … --dot and --mermaid', () => {
	const hosts = [
		{host: 'h1', world: server('10.231.1.2', [vxlan('vx0', 42, '10.231.2.2')])},
		{host: 'h2', world: server('10.231.2.2', [vxlan('vx1', 42, '10.231.1.2')])},
	];

	it('draw the tunnel as one edge between the servers, which Graphviz reads', async () => {
		const dot = hostsToDot(hosts);
		expect(dot).toContain('\t"h1:host/vx0" -- "h2:host/vx1" [label="vxlan VNI 42", penwidth=3];');
		const result = await runCommand(['dot', '-Tsvg'], {input: dot});
		expect(result.exitCode).toBe(0);
		expect(result.stdout).toContain('<title>h1:host/vx0&#45;&#45;h2:host/vx1</title>');
		const mermaid = hostsToMermaid(hosts);
		expect(mermaid).toMatch(/^\tn\d+ ===\|"vxlan VNI 42"\| n\d+$/m);
	});
});
