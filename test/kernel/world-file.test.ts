// `nsdeck save`, `diff`, `apply` and `destroy` against real namespaces: a saved world comes back byte for
// byte after destroy and apply; a second apply and a diff change nothing; destroy takes only what the file
// declares; a failed apply leaves the world as it was; a netnsplan file applies and its veth pings.
import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeEach, describe, expect, it} from 'vitest';
import {serializeWorldFile} from '../../source/model/world-file/serialize.js';
import {randomWorld} from '../support/random-world.js';
import {buildLabScenario, namedNamespaces, requireSandbox, resetWorld, sh} from '../support/sandbox.js';
import {BUNDLE} from '../support/tmux.js';
import {nsdeck, save, worldFileDir} from '../support/world-cli.js';

const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples', 'worlds');
const files = worldFileDir('world-file');
afterAll(files.remove);
const file = files.file;

/** save → destroy → apply → save: the same bytes; then apply and diff have nothing to do. */
function roundTrip(name: string, ...flags: string[]): void {
	const first = save(...flags);
	const path = file(`${name}.yaml`, first);
	const destroyed = nsdeck('destroy', path, '--yes');
	expect(destroyed.stderr).toBe('');
	expect(destroyed.status).toBe(0);
	expect(readFileSync('/proc/self/mountinfo', 'utf8')).not.toMatch(/\/run\/netns\/(ns1|client|rw0)\b/);
	const applied = nsdeck('apply', path, '--yes');
	expect(applied.stderr).toBe('');
	expect(applied.status).toBe(0);
	expect(save(...flags)).toBe(first);
	const again = nsdeck('apply', path, '--yes');
	expect(again.stdout).toBe('The world matches the file: nothing to change.\n');
	expect(nsdeck('diff', path).status).toBe(0);
}

describe('world files against the kernel', () => {
	beforeEach(async () => {
		requireSandbox();
		await resetWorld();
	});

	it.each(['bridge', 'pair'])('the %s scenario saves, is destroyed, applies back and saves byte-identical', async (scenario) => {
		await buildLabScenario(scenario);
		roundTrip(scenario);
	});

	it('with --macs, every made link keeps its MAC address through destroy and apply', async () => {
		await buildLabScenario('bridge');
		expect(save('--macs')).toMatch(/mac: /);
		roundTrip('bridge-macs', '--macs');
	});

	it.each([1, 2, 3, 4])('random world %i: applies, and comes back byte-identical after destroy', (seed) => {
		const path = file(`random-${seed}.yaml`, serializeWorldFile(randomWorld(seed)));
		const applied = nsdeck('apply', path, '--yes');
		expect(applied.stderr).toBe('');
		expect(applied.status).toBe(0);
		expect(nsdeck('diff', path).status).toBe(0);
		roundTrip(`random-${seed}-saved`);
	});

	it('diff prints the plan, exits 2, and changes nothing', async () => {
		await buildLabScenario('bridge');
		const path = file('bridge-diff.yaml', save());
		await sh('ip', '-n', 'ns1', 'addr', 'del', '10.1.1.1/24', 'dev', 'veth_ns1');
		const before = save();
		const diff = nsdeck('diff', path);
		expect(diff.status).toBe(2);
		expect(diff.stdout).toContain('ip -n ns1 addr add 10.1.1.1/24 dev veth_ns1');
		expect(save()).toBe(before);
	});

	it('a bad file is one line naming file, line and field, exit 2, and nothing runs', async () => {
		await buildLabScenario('pair');
		const before = save();
		const path = file('bad.yaml', 'nsdeck: 1\nnamespaces:\n  extra:\n    links:\n      e0: {kind: veth, peer: client/e1, mtu: big}\n');
		for (const command of ['diff', 'apply', 'destroy']) {
			const result = nsdeck(command, path, '--yes');
			expect(result.status).toBe(2);
			expect(result.stderr).toBe(`nsdeck: ${path}:5: namespaces.extra.links.e0.mtu: must be a whole number from 68 to 65535\n`);
		}
		expect(save()).toBe(before);
	});

	it('save --ns writes only the namespaces named', async () => {
		await buildLabScenario('pair');
		const only = nsdeck('save', '-', '--ns', 'client', '--ns', 'server');
		expect(only.stdout).toMatch(/^ {2}client:$/m);
		expect(only.stdout).toMatch(/^ {2}server:$/m);
		expect(only.stdout).not.toMatch(/^ {2}host:$/m);
	});

	it('destroy leaves what the file does not declare alone', async () => {
		await buildLabScenario('pair');
		const path = file('pair-destroy.yaml', save());
		await sh('ip', 'netns', 'add', 'other');
		await sh('ip', 'link', 'add', 'name', 'keep0', 'type', 'bridge');
		await sh('ip', 'link', 'add', 'name', 'keepa', 'type', 'veth', 'peer', 'name', 'keepb', 'netns', 'other');
		const result = nsdeck('destroy', path, '--yes');
		expect(result.status).toBe(0);
		expect(await namedNamespaces()).toEqual(['other']);
		const links = await sh('ip', '-br', 'link');
		expect(links).toMatch(/^keep0 /m);
		expect(links).toMatch(/^keepa@/m);
	});

	it('an apply whose step fails midway is rolled back: the world is as before', async () => {
		await buildLabScenario('pair');
		const before = save();
		const path = file('fails.yaml', [
			'nsdeck: 1',
			'namespaces:',
			'  late:',
			'    links:',
			'      l0: {kind: veth, peer: client/l1, up: true, addresses: [10.7.0.1/24]}',
			'    routes:',
			'      - {to: 10.8.0.0/16, via: 10.99.0.1}',
			'  client:',
			'    links:',
			'      l1: {kind: veth, peer: late/l0, up: true}',
			'',
		].join('\n'));
		const result = nsdeck('apply', path, '--yes');
		expect(result.status).toBe(1);
		expect(result.stderr).toMatch(/failed: ip -n late route add 10\.8\.0\.0\/16/);
		expect(result.stderr).toMatch(/rolled back/);
		expect(save()).toBe(before);
	});

	it.each(['bridge', 'pair'])('the %s scenario saves exactly as its built-in file, and `nsdeck lab FILE` builds it', async (scenario) => {
		await buildLabScenario(scenario);
		const builtin = join(EXAMPLES, `${scenario}.yaml`);
		expect(save()).toBe(readFileSync(builtin, 'utf8'));
		const lab = spawnSync('env', ['-u', 'NSDECK_SANDBOX', process.execPath, BUNDLE, 'lab', builtin, '--show'], {encoding: 'utf8'});
		expect(lab.stderr).toBe('');
		expect(lab.status).toBe(0);
		// Carrier, IPv6 link-local routes and the MACs a bridge learns (of random addresses, from the
		// kernel's own IPv6 chatter) come when the kernel gets to them: not what the file says. Before the
		// first is learnt, the FDB's line says there is none.
		const steady = (text: string): string[] =>
			text
				.split('\n')
				.filter((line) => !/route fe80::/.test(line) && !/ learnt$/.test(line) && !/bridge FDB: no MAC learnt/.test(line))
				.map((line) => line.replace(/\b(UP|NO-CARRIER|LOWERLAYERDOWN|UNKNOWN|DOWN)\s+/, 'STATE '));
		expect(steady(lab.stdout)).toEqual(steady(nsdeck('show').stdout));
	});

	it('a netnsplan file with veth peers across namespaces applies, and the ends ping', async () => {
		const path = join(EXAMPLES, 'netnsplan-pair.yaml');
		const applied = nsdeck('apply', path, '--yes');
		expect(applied.stderr).toBe('');
		expect(applied.status).toBe(0);
		await sh('ip', 'netns', 'exec', 'np1', 'ping', '-c', '1', '-W', '5', '192.168.30.2');
		expect(await sh('ip', '-n', 'np2', 'route', 'show', '192.168.40.0/24')).toContain('via 192.168.30.1');
		expect(nsdeck('apply', path, '--yes').stdout).toBe('The world matches the file: nothing to change.\n');
	});
});
