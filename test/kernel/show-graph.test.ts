// `nsdeck show --dot` and `--mermaid` on the lab's bridge scenario built in real namespaces: Graphviz reads
// the DOT, and both graphs have one edge per veth pair and per bridge port the kernel has.
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {runCommand} from '../../source/system/runner.js';
import {buildLabScenario, requireSandbox, sh} from '../support/sandbox.js';

const BUNDLE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'nsdeck.js');

beforeAll(requireSandbox);
beforeEach(() => buildLabScenario('bridge'));

describe('nsdeck show --dot / --mermaid against the kernel', () => {
	it('--dot: dot -Tsvg draws it, one edge per veth pair and per bridge port', async () => {
		const dot = await sh(process.execPath, BUNDLE, 'show', '--dot');
		const svg = await runCommand(['dot', '-Tsvg'], {input: dot});
		expect(svg.stderr).toBe('');
		expect(svg.exitCode).toBe(0);
		const edges = [...svg.stdout.matchAll(/<g id="edge\d+" class="edge">\s*<title>([^<]*)<\/title>/g)].map((m) => m[1].replaceAll('&#45;', '-'));
		expect(edges.sort()).toEqual([
			'host/br0--host/veth_ns1_br0',
			'host/br0--host/veth_ns2_br0',
			'host/veth_ns1_br0--ns1/veth_ns1',
			'host/veth_ns2_br0--ns2/veth_ns2',
		]);
	});

	it('--mermaid: the same two veth pairs and two ports', async () => {
		const mermaid = await sh(process.execPath, BUNDLE, 'show', '--mermaid');
		expect(mermaid.startsWith('flowchart LR\n')).toBe(true);
		expect(mermaid.match(/---\|veth\|/g)).toHaveLength(2);
		expect(mermaid.match(/===\|port\|/g)).toHaveLength(2);
	});
});
