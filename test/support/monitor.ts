// `ip monitor` says nothing when it has subscribed, so a change made right after startWatch can come
// before it listens (on a slow CI machine it did). Tests change the host until the watcher reports it:
// from then on it hears every change.
import {expect, vi} from 'vitest';
import type {WorldChange} from '../../source/system/watch.js';
import {sh} from './sandbox.js';

let probe = 0;

export async function untilTheMonitorListens(changes: WorldChange[]): Promise<void> {
	const probes: string[] = [];
	try {
		await vi.waitFor(
			async () => {
				probe++;
				const address = `10.250.${probe >> 8}.${probe & 255}/32`;
				await sh('ip', 'addr', 'add', address, 'dev', 'lo');
				probes.push(address);
				await new Promise((resolve) => setTimeout(resolve, 100));
				expect(changes).toContainEqual({type: 'namespaces', ids: ['host']});
			},
			{timeout: 10_000, interval: 0},
		);
	} finally {
		// The probes go again: later tests in this sandbox (the demo's recording) see the host as it was.
		for (const address of probes) await sh('ip', 'addr', 'del', address, 'dev', 'lo');
	}
	changes.length = 0;
}
