// A namespace's ICMP counters from /proc/net/snmp (read inside it): how many echo requests came in and how
// many replies went out. The text comes from a file read through a process: checked, never trusted.

export interface EchoCounters {
	readonly inEchos: number;
	readonly outEchoReps: number;
}

/** The `Icmp:` header and value lines of /proc/net/snmp; undefined when they are not there or not numbers. */
export function parseEchoCounters(text: string): EchoCounters | undefined {
	const lines = text.split('\n').filter((l) => l.startsWith('Icmp: '));
	const [names, values] = lines.map((l) => l.slice('Icmp: '.length).trim().split(/\s+/));
	if (!names || !values || names.length !== values.length) return undefined;
	const field = (name: string): number | undefined => {
		const value = Number(values[names.indexOf(name)]);
		return names.includes(name) && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
	};
	const inEchos = field('InEchos');
	const outEchoReps = field('OutEchoReps');
	return inEchos === undefined || outEchoReps === undefined ? undefined : {inEchos, outEchoReps};
}

/**
 * Echo requests answered since `baseline` (the first reading): the fewer of requests in and replies out, so
 * a request dropped before its reply does not count. A namespace made again starts from 0.
 */
export function echoesSince(baseline: EchoCounters, now: EchoCounters): number {
	const base = now.inEchos < baseline.inEchos || now.outEchoReps < baseline.outEchoReps ? {inEchos: 0, outEchoReps: 0} : baseline;
	return Math.min(now.inEchos - base.inEchos, now.outEchoReps - base.outEchoReps);
}
