// `/` filters the focused list: every word typed must appear (any case) in the row's text. Results are
// memoised per list object, so a render does not filter 1,000 namespaces again when nothing changed.
import {formatRoute} from '../model/format.js';
import {nsDisplayName} from '../model/netns-id.js';
import {labelText} from '../model/netns-label.js';
import type {Link, Netns, Route} from '../model/types.js';

export function matchesFilter(text: string, filter: string): boolean {
	const haystack = text.toLowerCase();
	return filter
		.toLowerCase()
		.split(/\s+/)
		.filter(Boolean)
		.every((word) => haystack.includes(word));
}

/** Its id (a name or path), its name on screen, and who lives there: `/ coredns` finds a pod's namespace. */
const namespaceText = (ns: Netns): string => `${ns.id} ${nsDisplayName(ns.id)} ${labelText(ns.label)}`;
const linkText = (link: Link): string => [link.name, link.kind, link.master ?? '', ...link.addresses.map((a) => a.cidr)].join(' ');
const routeText = (route: Route): string => formatRoute(route);

type Memo<T> = WeakMap<readonly T[], {readonly filter: string; readonly result: readonly T[]}>;

function memoFilter<T>(memo: Memo<T>, toText: (item: T) => string): (items: readonly T[], filter: string | undefined) => readonly T[] {
	return (items, filter) => {
		if (!filter || filter.trim() === '') return items;
		const hit = memo.get(items);
		if (hit && hit.filter === filter) return hit.result;
		const result = items.filter((item) => matchesFilter(toText(item), filter));
		memo.set(items, {filter, result});
		return result;
	};
}

export const filterNamespaces = memoFilter<Netns>(new WeakMap(), namespaceText);
export const filterLinks = memoFilter<Link>(new WeakMap(), linkText);
export const filterRoutes = memoFilter<Route>(new WeakMap(), routeText);
