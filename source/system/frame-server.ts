// The helper that lives as long as nsdeck and answers on its stdin (`nsdeck-netdump --serve DIR`,
// native/netdump.c serve), here or on a server through its connection (remote-system.ts): a namespace's
// counters for the rates, once a second, and (here) single reads of the selected namespace, polled every
// 2 s. Starting a process costs a Node process of ~150 MB ~25 ms of CPU (fork copies its page tables:
// measured with --cpu-prof, idle at 1,000 namespaces); a request costs a pipe write. Answers come in the
// order asked.
import {execa, type ResultPromise} from 'execa';
import {encodeRawName} from '../model/raw-names.js';
import {frameSplitter, type DumpFrame} from './netdump.js';
import {runningChildren} from './runner.js';

/** What to answer: `s` a namespace's links' counters, `r` the namespace read (with its nsids named). */
export type FrameRequest = 's' | 'r';

export interface FrameServer {
	/** The helper's frame for `path`, or undefined when it failed, died or took longer than `timeoutMs`. */
	readonly ask: (request: FrameRequest, path: string) => Promise<DumpFrame | undefined>;
	/** End the helper (it also ends by itself with nsdeck: a parent-death signal). */
	readonly close: () => void;
}

/** How the serving helper is started: its stdin and stdout piped, its frames as bytes. */
export const SERVE_OPTIONS = {stdin: 'pipe', stdout: 'pipe', stderr: 'ignore', buffer: false, encoding: 'buffer', reject: false} as const;

/** `helper --serve DIR` (nsids named after DIR's entries) on this machine. */
export const localServe = (helper: string, dir: string) => (): ResultPromise => execa(helper, ['--serve', dir], SERVE_OPTIONS);

/**
 * A serving helper that `start` starts (localServe, or one on a server over its connection), on the first
 * request and again after it ended or stopped answering.
 */
export function frameServer(start: () => ResultPromise, timeoutMs: number): FrameServer {
	let child: ResultPromise | undefined;
	let waiting: Array<(frame: DumpFrame | undefined) => void> = [];
	const stop = (): void => {
		const pending = waiting;
		waiting = [];
		for (const answer of pending) answer(undefined);
		if (child?.pid !== undefined) runningChildren.delete(child.pid);
		child?.kill('SIGKILL');
		child = undefined;
	};
	const begin = (): ResultPromise => {
		const started = start();
		started.stdout?.on('data', frameSplitter((frame) => waiting.shift()?.(frame)));
		// It enters the namespaces it reads and stays in the last one: it lives in none (discover.ts).
		if (started.pid !== undefined) runningChildren.add(started.pid);
		void started.then(() => {
			if (child === started) stop();
		});
		started.stdin?.on('error', () => undefined);
		return started;
	};
	const ask = (request: FrameRequest, path: string): Promise<DumpFrame | undefined> => {
		child ??= begin();
		const asked = child;
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				if (child === asked) stop();
			}, timeoutMs);
			waiting.push((frame) => {
				clearTimeout(timer);
				resolve(frame);
			});
			// A path's exact bytes: one that is no UTF-8 is kept as U+DC00+byte (raw-names.ts).
			asked.stdin?.write(Buffer.concat([Buffer.from(request), encodeRawName(path), Buffer.from([0])]));
		});
	};
	return {ask, close: stop};
}
