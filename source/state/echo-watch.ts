// For a tutorial with `echoed` checks: once a second, the ICMP counters of the namespaces those checks
// name, as echo requests answered since the first reading (model/tutorial/icmp-counters.ts). A ping typed
// in a shell (s) shows here once the shell gives the terminal back. A plain module, tested with fake timers.
import {echoesSince, type EchoCounters} from '../model/tutorial/icmp-counters.js';
import type {Check, NsName, Tutorial} from '../model/tutorial/types.js';

export const ECHO_POLL_MS = 1_000;

function echoedIn(check: Check, into: Set<NsName>): void {
	if ('all' in check) check.all.forEach((c) => echoedIn(c, into));
	else if ('any' in check) check.any.forEach((c) => echoedIn(c, into));
	else if ('not' in check) echoedIn(check.not, into);
	else if ('echoed' in check) into.add(check.echoed.ns);
}

/** The namespaces a tutorial's `echoed` checks name: none, and nothing is read. */
export function echoedNamespaces(tutorial: Tutorial): NsName[] {
	const names = new Set<NsName>();
	for (const step of tutorial.steps) echoedIn(step.check, names);
	return [...names];
}

export type EchoRead = (ns: NsName) => Promise<EchoCounters | undefined>;

/** Reads until stop(); hands over the counts whenever one changes. */
export function watchEchoes(names: readonly NsName[], read: EchoRead, onChange: (echoes: ReadonlyMap<NsName, number>) => void): () => void {
	const baselines = new Map<NsName, EchoCounters>();
	let counts = new Map<NsName, number>();
	let busy = false;
	let stopped = false;
	const tick = async (): Promise<void> => {
		if (busy) return;
		busy = true;
		try {
			const next = new Map(counts);
			for (const ns of names) {
				const now = await read(ns).catch(() => undefined);
				// Not there (yet): its first reading, once it exists, is where it starts.
				if (!now) {
					baselines.delete(ns);
					continue;
				}
				const baseline = baselines.get(ns) ?? now;
				baselines.set(ns, baseline);
				next.set(ns, Math.max(next.get(ns) ?? 0, echoesSince(baseline, now)));
			}
			if (!stopped && [...next].some(([ns, n]) => counts.get(ns) !== n)) {
				counts = next;
				onChange(counts);
			}
		} finally {
			busy = false;
		}
	};
	if (names.length === 0) return () => undefined;
	const timer = setInterval(() => void tick(), ECHO_POLL_MS);
	void tick();
	return () => {
		stopped = true;
		clearInterval(timer);
	};
}
