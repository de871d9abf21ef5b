// Coalesces bursts of changes: a `ip link add … netns X` makes a dozen monitor events; we want one read
// of X. Changes wait `delayMs` for company, then one flush handles them all; changes arriving during a
// flush wait for the next one, so reads of one namespace never overlap.
import type {WorldChange} from '../system/watch.js';

export interface ChangeBatch {
	readonly ids: readonly string[];
	/** Host nsids of unnamed namespaces that changed: the caller finds which namespaces they are. */
	readonly nsids: readonly number[];
	/** Namespaces were added or removed: list again. */
	readonly list: boolean;
}

export class ChangeQueue {
	private ids = new Set<string>();
	private nsids = new Set<number>();
	private list = false;
	private timer: ReturnType<typeof setTimeout> | undefined;
	private running = false;
	private paused = 0;
	private stopped = false;

	constructor(
		private readonly flush: (batch: ChangeBatch) => Promise<void>,
		private readonly delayMs = 30,
	) {}

	add(change: WorldChange): void {
		if (change.type === 'list') this.list = true;
		else if (change.type === 'nsid') this.nsids.add(change.nsid);
		else for (const id of change.ids) this.ids.add(id);
		this.schedule();
	}

	/** Hold changes (while the whole world is being read); they flush on resume. */
	pause(): void {
		this.paused++;
	}

	resume(): void {
		this.paused = Math.max(this.paused - 1, 0);
		this.schedule();
	}

	stop(): void {
		this.stopped = true;
		if (this.timer) clearTimeout(this.timer);
	}

	private get waiting(): boolean {
		return this.list || this.ids.size > 0 || this.nsids.size > 0;
	}

	private schedule(): void {
		if (this.stopped || this.timer || this.running || this.paused > 0 || !this.waiting) return;
		this.timer = setTimeout(() => void this.run(), this.delayMs);
	}

	private async run(): Promise<void> {
		this.timer = undefined;
		if (this.stopped || this.paused > 0) return;
		const batch: ChangeBatch = {ids: [...this.ids], nsids: [...this.nsids], list: this.list};
		this.ids = new Set();
		this.nsids = new Set();
		this.list = false;
		this.running = true;
		try {
			await this.flush(batch);
		} catch {
			// A failed read shows on the next change or poll; the queue must keep going.
		} finally {
			this.running = false;
			this.schedule();
		}
	}
}
