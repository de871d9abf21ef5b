// `ip monitor` says nothing when it has subscribed, so a change made right after startWatch can come
// before it listens (on a slow CI machine it did). Tests change the host until the watcher reports it:
// from then on it hears every change.
import {expect, vi} from 'vitest';
import type {WorldChange} from '../../source/system/watch.js';
import {sh} from './sandbox.js';

let probe = 0;

export async function untilTheMonitorListens(changes: WorldChange[]): Promise<void> {
	await vi.waitFor(
		async () => {
			probe++;
			await sh('ip', 'addr', 'add', `10.250.${probe >> 8}.${probe & 255}/32`, 'dev', 'lo');
			await new Promise((resolve) => setTimeout(resolve, 100));
			expect(changes).toContainEqual({type: 'namespaces', ids: ['host']});
		},
		{timeout: 10_000, interval: 0},
	);
	changes.length = 0;
}
