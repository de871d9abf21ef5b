import {describe, expect, it} from 'vitest';
import {coalesce} from '../../source/system/coalesce.js';

describe('coalesce', () => {
	it('runs a burst of 1,000 calls as one run in flight and one more after it, never two at once', async () => {
		let inFlight = 0;
		let most = 0;
		let runs = 0;
		const task = coalesce(async () => {
			runs++;
			most = Math.max(most, ++inFlight);
			await new Promise((resolve) => setTimeout(resolve, 10));
			inFlight--;
		});
		await Promise.all(Array.from({length: 1000}, () => task()));
		expect(most).toBe(1);
		expect(runs).toBe(2);
	});

	it('a failed run does not stop the waiting one', async () => {
		let runs = 0;
		const task = coalesce(async () => {
			runs++;
			if (runs === 1) throw new Error('first fails');
		});
		const first = task();
		const second = task();
		await expect(first).rejects.toThrow('first fails');
		await second;
		expect(runs).toBe(2);
	});
});
