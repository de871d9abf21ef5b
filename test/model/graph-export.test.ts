// `show --dot` and `--mermaid`: the graph has one edge per veth pair and per bridge port, and Graphviz reads
// the DOT (dot -Tsvg; Debian package graphviz, which .ci/run installs).
import {describe, expect, it} from 'vitest';
import {toDot, toMermaid} from '../../source/model/graph-export.js';
import {buildTopology} from '../../source/model/topology.js';
import type {World} from '../../source/model/types.js';
import {runCommand} from '../../source/system/runner.js';
import {fixtureWorld} from '../support/fixtures.js';
import {WorldBuilder} from '../support/hand-world.js';

/** The lab's `bridge` scenario: the captured world without the extra veth in ns1. */
function labBridge(): World {
	const world = fixtureWorld('bridge');
	return {namespaces: world.namespaces.map((ns) => (ns.id === 'ns1' ? {...ns, links: ns.links.filter((l) => !l.name.startsWith('loop_'))} : ns))};
}

/** Edges as Graphviz drew them: each edge's <title> is `tail--head` (with - written &#45;). */
function svgEdges(svg: string): string[] {
	const edges = [...svg.matchAll(/<g id="edge\d+" class="edge">\s*<title>([^<]*)<\/title>/g)].map((m) => m[1].replaceAll('&#45;', '-'));
	return edges.sort();
}

describe('show --dot', () => {
	it('bridge scenario: Graphviz reads it, with one edge per veth pair and one per bridge port', async () => {
		const world = labBridge();
		const result = await runCommand(['dot', '-Tsvg'], {input: toDot(world, buildTopology(world))});
		expect(result.failure, 'is graphviz installed? apt-get install -y graphviz').toBeUndefined();
		expect(result.stderr).toBe('');
		expect(result.exitCode).toBe(0);
		expect(svgEdges(result.stdout)).toEqual([
			'host/br0--host/veth_ns1_br0',
			'host/br0--host/veth_ns2_br0',
			'host/veth_ns1_br0--ns1/veth_ns1',
			'host/veth_ns2_br0--ns2/veth_ns2',
		]);
		// One cluster per namespace, one node per interface.
		expect(result.stdout.match(/class="cluster"/g)).toHaveLength(3);
		expect(result.stdout.match(/class="node"/g)).toHaveLength(8);
	});

	it('dashes a veth that is down and escapes quotes in names', async () => {
		const world = new WorldBuilder().namespace('host').namespace('a"b').veth('host/x', 'a"b/y', {up: [true, false]}).build();
		const dot = toDot(world, buildTopology(world));
		expect(dot).toContain('"host/x" -- "a\\"b/y" [label="veth down", style=dashed];');
		const result = await runCommand(['dot', '-Tsvg'], {input: dot});
		expect(result.exitCode).toBe(0);
		expect(svgEdges(result.stdout)).toEqual(['host/x--a"b/y'.replaceAll('"', '&quot;')]);
	});
});

describe('show --mermaid', () => {
	it('bridge scenario: a subgraph per namespace, an edge per veth pair and per port', () => {
		const world = labBridge();
		const lines = toMermaid(world, buildTopology(world)).split('\n');
		expect(lines[0]).toBe('flowchart LR');
		expect(lines.filter((l) => /^\tsubgraph /.test(l))).toEqual(['\tsubgraph ns0["host"]', '\tsubgraph ns1["ns1"]', '\tsubgraph ns2["ns2"]']);
		expect(lines).toContain('\t\tn1{{"br0 (bridge)<br/>UP<br/>10.1.1.4/24"}}');
		const edges = lines.filter((l) => /^\tn\d+ /.test(l));
		expect(edges).toEqual(['\tn2 ---|veth| n5', '\tn3 ---|veth| n7', '\tn1 ===|port| n2', '\tn1 ===|port| n3']);
	});
});
