// Reading iputils ping's output (run with LC_ALL=C and -n): each line as it arrives, and the summary at
// the end. Pure, so it is tested on captured text without a network.

export type PingLine =
	| {readonly kind: 'reply'; readonly from: string; readonly seq: number; readonly ttl?: number; readonly timeMs?: number}
	/** "From 10.9.0.1 icmp_seq=1 Destination Host Unreachable": an ICMP error instead of a reply. */
	| {readonly kind: 'error'; readonly from: string; readonly seq?: number; readonly text: string}
	| {readonly kind: 'other'; readonly text: string};

export interface PingSummary {
	readonly transmitted: number;
	readonly received: number;
	/** ICMP errors ping counted ("+2 errors"). */
	readonly errors: number;
	readonly lossPercent: number;
	readonly rtt?: {readonly min: number; readonly avg: number; readonly max: number; readonly mdev: number};
}

const REPLY = /^\d+ bytes from (\S+?):? icmp_seq=(\d+)(?: ttl=(\d+))?(?: time=([\d.]+) ms)?/;
const ERROR = /^From (\S+?):? (?:icmp_seq=(\d+) )?(.+)$/;

export function parsePingLine(line: string): PingLine {
	const text = line.trimEnd();
	const reply = REPLY.exec(text);
	if (reply) {
		return {
			kind: 'reply',
			from: reply[1],
			seq: Number(reply[2]),
			ttl: reply[3] === undefined ? undefined : Number(reply[3]),
			timeMs: reply[4] === undefined ? undefined : Number(reply[4]),
		};
	}
	const error = ERROR.exec(text);
	if (error) return {kind: 'error', from: error[1], seq: error[2] === undefined ? undefined : Number(error[2]), text: error[3]};
	return {kind: 'other', text};
}

const STATS = /(\d+) packets transmitted, (\d+) (?:packets )?received(?:, \+(\d+) errors)?(?:, \+\d+ duplicates)?(?:, \+\d+ corrupted)?, ([\d.]+)% packet loss/;
const RTT = /(?:rtt|round-trip) min\/avg\/max(?:\/mdev)? = ([\d.]+)\/([\d.]+)\/([\d.]+)(?:\/([\d.]+))? ms/;

/** The statistics ping prints at the end (also after SIGINT); undefined when it never got that far. */
export function parsePingSummary(output: string): PingSummary | undefined {
	const stats = STATS.exec(output);
	if (!stats) return undefined;
	const rtt = RTT.exec(output);
	return {
		transmitted: Number(stats[1]),
		received: Number(stats[2]),
		errors: stats[3] === undefined ? 0 : Number(stats[3]),
		lossPercent: Number(stats[4]),
		rtt: rtt ? {min: Number(rtt[1]), avg: Number(rtt[2]), max: Number(rtt[3]), mdev: Number(rtt[4] ?? 0)} : undefined,
	};
}

/** "4 sent, 4 received, 0% loss · rtt min/avg/max 0.050/0.102/0.154 ms" */
export function summaryText(s: PingSummary): string {
	const base = `${s.transmitted} sent, ${s.received} received, ${s.lossPercent}% loss${s.errors ? `, ${s.errors} error${s.errors === 1 ? '' : 's'}` : ''}`;
	return s.rtt ? `${base} · rtt min/avg/max ${s.rtt.min}/${s.rtt.avg}/${s.rtt.max} ms` : base;
}

/** ping could not run at all: the program is missing (in the host, or inside `ip netns exec`). */
export function pingMissing(text: string): boolean {
	return /exec of "ping" failed|ENOENT|ping: (?:command )?not found/i.test(text);
}
