// Bursts of events (hundreds of namespaces created at once) must not start hundreds of processes: a task
// run through `coalesce` has at most one run in flight and one waiting; every call made meanwhile joins
// the waiting run, which starts when the running one ends and sees everything that happened until then.
export function coalesce(task: () => Promise<void>): () => Promise<void> {
	let running: Promise<void> | undefined;
	let waiting: Promise<void> | undefined;
	const start = (): Promise<void> => {
		running = task().finally(() => {
			running = undefined;
		});
		return running;
	};
	return () => {
		if (!running) return start();
		waiting ??= running
			.catch(() => undefined)
			.then(() => {
				waiting = undefined;
				return start();
			});
		return waiting;
	};
}
