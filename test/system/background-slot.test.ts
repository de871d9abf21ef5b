import {describe, expect, it} from 'vitest';
import {oneAtATime} from '../../source/system/background-slot.js';

describe('oneAtATime', () => {
	it('runs tasks one after another, in the order asked, and a failure does not hold up the next', async () => {
		const slot = oneAtATime();
		let running = 0;
		let most = 0;
		const order: number[] = [];
		const task = (n: number, fail = false) => () =>
			new Promise<number>((resolve, reject) => {
				most = Math.max(most, ++running);
				setTimeout(() => {
					running--;
					order.push(n);
					if (fail) reject(new Error(`task ${n}`));
					else resolve(n);
				}, 5);
			});
		const results = await Promise.allSettled([slot(task(1)), slot(task(2, true)), slot(task(3))]);
		expect(most).toBe(1);
		expect(order).toEqual([1, 2, 3]);
		expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
	});

	it('starts a task at once when none is before it', () => {
		const slot = oneAtATime();
		let started = false;
		void slot(async () => {
			started = true;
		});
		expect(started).toBe(true);
	});
});
