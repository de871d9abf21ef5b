// How the world changes as namespaces are listed and read piece by piece (a large world loads in the
// background; live events read single namespaces again). Pure, so tested without a kernel.
import type {Netns, NetnsPlace, World} from '../model/types.js';
import {compareNamespaces} from '../model/compare-names.js';

/** A namespace we know by its place only, until it is read. */
export const placeholder = (place: NetnsPlace): Netns => ({...place, links: [], routes: [], nsids: [], pending: true});

/** Who lives there changes without the namespace changing (a process starts or ends): the listing says so. */
const sameLabel = (a: Netns, place: NetnsPlace): boolean => JSON.stringify(a.label) === JSON.stringify(place.label);

/** The listed places, in their order: namespaces already read are kept (with a fresh label), new ones are placeholders, gone ones go. */
export function listedWorld(world: World | undefined, places: readonly NetnsPlace[]): World {
	const known = new Map((world?.namespaces ?? []).map((n) => [n.id, n]));
	const namespaces = places.map((place) => {
		const old = known.get(place.id);
		if (!old) return placeholder(place);
		return sameLabel(old, place) ? old : {...old, label: place.label};
	});
	const same = world !== undefined && namespaces.length === world.namespaces.length && namespaces.every((n, i) => n === world.namespaces[i]);
	return same ? world : {namespaces};
}

const byDisplayOrder = compareNamespaces;

/**
 * Two reads of one namespace that say the same thing (a poll or monitor noise): keep the old object. The
 * cheap differences first: a placeholder replaced by the host of a busy server (1,000 links) would
 * otherwise cost two 1 MB JSON strings.
 */
const sameRead = (a: Netns, b: Netns): boolean =>
	a.pending === b.pending && a.links.length === b.links.length && a.routes.length === b.routes.length && sameFields(a, b);

/**
 * Field by field: one the reader gave back as the very same object (system/netdump.ts keeps a single read's
 * records when its bytes did not change) costs nothing; the others are compared as JSON.
 */
function sameFields(a: Netns, b: Netns): boolean {
	const keys = Object.keys(a) as Array<keyof Netns>;
	if (keys.length !== Object.keys(b).length) return false;
	return keys.every((k) => a[k] === b[k] || JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

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
