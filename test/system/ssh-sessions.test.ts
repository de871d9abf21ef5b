// Short commands to a server share six of its sessions (sshd refuses a connection's eleventh): the rest
// wait, in turn, and a freed slot goes to the first waiting, never to a newcomer.
import {describe, expect, it} from 'vitest';
import {sessionSlots} from '../../source/system/ssh-transport.js';

describe('sessionSlots', () => {
	it('runs at most that many at once, and each waiting one in turn', async () => {
		const slot = sessionSlots(2);
		let running = 0;
		let most = 0;
		const order: number[] = [];
		const releases: Array<() => void> = [];
		const work = (n: number) => () =>
			new Promise<number>((resolve) => {
				running++;
				most = Math.max(most, running);
				order.push(n);
				releases.push(() => {
					running--;
					resolve(n);
				});
			});
		const all = [1, 2, 3, 4, 5].map((n) => slot(work(n)));
		await Promise.resolve();
		expect(order).toEqual([1, 2]);
		// One ends; a newcomer arrives at once: the first waiting still goes first.
		releases.shift()?.();
		const late = slot(work(6));
		for (let i = 0; i < 20 && releases.length > 0; i++) {
			await new Promise((resolve) => setTimeout(resolve, 0));
			releases.shift()?.();
		}
		expect(await Promise.all([...all, late])).toEqual([1, 2, 3, 4, 5, 6]);
		expect(order).toEqual([1, 2, 3, 4, 5, 6]);
		expect(most).toBe(2);
	});

	it('frees the slot when a command fails', async () => {
		const slot = sessionSlots(1);
		await expect(slot(() => Promise.reject(new Error('gone')))).rejects.toThrow('gone');
		expect(await slot(() => Promise.resolve('next'))).toBe('next');
	});
});
