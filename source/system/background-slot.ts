// Reads of the world and the watcher's bookkeeping take turns: one such process at a time. With ip monitor
// beside it, nsdeck then has at most two children of its own, whatever the world does (2,000 namespaces
// created at once made four). What the user starts (a plan, ping, x, a shell) does not wait for a turn.
export type Slot = <T>(task: () => Promise<T>) => Promise<T>;

export function oneAtATime(): Slot {
	let last: Promise<unknown> = Promise.resolve();
	return <T>(task: () => Promise<T>): Promise<T> => {
		const turn = last.then(task, task);
		last = turn.catch(() => undefined);
		return turn;
	};
}

export const backgroundSlot: Slot = oneAtATime();
