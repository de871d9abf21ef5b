// What came of a ping, as the diagnosis needs it, and whether there is anything to explain.
import type {PingSummary} from '../ping-output.js';

export interface PingOutcome {
	readonly summary?: PingSummary;
	/** What ping said on stderr, or why it could not run. */
	readonly errorText?: string;
	/** Texts of ICMP error lines ("Destination Host Unreachable"). */
	readonly icmpErrors: readonly string[];
	/** The user stopped it (Esc): lost packets in flight are no failure. */
	readonly stopped: boolean;
}

/** Whether there is something to explain: no reply at all, lost packets, or ping could not run. */
export function pingFailed(o: PingOutcome): boolean {
	if (!o.summary) return !o.stopped || Boolean(o.errorText);
	if (o.stopped) return o.summary.transmitted > 0 && o.summary.received === 0;
	return o.summary.received < o.summary.transmitted;
}

/** Echoes sent that got no reply: what a firewall counter that dropped them rose by. */
export const lostEchoes = (o: PingOutcome): number => (o.summary ? o.summary.transmitted - o.summary.received : 0);
