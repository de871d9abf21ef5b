// Lines of `ip monitor all-nsid link address route nsid`. We never trust the rest of the text: for events
// in other namespaces ip names devices by looking them up in *its own* namespace, so the names are wrong.
// An event only tells us "namespace K changed"; the namespace is then read again.

export type MonitorSource = 'current' | number;

export interface MonitorEvent {
	/** 'current' is the monitor's own namespace (the host); a number is the host's nsid of another one. */
	readonly source: MonitorSource;
	/** The event is about nsids themselves (assigned or deleted): the host's nsid → name map is stale. */
	readonly nsidChanged: boolean;
}

const PREFIX = /^\[nsid (current|\d+)\]/;
const NSID_EVENT = /^(Deleted )?nsid \d+/;

/** One line of monitor output; undefined for continuation lines (they start with spaces) and noise. */
export function parseMonitorLine(line: string): MonitorEvent | undefined {
	const match = PREFIX.exec(line);
	if (!match) return undefined;
	const source: MonitorSource = match[1] === 'current' ? 'current' : Number(match[1]);
	return {source, nsidChanged: NSID_EVENT.test(line.slice(match[0].length))};
}
