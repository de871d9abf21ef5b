// Commands that look inside a namespace without changing it: ping, a shell, one typed command. They run
// through `ip netns exec NS` (plain in the host), the idiom users learn, and are argv arrays like a plan's.
import {execIn} from './plan.js';

export interface PingRequest {
	readonly ns: string;
	readonly target: string;
	readonly family: 4 | 6;
	readonly count: number;
	/** Seconds between packets; non-root users cannot go below 0.2. */
	readonly interval: number;
}

/** How long ping waits for the last reply when none came: its 10 s default feels like a hang. */
export const PING_WAIT_S = 2;

/** `-n`: numbers only, no DNS lookup that could stall; `-6` for IPv6 targets (ping6 semantics). */
export function pingArgv(r: PingRequest): string[] {
	return execIn(r.ns, 'ping', ...(r.family === 6 ? ['-6'] : []), '-n', '-c', String(r.count), '-i', String(r.interval), '-W', String(PING_WAIT_S), r.target);
}

/** A generous limit: the pings themselves, the last wait, and slack. */
/**
 * Node's timers hold at most 2^31 − 1 ms (~24.8 days): a longer timeout fires after 1 ms instead, which
 * killed a long ping after its first reply. The form keeps count × interval below that; this holds it too.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export const pingTimeoutMs = (r: PingRequest): number => Math.min(Math.ceil((r.count * r.interval + PING_WAIT_S + 10) * 1000), MAX_TIMER_MS);

/** The user's shell, else /bin/sh. */
export const shellPath = (shell: string | undefined): string => shell || '/bin/sh';

/** The shell inside the namespace, with what makes its prompt name it (system/shell-prompt.ts). */
export const shellArgv = (ns: string, shell: string | undefined, args: readonly string[] = []): string[] => execIn(ns, shellPath(shell), ...args);

export const commandArgv = (ns: string, words: readonly string[]): string[] => execIn(ns, ...words);

/**
 * A typed line with shell syntax (model/shell-line.ts), run by sh inside the namespace: `ip netns exec NS
 * sh -c LINE`. The line is one word of the argv, so the log and a script quote it and re-run it exactly.
 */
export const shellLineArgv = (ns: string, line: string): string[] => execIn(ns, 'sh', '-c', line);
