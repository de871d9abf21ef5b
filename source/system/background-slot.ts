// Reads of the world and the watcher's bookkeeping take turns: one such process at a time. With ip monitor
// beside it, nsdeck then has at most two children of its own, whatever the world does (2,000 namespaces
// created at once made four). What the user starts (a plan, ping, x, a shell) does not wait for a turn.
export type Slot = <T>(task: () => Promise<T>) => Promise<T>;

export function oneAtATime(): Slot {
	let last: Promise<unknown> = Promise.resolve();
	let waiting = 0;
	return <T>(task: () => Promise<T>): Promise<T> => {
		// With none before it, a task starts at once, not a microtask later: `nsdeck show` starts its read
		// while its modules still load (early-start.ts), and a microtask would wait until they all have.
		const turn = waiting === 0 ? (async () => task())() : last.then(task, task);
		waiting++;
		last = turn.catch(() => undefined).then(() => waiting--);
		return turn;
	};
}

export const backgroundSlot: Slot = oneAtATime();
