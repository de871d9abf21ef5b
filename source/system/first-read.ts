// What the first frame shows: the namespace list and the selected namespace (at start, the host).
import {HOST_ID, type NamespaceListing, type Netns} from '../model/types.js';
import type {System} from './system.js';

export interface FirstRead {
	readonly listing: NamespaceListing;
	/** The selected namespace, read; undefined when it vanished before it could be read. */
	readonly first?: Netns;
}

/** The list (discovery: directories and /proc) and the host (one process), at once. */
export async function readFirst(system: System): Promise<FirstRead> {
	const [listing, first] = await Promise.all([system.listNamespaces(), system.readNamespace(HOST_ID)]);
	return {listing, first};
}
