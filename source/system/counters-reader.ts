// The links' counters of one namespace, for the live rates, read about once a second. With the helper:
// one `nsdeck-netdump --stats` for nsdeck's whole life, asked a path on its stdin and answering a frame
// (native/link-stats.c), so a refresh starts no process. Without it: `ip -s -j link` in the namespace,
// one process per reading (the slow path, as for everything read without the helper).
import {execa, type ResultPromise} from 'execa';
import {parseLinkCounters, type CountersByIndex} from '../model/traffic/counters.js';
import {frameSplitter, type DumpFrame} from './netdump.js';
import {inNamespace, type NetnsLocation} from './netns-location.js';
import {runningChildren, type Runner} from './runner.js';

export type CountersRead = (location: NetnsLocation) => Promise<CountersByIndex | undefined>;

export interface CountersReader {
	readonly read: CountersRead;
	/** End the helper (it also ends by itself with nsdeck: a parent-death signal). */
	readonly close: () => void;
}

const utf8 = new TextDecoder();

/** A reading that takes longer than this is given up (the helper is then started again). */
const READ_TIMEOUT_MS = 5_000;

/** `ip -s -j link` in the namespace: the fallback without the helper. */
export const countersWithIp = (run: Runner): CountersRead => async (location) => {
	const result = await run(inNamespace(location, ['ip', '-s', '-j', 'link', 'show']), {timeoutMs: READ_TIMEOUT_MS});
	return result.exitCode === 0 ? parseLinkCounters(result.stdout) : undefined;
};

/** The helper in --stats mode, started on the first read; readings are answered in the order asked. */
export function helperCounters(helper: string): CountersReader {
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
	const start = (): ResultPromise => {
		const started = execa(helper, ['--stats'], {stdin: 'pipe', stdout: 'pipe', stderr: 'ignore', buffer: false, encoding: 'buffer', reject: false});
		const onFrame = (frame: DumpFrame): void => waiting.shift()?.(frame);
		started.stdout?.on('data', frameSplitter(onFrame));
		// It enters the namespaces it reads and stays in the last one: it lives in none (discover.ts).
		if (started.pid !== undefined) runningChildren.add(started.pid);
		void started.then(() => {
			if (child === started) stop();
		});
		started.stdin?.on('error', () => undefined);
		return started;
	};
	const read: CountersRead = (location) => {
		child ??= start();
		const asked = child;
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				if (child === asked) stop();
			}, READ_TIMEOUT_MS);
			waiting.push((frame) => {
				clearTimeout(timer);
				resolve(frame && frame.errno === 0 ? parseLinkCounters(utf8.decode(frame.bytes)) : undefined);
			});
			asked.stdin?.write(`${location.path}\0`);
		});
	};
	return {read, close: stop};
}
