// Nexthop objects in world files, against the kernel: saved with the routes that name them by nhid,
// applied back byte-identical after destroy, and an object whose hop changed is replaced in place.
import {afterAll, beforeEach, describe, expect, it} from 'vitest';
import {requireSandbox, resetWorld, sh} from '../support/sandbox.js';
import {nsdeck, save, worldFileDir} from '../support/world-cli.js';

const files = worldFileDir('world-nexthops');
afterAll(files.remove);

const WORLD = (gateway: string): string =>
	[
		'nsdeck: 1',
		'namespaces:',
		'  nh:',
		'    links:',
		'      lo: {external: true, up: true}',
		'      v0: {kind: veth, peer: nh/v1, up: true, addresses: [10.6.0.1/24]}',
		'      v1: {kind: veth, peer: nh/v0, up: true}',
		'    nexthops:',
		`      - {id: 5, via: ${gateway}, dev: v0}`,
		'      - {id: 6, via: 10.6.0.3, dev: v0}',
		'      - {id: 8, blackhole: true}',
		'      - {id: 7, group: [{id: 5, weight: 2}, {id: 6}]}',
		'    routes:',
		'      - {to: 10.9.0.0/16, nhid: 7}',
		'      - {to: 10.10.0.0/16, nhid: 5, table: 100}',
		'      - {to: 10.11.0.0/16, nhid: 8}',
		'',
	].join('\n');

describe('nexthop objects in world files', () => {
	beforeEach(async () => {
		requireSandbox();
		await resetWorld();
	});

	it('apply makes them and the routes through them; save writes them; destroy and apply give the same file', async () => {
		const path = files.file('nh.yaml', WORLD('10.6.0.2'));
		const applied = nsdeck('apply', path, '--yes');
		expect(applied.stderr).toBe('');
		expect(applied.status).toBe(0);
		expect(await sh('ip', '-n', 'nh', 'nexthop', 'show', 'id', '7')).toContain('group 5,2/6');
		expect(await sh('ip', '-n', 'nh', 'route', 'show', '10.9.0.0/16')).toContain('nhid 7');
		expect(nsdeck('diff', path).status).toBe(0);
		const saved = save();
		expect(saved).toMatch(/nexthops:\n {6}- id: 5\n/);
		expect(saved).toMatch(/nhid: 7/);
		const again = files.file('nh-saved.yaml', saved);
		expect(nsdeck('destroy', again, '--yes').status).toBe(0);
		expect(nsdeck('apply', again, '--yes').status).toBe(0);
		expect(save()).toBe(saved);
	});

	it('an object whose gateway changed is replaced in place, and the routes through it stay', async () => {
		expect(nsdeck('apply', files.file('nh-a.yaml', WORLD('10.6.0.2')), '--yes').status).toBe(0);
		const moved = files.file('nh-b.yaml', WORLD('10.6.0.4'));
		const diff = nsdeck('diff', moved);
		expect(diff.stdout).toContain('ip -n nh nexthop replace id 5 via 10.6.0.4 dev v0');
		const applied = nsdeck('apply', moved, '--yes');
		expect(applied.stderr).toBe('');
		expect(applied.status).toBe(0);
		expect(await sh('ip', '-n', 'nh', 'route', 'show', 'table', '100')).toContain('10.10.0.0/16 nhid 5 via 10.6.0.4 dev v0');
		expect(nsdeck('diff', moved).status).toBe(0);
	});
});
