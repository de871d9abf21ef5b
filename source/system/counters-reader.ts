// The links' counters of one namespace, for the live rates, read about once a second. With the helper:
// the one `nsdeck-netdump --serve` for nsdeck's whole life (frame-server.ts), asked a path on its stdin
// and answering a frame (native/link-stats.c), so a refresh starts no process. Without it: `ip -s -j
// link` in the namespace, one process per reading (the slow path, as for everything read without the
// helper).
import {parseLinkCounters, type CountersByIndex} from '../model/traffic/counters.js';
import type {FrameServer} from './frame-server.js';
import {inNamespace, type NetnsLocation} from './netns-location.js';
import type {Runner} from './runner.js';

export type CountersRead = (location: NetnsLocation) => Promise<CountersByIndex | undefined>;

const utf8 = new TextDecoder();

/** A reading that takes longer than this is given up (the helper is then started again). */
const READ_TIMEOUT_MS = 5_000;

/** `ip -s -j link` in the namespace: the fallback without the helper. */
export const countersWithIp = (run: Runner): CountersRead => async (location) => {
	const result = await run(inNamespace(location, ['ip', '-s', '-j', 'link', 'show']), {timeoutMs: READ_TIMEOUT_MS});
	return result.exitCode === 0 ? parseLinkCounters(result.stdout) : undefined;
};

/** Counters from the helper that serves nsdeck's whole life (frame-server.ts). */
export const helperCounters = (server: FrameServer): CountersRead => async (location) => {
	const frame = await server.ask('s', location.path);
	return frame && frame.errno === 0 ? parseLinkCounters(utf8.decode(frame.bytes)) : undefined;
};
