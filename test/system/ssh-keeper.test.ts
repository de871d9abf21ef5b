// The keeper of a server's connection, against a fake master: lost, it says so with the last read's time,
// tries again after growing pauses (fake timers), never once closed, and tells its listeners when back.
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {connectionNote, keepConnected} from '../../source/system/ssh-keeper.js';
import type {SshHost} from '../../source/system/ssh-transport.js';

/** A master that ends when told, and connects again per the answers queued. */
function fakeHost() {
	let end: () => void = () => {};
	let closed = false;
	const answers: Array<string | undefined> = [];
	const tries: number[] = [];
	const fresh = (): Promise<void> => new Promise((resolve) => (end = resolve));
	let ended = fresh();
	const host = {
		dest: 'h2',
		connected: () => true,
		closed: () => closed,
		ended: () => ended,
		connect: vi.fn(async ({batch}: {batch?: boolean} = {}) => {
			expect(batch).toBe(true);
			tries.push(Date.now());
			const answer = answers.shift();
			if (answer === undefined) ended = fresh();
			return answer;
		}),
	} as unknown as SshHost;
	return {host, answers, tries, drop: () => end(), close: () => (closed = true)};
}

beforeEach(() => void vi.useFakeTimers({now: 1_000_000}));
afterEach(() => void vi.useRealTimers());

describe('keeping a server connected', () => {
	it('is disconnected once the master ends, and back after tries with growing pauses', async () => {
		const fake = fakeHost();
		const keeper = keepConnected(fake.host, {backoffMs: [100, 200, 400]});
		const back = vi.fn();
		keeper.onBack(back);
		keeper.noteRead();
		fake.answers.push('h2: cannot reach 10.0.0.2', 'h2: cannot reach 10.0.0.2');
		fake.drop();
		await vi.advanceTimersByTimeAsync(0);
		expect(keeper.state()).toMatchObject({up: false, lastRead: 1_000_000});
		expect(connectionNote('h2', keeper.state(), () => '12:00:00')).toBe('h2 disconnected, last read 12:00:00; reconnecting');
		await vi.advanceTimersByTimeAsync(1000);
		expect(fake.tries.map((t) => t - 1_000_000)).toEqual([100, 300, 700]);
		expect(keeper.state().up).toBe(true);
		expect(back).toHaveBeenCalledTimes(1);
		expect(connectionNote('h2', keeper.state())).toBeUndefined();
		keeper.stop();
	});

	it('never connects again once closed on purpose (quit)', async () => {
		const fake = fakeHost();
		const keeper = keepConnected(fake.host, {backoffMs: [100]});
		fake.close();
		fake.drop();
		await vi.advanceTimersByTimeAsync(1000);
		expect(fake.tries).toEqual([]);
		expect(keeper.state().up).toBe(true);
	});
});
