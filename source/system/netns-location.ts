// Where a namespace is and how a command gets into it.
import {HOST_ID, type NetnsKind} from '../model/types.js';

export const NETNS_DIR = '/run/netns';

export interface NetnsLocation {
	readonly id: string;
	readonly kind: NetnsKind;
	readonly path: string;
}

export const hostLocation: NetnsLocation = {id: HOST_ID, kind: 'host', path: '/proc/self/ns/net'};

export const namedLocation = (name: string): NetnsLocation => ({id: name, kind: 'named', path: `${NETNS_DIR}/${name}`});

/** `argv` run inside a namespace: the host's own is ours already, the others are entered with nsenter. */
export function inNamespace(location: NetnsLocation, argv: readonly string[]): string[] {
	return location.kind === 'host' ? [...argv] : ['nsenter', `--net=${location.path}`, ...argv];
}
