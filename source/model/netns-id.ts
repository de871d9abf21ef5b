// A namespace's id is its key in every map and how a plan reaches it:
// - 'host': the host's own namespace (plain `ip …`);
// - an `ip netns` name: `ip -n NAME …`;
// - a path (a Docker bind mount, /proc/PID/ns/net): `nsenter --net=PATH ip …`.
// An `ip netns` name never holds a '/', so a path never collides with a name; the one name that would
// collide, `host`, is known by its path (/run/netns/host) instead.
import {HOST_ID} from './types.js';

/** Where `ip netns add` keeps its names. */
export const NETNS_DIR = '/run/netns';

/** The id of /run/netns/NAME. */
export const namedId = (name: string): string => (name === HOST_ID ? `${NETNS_DIR}/${name}` : name);

/** True for ids that are paths, reached with nsenter rather than by name. */
export const isPathId = (id: string): boolean => id.includes('/');

const PROCESS_PATH = /^\/proc\/(\d+)\/ns\/net$/;

/** The PID of a namespace known by /proc/PID/ns/net. */
export function processOf(id: string): number | undefined {
	const match = PROCESS_PATH.exec(id);
	return match ? Number(match[1]) : undefined;
}

/**
 * What people call it on screen: the name, the mount's own name (Docker's container id), or `pid N`; a
 * namespace named `host` is `"host"`, so it is never taken for the host.
 * Short on purpose; the label beside it and the detail view say more, the plan shows the exact path.
 */
export function nsDisplayName(id: string): string {
	if (!isPathId(id)) return id;
	// A namespace someone named `host` must not read as the host: its name in quotes.
	if (id === namedId(HOST_ID)) return `"${HOST_ID}"`;
	const pid = processOf(id);
	if (pid !== undefined) return `pid ${pid}`;
	return id.slice(id.lastIndexOf('/') + 1) || id;
}

/** The `ip netns` name behind an id (`ns1`, or `host` for /run/netns/host); undefined for the host and paths elsewhere. */
export function netnsName(id: string): string | undefined {
	if (id === HOST_ID) return undefined;
	if (!isPathId(id)) return id;
	const prefix = `${NETNS_DIR}/`;
	return id.startsWith(prefix) && !id.slice(prefix.length).includes('/') ? id.slice(prefix.length) : undefined;
}
