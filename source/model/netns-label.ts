// Who lives in a namespace, in a few words for the list, the map and `show`: the pod, else the container,
// else the Mininet node, else the systemd unit, else the main process; and how many processes when more
// than one.
import {nsDisplayName} from './netns-id.js';
import type {NetnsLabel, NetnsPlace} from './types.js';

const shortId = (id: string): string => (/^[0-9a-f]{64}$/.test(id) ? id.slice(0, 12) : id);

/** Who it is, without the process count: what a person knows it by. */
export function ownerText(label: NetnsLabel | undefined): string | undefined {
	if (!label) return undefined;
	if (label.pod) return `pod ${label.pod.namespace}/${label.pod.name}`;
	const container = label.container;
	if (container) return `${container.runtime} ${container.name ?? shortId(container.id)}`;
	if (label.mininet) return label.mininet;
	if (label.unit) return label.unit;
	return label.main ? `${label.main.command} ${label.main.pid}` : undefined;
}

/** e.g. `docker web · 3 procs`, `sleep 4242`, `pod kube-system/coredns-5d78c9869d-x2b7q`. */
export function labelText(label: NetnsLabel | undefined): string {
	const owner = ownerText(label);
	if (!label || !owner) return '';
	return label.processes > 1 ? `${owner} · ${label.processes} procs` : owner;
}

/** A namespace's name with who lives there, for headings: `pid 4242 (sleep 4242)`, `ns1`. */
export function namespaceHeading(place: Pick<NetnsPlace, 'id' | 'label'>): string {
	const label = labelText(place.label);
	return label ? `${nsDisplayName(place.id)} (${label})` : nsDisplayName(place.id);
}

/**
 * Mininet starts each node's shell as `bash --norc --noediting -is mininet:h1`: the argument names the node
 * (its own convention, which its `mnexec`/`m` helpers look for). The name as given; drawn escaped.
 */
export function mininetName(argv: readonly string[]): string | undefined {
	for (const arg of argv) {
		const name = arg.startsWith('mininet:') ? arg.slice('mininet:'.length) : '';
		if (name) return name;
	}
	return undefined;
}
