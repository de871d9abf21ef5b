// The records nsdeck-netdump writes (native/netlink-json.c), made whole: table, protocol and scope come
// as numbers and get the names ip would print (from /etc/iproute2), and routes nsdeck leaves out go.
import {nameOf, type IprouteNames} from './iproute-names.js';
import {keepRoute} from './parse.js';
import type {Address, Link, NsidEntry, Route} from './types.js';

type Numbered<T, K extends keyof T> = Omit<T, K> & {readonly [P in K]: number};
interface DumpedLink extends Omit<Link, 'addresses'> {
	readonly addresses: ReadonlyArray<Numbered<Address, 'scope'>>;
}
type DumpedRoute = Numbered<Route, 'table' | 'protocol' | 'scope'>;

const utf8 = new TextDecoder();

export interface NamespaceRecords {
	readonly links: Link[];
	readonly routes: Route[];
	/** The named nsid table, when the helper was asked for it (--nsid-names). */
	readonly nsids?: NsidEntry[];
}

/** One namespace's links, routes and (if asked) nsids from the helper's JSON. */
export function namespaceRecords(bytes: Uint8Array, names: IprouteNames): NamespaceRecords {
	const dumped = JSON.parse(utf8.decode(bytes)) as {links: DumpedLink[]; routes: DumpedRoute[]; nsids?: NsidEntry[]};
	const links = dumped.links.map((link) => ({...link, addresses: link.addresses.map((a) => ({...a, scope: nameOf(names.scopes, a.scope)}))}));
	const routes: Route[] = [];
	for (const route of dumped.routes) {
		const named = {...route, table: nameOf(names.tables, route.table), protocol: nameOf(names.protocols, route.protocol), scope: nameOf(names.scopes, route.scope)};
		if (keepRoute(named)) routes.push(named);
	}
	return dumped.nsids ? {links, routes, nsids: dumped.nsids} : {links, routes};
}
