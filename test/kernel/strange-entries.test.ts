// Whatever lies in /run/netns is read without blocking: a FIFO there (anyone who may write the directory
// can make one) is listed as unreadable with the reason, and the real namespaces beside it are read at once.
import {afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {findNetdump} from '../../source/system/netdump-binary.js';
import {runCommand} from '../../source/system/runner.js';
import {readWorld} from '../../source/system/snapshot.js';
import {requireSandbox, resetWorld, sh} from '../support/sandbox.js';

beforeAll(requireSandbox);
beforeEach(async () => {
	await resetWorld();
	await sh('ip', 'netns', 'add', 'real1');
	await sh('mkfifo', '/run/netns/trap');
});
afterEach(() => sh('rm', '-f', '/run/netns/trap'));

describe('a FIFO in /run/netns', () => {
	it.each([
		['with the helper', findNetdump()],
		['with ip', undefined],
	])('%s: listed as unreadable, the rest read, within a second', async (_how, netdump) => {
		const t0 = performance.now();
		const world = await readWorld(runCommand, netdump);
		expect(performance.now() - t0).toBeLessThan(1000);
		const trap = world.namespaces.find((n) => n.id === 'trap');
		expect(trap?.error).toMatch(/not a (network )?namespace/);
		expect(world.namespaces.find((n) => n.id === 'real1')?.links.map((l) => l.name)).toEqual(['lo']);
	});
});
