// Output that arrives faster than anyone can read it (`yes`) lands in batches, ten times a second, with
// at most `keep` lines waiting (older ones are dropped: the panel keeps only its last lines anyway).
import type {OutputLine} from './ping-runs.js';

export const BATCH_MS = 100;

export interface LineBatcher {
	add(line: OutputLine): void;
	/** Lines that never came as lines (the runner dropped them): counted with the next batch. */
	drop(count: number): void;
	/** Hand over what waits, now (the command ended). */
	flush(): void;
}

/** `land` gets each batch, and how many lines were dropped from it unseen since the last one. */
export function lineBatcher(land: (lines: readonly OutputLine[], dropped: number) => void, keep: number): LineBatcher {
	let waiting: OutputLine[] = [];
	let dropped = 0;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const flush = (): void => {
		clearTimeout(timer);
		timer = undefined;
		if (waiting.length === 0 && dropped === 0) return;
		const batch = waiting;
		const lost = dropped;
		waiting = [];
		dropped = 0;
		land(batch, lost);
	};
	return {
		add(line) {
			waiting.push(line);
			if (waiting.length > 2 * keep) {
				dropped += waiting.length - keep;
				waiting = waiting.slice(-keep);
			}
			timer ??= setTimeout(flush, BATCH_MS);
		},
		drop(count) {
			dropped += count;
			timer ??= setTimeout(flush, BATCH_MS);
		},
		flush,
	};
}
