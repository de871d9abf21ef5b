// How the world changes as namespaces are listed and read piece by piece (a large world loads in the
// background; live events read single namespaces again). Pure, so tested without a kernel.
import {HOST_ID, type Netns, type World} from '../model/types.js';
import {compareNames} from '../model/compare-names.js';

/** A namespace we know by name only, until it is read. */
export function placeholder(id: string): Netns {
	const host = id === HOST_ID;
	// Same paths as the snapshot uses; only shown in the detail view until the real read lands.
	return {id, kind: host ? 'host' : 'named', path: host ? '/proc/self/ns/net' : `/run/netns/${id}`, links: [], routes: [], nsids: [], pending: true};
}

/** The listed ids, in their order: namespaces already read are kept, new ones are placeholders, gone ones go. */
export function listedWorld(world: World | undefined, ids: readonly string[]): World {
	const known = new Map((world?.namespaces ?? []).map((n) => [n.id, n]));
	const namespaces = ids.map((id) => known.get(id) ?? placeholder(id));
	const same = world !== undefined && namespaces.length === world.namespaces.length && namespaces.every((n, i) => n === world.namespaces[i]);
	return same ? world : {namespaces};
}

/** Host first, then names as people read them (ns2 before ns10). */
const byDisplayOrder = (a: Netns, b: Netns): number => (a.id === HOST_ID ? -1 : b.id === HOST_ID ? 1 : compareNames(a.id, b.id));

/**
 * Two reads of one namespace that say the same thing (a poll or monitor noise): keep the old object. The
 * cheap differences first: a placeholder replaced by the host of a busy server (1,000 links) would
 * otherwise cost two 1 MB JSON strings.
 */
const sameRead = (a: Netns, b: Netns): boolean =>
	a.pending === b.pending && a.links.length === b.links.length && a.routes.length === b.routes.length && JSON.stringify(a) === JSON.stringify(b);

/**
 * Put freshly read namespaces into the world, replacing by id and adding new ones in display order.
 * Returns the same world object when nothing changed, so no render and no topology rebuild follow.
 */
export function mergeNamespaces(world: World | undefined, batch: readonly Netns[]): World {
	const current = world?.namespaces ?? [];
	const index = new Map(current.map((n, i) => [n.id, i]));
	const next = [...current];
	const added: Netns[] = [];
	let changed = false;
	for (const netns of batch) {
		const at = index.get(netns.id);
		if (at === undefined) {
			added.push(netns);
			changed = true;
		} else if (!sameRead(next[at], netns)) {
			next[at] = netns;
			changed = true;
		}
	}
	if (!changed && world) return world;
	return {namespaces: added.length > 0 ? [...next, ...added].sort(byDisplayOrder) : next};
}

export function withoutNamespace(world: World, id: string): World {
	return world.namespaces.some((n) => n.id === id) ? {namespaces: world.namespaces.filter((n) => n.id !== id)} : world;
}

export interface ReadProgress {
	readonly done: number;
	readonly total: number;
}
