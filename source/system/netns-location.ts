// Where a namespace is and how a command gets into it.
import {NETNS_DIR, namedId} from '../model/netns-id.js';
import {HOST_ID, type NetnsPlace} from '../model/types.js';

export {NETNS_DIR} from '../model/netns-id.js';

/** A namespace as discovery found it (discover.ts): what the readers need to reach it. */
export type NetnsLocation = NetnsPlace;

export const hostLocation: NetnsLocation = {id: HOST_ID, kind: 'host', path: '/proc/self/ns/net'};

export const namedLocation = (name: string): NetnsLocation => ({id: namedId(name), kind: 'named', path: `${NETNS_DIR}/${name}`});

/** `argv` run inside a namespace: the host's own is ours already, the others are entered with nsenter. */
export function inNamespace(location: NetnsLocation, argv: readonly string[]): string[] {
	return location.kind === 'host' ? [...argv] : ['nsenter', `--net=${location.path}`, ...argv];
}
