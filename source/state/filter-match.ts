// What a `/` filter matches. Every word typed must match, in any case. A word matches text (names, kinds,
// labels) anywhere in it; an address by what it is: a whole IPv4 address only itself (`10.0.0.2` is not
// 10.0.0.21), with a prefix only that address with that prefix, an IPv6 address in any spelling (`FE80:0::1`
// is fe80::1); a part of an address (`10.0.0.`, `fe80::`) anywhere in one as printed; a MAC anywhere in it
// (`aa:bb`). A namespace matches by its own name and label, or through any of its interfaces, and then
// the interfaces that matched are what it shows.
import {nsDisplayName} from '../model/netns-id.js';
import {labelText} from '../model/netns-label.js';
import type {Address, Link, Netns} from '../model/types.js';
import {parseCidr, parseIp} from '../model/validate.js';

export interface FilterWord {
	/** Lower case, as typed. */
	readonly text: string;
	/** The word is a whole address: matched exactly, not as a part of a longer one. */
	readonly ip?: {readonly family: 4 | 6; readonly address: string};
	/** The word is address/prefix. */
	readonly cidr?: {readonly address: string; readonly prefix: number};
}

export function filterWords(filter: string): FilterWord[] {
	return filter
		.toLowerCase()
		.split(/\s+/)
		.filter(Boolean)
		.map((text) => {
			const cidr = parseCidr(text);
			if (cidr) return {text, cidr: {address: cidr.address, prefix: cidr.prefix}};
			// `fe80::` is a whole address too, but while it is typed it is the start of the ones wanted.
			const ip = text.endsWith(':') ? undefined : parseIp(text);
			return ip ? {text, ip} : {text};
		});
}

const normalisedIp = (text: string): string => parseIp(text)?.address ?? text.toLowerCase();

export function addressMatches(word: FilterWord, address: Address): boolean {
	if (word.cidr) return address.prefixlen === word.cidr.prefix && normalisedIp(address.local) === word.cidr.address;
	if (word.ip) return normalisedIp(address.local) === word.ip.address;
	return address.cidr.toLowerCase().includes(word.text);
}

const linkText = (link: Link): string => [link.name, link.kind, link.master ?? ''].join(' ').toLowerCase();

/** Matches the link's name, kind or master, one of its addresses, or its MAC. */
export function wordMatchesLink(word: FilterWord, link: Link): boolean {
	return linkText(link).includes(word.text) || link.addresses.some((a) => addressMatches(word, a)) || link.mac.toLowerCase().includes(word.text);
}

export const linkMatches = (words: readonly FilterWord[], link: Link): boolean => words.every((w) => wordMatchesLink(w, link));

/** Its id (a name or path), its name on screen, and who lives there: `/ coredns` finds a pod's namespace. */
const namespaceText = (ns: Netns): string => `${ns.id} ${nsDisplayName(ns.id)} ${labelText(ns.label)}`.toLowerCase();

export interface NamespaceMatch {
	/** Every word matched the namespace itself: all its interfaces are of interest. */
	readonly byName: boolean;
	/** The interfaces that matched (with the words the namespace matched itself); all of them when byName. */
	readonly links: readonly Link[];
}

/** How a namespace matches the words, or undefined when it does not. */
export function matchNamespace(ns: Netns, words: readonly FilterWord[]): NamespaceMatch | undefined {
	const own = namespaceText(ns);
	const ownHits = words.map((w) => own.includes(w.text));
	if (ownHits.every(Boolean)) return {byName: true, links: ns.links};
	const links = ns.links.filter((link) => words.every((w, i) => ownHits[i] || wordMatchesLink(w, link)));
	return links.length > 0 ? {byName: false, links} : undefined;
}
