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
});
