// `show` as text prints the whole picture (issue 28): besides links and routes, forwarding, policy rules,
// neighbours, the bridges' FDB, a vxlan's VNI and a macvlan's mode, as the detail view says them.
import {beforeAll, describe, expect, it} from 'vitest';
import {buildRichWorld} from '../support/rich-world.js';
import {requireSandbox, resetWorld, sh} from '../support/sandbox.js';
import {BUNDLE} from '../support/tmux.js';

let text = '';
beforeAll(async () => {
	requireSandbox();
	await resetWorld();
	await buildRichWorld();
	text = await sh(process.execPath, BUNDLE, 'show');
}, 60_000);

/** The lines of one namespace's block: from its heading to the next unindented line. */
function block(name: string): string {
	const lines = text.split('\n');
	const start = lines.findIndex((l) => l === name || l.startsWith(`${name} `));
	const end = lines.findIndex((l, i) => i > start && l !== '' && !l.startsWith(' '));
	return lines.slice(start, end === -1 ? undefined : end).join('\n');
}

describe('nsdeck show (text)', () => {
	it('prints rules, neighbours, FDB, VNI, modes and forwarding', () => {
		const ns1 = block('ns1');
		expect(ns1).toMatch(/vx0\s+vxlan .*id 42 remote 10\.9\.9\.9/);
		expect(ns1).toMatch(/mv0\s+macvlan .*mode bridge/);
		expect(ns1).toContain('forwarding: IPv4 on, IPv6 off');
		expect(ns1).toMatch(/IPv4 rules: .*\n(.*\n)*.*100: from 10\.1\.1\.0\/24 lookup 100/);
		expect(ns1).toMatch(/300: not from all fwmark 0x1\/0xff lookup 200/);
		expect(ns1).toMatch(/IPv6 rules: .*\n?(.*\n)*.*from fd00:1::\/64 lookup 100/);
		expect(ns1).toContain('10.1.1.9 dev veth_ns1 lladdr 02:00:00:00:00:09 PERMANENT');
		expect(ns1).toMatch(/nexthop objects: id 7 via 10\.1\.1\.2 dev veth_ns1/);
		expect(block('host')).toContain('02:00:00:00:00:aa on veth_ns1_br0 (br0) static');
	});
});
