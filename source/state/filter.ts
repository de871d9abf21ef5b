// `/` filters the focused list: every word typed must match (filter-match.ts says how). A namespace
// matches by its name or through its interfaces' names, addresses and MACs; the interfaces pane then shows
// the interfaces that matched. Results are memoised per list object, so a render does not filter 1,000
// namespaces again when nothing changed.
import {formatRoute} from '../model/format.js';
import type {Link, Netns, Route} from '../model/types.js';
import {filterWords, linkMatches, matchNamespace, type FilterWord} from './filter-match.js';

function textMatches(text: string, words: readonly FilterWord[]): boolean {
	const haystack = text.toLowerCase();
	return words.every((word) => haystack.includes(word.text));
}

export const matchesFilter = (text: string, filter: string): boolean => textMatches(text, filterWords(filter));

type Memo<K extends object, T> = WeakMap<K, {readonly filter: string; readonly result: T}>;

function memoFilter<T>(memo: Memo<readonly T[], readonly T[]>, matches: (item: T, words: readonly FilterWord[]) => boolean): (items: readonly T[], filter: string | undefined) => readonly T[] {
	return (items, filter) => {
		if (!filter || filter.trim() === '') return items;
		const hit = memo.get(items);
		if (hit && hit.filter === filter) return hit.result;
		const words = filterWords(filter);
		const result = items.filter((item) => matches(item, words));
		memo.set(items, {filter, result});
		return result;
	};
}

export const filterNamespaces = memoFilter<Netns>(new WeakMap(), (ns, words) => matchNamespace(ns, words) !== undefined);
export const filterLinks = memoFilter<Link>(new WeakMap(), (link, words) => linkMatches(words, link));
export const filterRoutes = memoFilter<Route>(new WeakMap(), (route, words) => textMatches(formatRoute(route), words));

const namespaceLinksMemo: Memo<Netns, readonly Link[]> = new WeakMap();

/**
 * The interfaces of `ns` that the namespaces pane's filter found it by: all of them when there is no filter
 * or the namespace matched by its own name (or not at all); only the matching ones when it matched through
 * them (`/10.0.0.2` shows the interface holding that address). The same array for the same inputs.
 */
export function linksMatchingNamespaceFilter(ns: Netns | undefined, filter: string | undefined): readonly Link[] {
	if (!ns) return [];
	if (!filter || filter.trim() === '') return ns.links;
	const hit = namespaceLinksMemo.get(ns);
	if (hit && hit.filter === filter) return hit.result;
	const match = matchNamespace(ns, filterWords(filter));
	const result = !match || match.byName ? ns.links : match.links;
	namespaceLinksMemo.set(ns, {filter, result});
	return result;
}
