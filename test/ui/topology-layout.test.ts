// Golden frames of the topology map: the layout is a pure function of the world, so each scenario's map is
// compared as text with a file under test/fixtures/topology/ (read them to see what the map looks like).
import {describe, expect, it} from 'vitest';
import {buildTopology} from '../../source/model/topology.js';
import type {World} from '../../source/model/types.js';
import {layoutTopology, type MapOptions} from '../../source/ui/topology/layout.js';
import {fixtureWorld} from '../support/fixtures.js';
import {WorldBuilder} from '../support/hand-world.js';

/** The map in the rows left at 80x24: title bar, footer and the map's two header lines take four. */
const FIT = {columns: 80, rows: 20};

const draw = (world: World, options: MapOptions = {}): string[] => [...layoutTopology(world, buildTopology(world), {width: FIT.columns, ...options}).lines];

const golden = (name: string): string => `../fixtures/topology/${name}.txt`;

/** The row of interface `name` (its first cell, right after the box's left edge). */
const rowOf = (lines: readonly string[], name: string): string => lines.find((l) => new RegExp(`[│║╡╣] ${name} `).test(l)) ?? '';

/** Lines that carry a veth line's end: a tap on the box edge, a run, and the lane's corner. */
const laneEnds = (lines: readonly string[]): string[] => lines.filter((l) => /[├╟][─╌│┆]+[┐┘]/.test(l));

/** The lab's `bridge` scenario exactly: the captured fixture without the extra veth and route it adds in ns1. */
function labBridge(): World {
	const world = fixtureWorld('bridge');
	return {
		namespaces: world.namespaces.map((ns) =>
			ns.id === 'ns1' ? {...ns, links: ns.links.filter((l) => !l.name.startsWith('loop_')), routes: ns.routes.filter((r) => r.dev !== 'loop_a')} : ns,
		),
	};
}

const chainOfFive = (): World => {
	const b = new WorldBuilder().namespace('host');
	for (let i = 1; i <= 5; i++) b.namespace(`ns${i}`);
	for (let i = 1; i < 5; i++) {
		// The link between ns3 and ns4 has its ns4 end down.
		b.veth(`ns${i}/to${i + 1}`, `ns${i + 1}/to${i}`, {up: i === 3 ? [true, false] : [true, true], addresses: [`10.0.${i}.1/30`, `10.0.${i}.2/30`]});
	}
	return b.build();
};

describe('topology map: lab scenarios at 80x24', () => {
	it.each([
		['bridge', labBridge],
		['pair', () => fixtureWorld('pair')],
		['empty', () => new WorldBuilder().namespace('host').build()],
	])('%s fits and matches its golden frame', async (name, world) => {
		const lines = draw(world(), {selected: 'host'});
		expect(lines.length).toBeLessThanOrEqual(FIT.rows);
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(FIT.columns);
		await expect(lines.join('\n') + '\n').toMatchFileSnapshot(golden(name));
	});

	it('bridge: ns1 and ns2 each wired to a port of br0, and br0 a hub over both ports', () => {
		const lines = draw(labBridge(), {selected: 'host'});
		const row = (name: string): string => rowOf(lines, name);
		// The hub: a double line from br0 down its two ports, entering the host box.
		expect(row('br0')).toMatch(/^╔═╣ br0 /);
		expect(row('veth_ns1_br0')).toMatch(/^╠═╣ veth_ns1_br0 /);
		expect(row('veth_ns2_br0')).toMatch(/^╚═╣ veth_ns2_br0 /);
		// Each veth: a line leaves each end's row and turns a corner (top end ┐, bottom end ┘).
		expect(row('veth_ns1_br0')).toMatch(/→ ns1\/veth_ns1 +╟─+┐$/);
		expect(row('veth_ns1')).toMatch(/→ host\/veth_ns1_br0 +├─+┘ +│$/);
		expect(row('veth_ns2')).toMatch(/→ host\/veth_ns2_br0 +├─+┘$/);
		expect(laneEnds(lines)).toHaveLength(4);
		// The two lines are in different lanes, and the line from the host to ns2 passes under the other.
		expect(row('veth_ns2_br0')).toMatch(/╟──│──┐$/);
		expect(lines.join('\n')).not.toMatch(/[╌┆]/);
	});

	it('pair: client and server joined by one line, nothing else', () => {
		const lines = draw(fixtureWorld('pair'));
		expect(rowOf(lines, 'pair-client')).toMatch(/10\.0\.0\.1\/24 {2}→ server\/pair-server +├──┐$/);
		expect(rowOf(lines, 'pair-server')).toMatch(/10\.0\.0\.2\/24 {2}→ client\/pair-client +├──┘$/);
		expect(laneEnds(lines)).toHaveLength(2);
	});
});

describe('topology map: other shapes', () => {
	it('a chain of five namespaces: each neighbour next, one lane, the down link dashed', async () => {
		const lines = draw(chainOfFive(), {selected: 'ns3'});
		const text = lines.join('\n');
		expect(lines.filter((l) => /^[┌╔][─═] /.test(l)).map((l) => l.split(' ')[1])).toEqual(['host', 'ns1', 'ns2', 'ns3', 'ns4', 'ns5']);
		expect(text).toMatch(/╔═ ns3 ═+╗/);
		expect(text).toMatch(/to4 +veth +NO-CARRIER +10\.0\.3\.1\/30 +→ ns4\/to3 +╟╌╌┐/);
		expect(text).toMatch(/to3 +veth +DOWN +10\.0\.3\.2\/30 +→ ns3\/to4 +├╌╌┘/);
		await expect(text + '\n').toMatchFileSnapshot(golden('chain-of-five'));
	});

	it('a namespace with no links, and one that could not be read', async () => {
		const world = new WorldBuilder().namespace('host').namespace('lonely', {loUp: false}).namespace('broken', {noLinks: true, error: 'permission denied'}).build();
		const text = draw(world).join('\n');
		expect(text).toMatch(/lo +loopback +DOWN/);
		expect(text).toContain('cannot read: permission denied');
		expect(text).not.toMatch(/[├╟]/); // no taps: no line leaves any box
		await expect(text + '\n').toMatchFileSnapshot(golden('no-links'));
	});

	it('a veth whose two ends are in one namespace: a short line within its box', async () => {
		const world = new WorldBuilder()
			.namespace('host')
			.namespace('solo')
			.veth('solo/left', 'solo/right', {up: [true, false], addresses: ['fd00::1/64']})
			.build();
		const lines = draw(world, {selected: 'solo'});
		expect(rowOf(lines, 'left')).toMatch(/left +veth +NO-CARRIER +fd00::1\/64 +→ right +╟╌╌┐$/);
		expect(rowOf(lines, 'right')).toMatch(/right +veth +DOWN +→ left +╟╌╌┘$/);
		expect(laneEnds(lines)).toHaveLength(2);
		await expect(lines.join('\n') + '\n').toMatchFileSnapshot(golden('same-namespace-veth'));
	});

	it('the captured bridge world: same-namespace veth, NO-CARRIER and IPv6, selected ns1', async () => {
		await expect(draw(fixtureWorld('bridge'), {selected: 'ns1', width: 100}).join('\n') + '\n').toMatchFileSnapshot(golden('bridge-captured'));
	});

	it('shrinks the boxes to a narrow width, cutting rows with …', () => {
		const lines = draw(fixtureWorld('bridge'), {width: 60});
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
		expect(lines.join('\n')).toContain('…');
	});

	it('reports where each box is, for the viewport', () => {
		const map = layoutTopology(labBridge(), buildTopology(labBridge()));
		expect(map.boxes.map((b) => [b.id, b.top, b.height])).toEqual([
			['host', 0, 6],
			['ns1', 7, 4],
			['ns2', 12, 4],
		]);
		expect(map.summary).toBe('3 namespaces · 2 veth pairs · 1 bridge');
		expect(map.width).toBe(Math.max(...map.lines.map((l) => l.length)));
	});

	it('draws stacked devices dotted to their lower device, a bond as a hub of its own, a vxlan with its id and remote', async () => {
		const built = new WorldBuilder()
			.namespace('host')
			.namespace('pod')
			.veth('host/uplink', 'host/peer0')
			.stacked('pod/mv0', 'macvlan', 'host/uplink')
			.build();
		const up = {adminUp: true, state: 'UP'};
		const world: World = {
			namespaces: built.namespaces.map((ns) =>
				ns.id === 'host'
					? {
							...ns,
							links: [
								...ns.links,
								{ifindex: 10, name: 'eth0', kind: 'device', flags: [], mac: '', mtu: 1500, addresses: [], noCarrier: false, master: 'bond0', masterKind: 'bond', ...up},
								{ifindex: 11, name: 'eth1', kind: 'device', flags: [], mac: '', mtu: 1500, addresses: [], noCarrier: false, master: 'bond0', masterKind: 'bond', ...up},
								{ifindex: 12, name: 'bond0', kind: 'bond', flags: [], mac: '', mtu: 1500, addresses: [], noCarrier: false, facts: {kind: 'bond' as const, mode: '802.3ad'}, ...up},
								{ifindex: 13, name: 'bond0.10', kind: 'vlan', flags: [], mac: '', mtu: 1500, addresses: [], noCarrier: false, facts: {kind: 'vlan' as const, id: 10, protocol: '802.1Q'}, peerHint: {ifindex: 12, name: 'bond0'}, ...up},
								{ifindex: 14, name: 'vx0', kind: 'vxlan', flags: [], mac: '', mtu: 1450, addresses: [], noCarrier: false, facts: {kind: 'vxlan' as const, id: 42, remote: '10.9.9.9', port: 4789, underlay: 'uplink'}, ...up},
							],
						}
					: ns,
			),
		};
		const map = layoutTopology(world, buildTopology(world), {width: 100});
		expect(map.summary).toBe('2 namespaces · 1 veth pair · 0 bridges · 1 bond or vrf · 3 stacked devices');
		const text = map.lines.join('\n');
		expect(text).toMatch(/┏━[┫╡] bond0 /);
		expect(text).toContain('on host/uplink');
		expect(text).toContain('id 42 remote 10.9.9.9 port 4789 dev uplink');
		expect(text).toMatch(/[╮╯]/);
		await expect(text + '\n').toMatchFileSnapshot(golden('stacked-and-bond'));
	});
});

describe('a dry run on the map', () => {
	it('a planned namespace, and one with planned changes, say so in their box title', () => {
		const world = new WorldBuilder().namespace('host').namespace('ns1').build();
		const planned: World = {namespaces: world.namespaces.map((ns) => (ns.id === 'ns1' ? {...ns, planned: true} : ns))};
		const lines = draw(planned);
		expect(lines.find((l) => l.includes('ns1'))).toMatch(/─ ns1 · planned ─/);
		expect(lines.find((l) => l.includes('host'))).not.toContain('planned');
	});
});
