// World files against what this kernel can do: a kind it cannot make is refused before anything runs,
// and a declared route that differs from the kernel's only by its gateway replaces it.
import {afterAll, beforeEach, describe, expect, it} from 'vitest';
import {requireSandbox, resetWorld, sh} from '../support/sandbox.js';
import {nsdeck, save, worldFileDir} from '../support/world-cli.js';

const files = worldFileDir('world-limits');
afterAll(files.remove);

/** Whether this kernel makes a dummy link: asked here the way a user would, in a namespace of the test's own. */
async function dummyIsMade(): Promise<boolean> {
	await sh('ip', 'netns', 'add', 'kindcheck');
	try {
		await sh('ip', '-n', 'kindcheck', 'link', 'add', 'name', 'd0', 'type', 'dummy');
		return true;
	} catch {
		return false;
	} finally {
		await sh('ip', 'netns', 'del', 'kindcheck');
	}
}

describe('world files and the kernel', () => {
	beforeEach(async () => {
		requireSandbox();
		await resetWorld();
	});

	it('a link of a kind this kernel cannot make is refused by diff and apply, with the reason, and nothing changes', async () => {
		const made = await dummyIsMade();
		const path = files.file('dummy.yaml', ['nsdeck: 1', 'namespaces:', '  dm:', '    links:', '      d0: {kind: dummy, up: true, addresses: [10.5.0.1/24]}', ''].join('\n'));
		const before = save();
		const diff = nsdeck('diff', path);
		const apply = nsdeck('apply', path, '--yes');
		if (made) {
			// This kernel has dummy links: the file is planned and applied as any other.
			expect(diff.status).toBe(2);
			expect(apply.status).toBe(0);
			return;
		}
		for (const result of [diff, apply]) {
			expect(result.status).toBe(1);
			expect(result.stdout).toBe('');
			expect(result.stderr).toMatch(new RegExp(`^nsdeck: ${path}: dm/d0: this kernel cannot make a dummy link \\(.+\\)\\n$`));
		}
		expect(save()).toBe(before);
		expect(await sh('ip', 'netns', 'list')).toBe('');
	});

	it('a declared route that differs from the kernel\'s only by its gateway replaces it, and a failed apply puts it back', async () => {
		const world = (via: string, extra: string[] = []): string =>
			files.file(`route-${via}.yaml`, [
				'nsdeck: 1',
				'namespaces:',
				'  rt:',
				'    links:',
				'      v0: {kind: veth, peer: rt/v1, up: true, addresses: [10.6.0.1/24]}',
				'      v1: {kind: veth, peer: rt/v0, up: true}',
				'    routes:',
				`      - {to: 10.8.0.0/16, via: ${via}, table: 100, metric: 7}`,
				...extra,
				'',
			].join('\n'));
		expect(nsdeck('apply', world('10.6.0.2'), '--yes').status).toBe(0);
		const moved = world('10.6.0.3');
		const diff = nsdeck('diff', moved);
		expect(diff.stdout).toContain('ip -n rt route del 10.8.0.0/16 table 100 metric 7 proto boot scope global via 10.6.0.2 dev v0');
		expect(diff.stdout).toContain('ip -n rt route add 10.8.0.0/16 table 100 metric 7 proto boot via 10.6.0.3');
		const applied = nsdeck('apply', moved, '--yes');
		expect(applied.stderr).toBe('');
		expect(applied.status).toBe(0);
		expect(await sh('ip', '-n', 'rt', 'route', 'show', 'table', '100')).toBe('10.8.0.0/16 via 10.6.0.3 dev v0 metric 7 \n');
		expect(nsdeck('diff', moved).status).toBe(0);
		// A step after the replacement fails: the route is as it was.
		const failing = nsdeck('apply', world('10.6.0.2', ['      - {to: 10.9.0.0/16, via: 10.99.0.1}']), '--yes');
		expect(failing.status).toBe(1);
		expect(failing.stderr).toMatch(/rolled back/);
		expect(await sh('ip', '-n', 'rt', 'route', 'show', 'table', '100')).toBe('10.8.0.0/16 via 10.6.0.3 dev v0 metric 7 \n');
	});
});
