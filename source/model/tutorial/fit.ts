// Whether the world fits a tutorial's start. A tutorial is written for the lab as its setup leaves it (or
// an empty lab): chosen in a lab that already holds its namespaces or interfaces, it would start half done
// (tutorial 2 in the default lab opened at 4/6) or its setup would fail (`ip netns add ns1`: File exists).
import {HOST_ID, type World} from '../types.js';
import {netnsName} from '../netns-id.js';
import {buildTopology} from '../topology.js';
import {holds} from './checks.js';
import type {Check, LinkSelector, NsName, Tutorial} from './types.js';

export interface Misfit {
	/** What the tutorial makes or names that the lab holds already: `ns1`, `br0 (host)`. */
	readonly names: readonly string[];
	/** Steps (1-based) whose check holds before the learner did anything. */
	readonly holding: readonly number[];
}

interface Names {
	readonly namespaces: Set<string>;
	/** Interfaces in the host (an interface in a namespace goes with its namespace). */
	readonly hostLinks: Set<string>;
}

/** The word after `word` in `argv`, if any. */
const after = (argv: readonly string[], word: string): string | undefined => {
	const at = argv.indexOf(word);
	return at < 0 ? undefined : argv[at + 1];
};

/** `ip [-n NS] link add [name] X [netns N] … [peer [name] Y [netns M]]`: the interfaces it makes in the host. */
function setupNames(argv: readonly string[], into: Names): void {
	const inNs = argv[1] === '-n' || argv[1] === '-netns' ? argv[2] : undefined;
	const words = argv.slice(inNs === undefined ? 1 : 3);
	if (words[0] === 'netns' && words[1] === 'add' && words[2]) into.namespaces.add(words[2]);
	if (words[0] !== 'link' || words[1] !== 'add') return;
	const peerAt = words.indexOf('peer');
	const main = peerAt < 0 ? words.slice(2) : words.slice(2, peerAt);
	const peer = peerAt < 0 ? [] : words.slice(peerAt + 1);
	const mainName = after(main, 'name') ?? main[0];
	const peerName = after(peer, 'name') ?? peer[0];
	if (mainName && inNs === undefined && after(main, 'netns') === undefined) into.hostLinks.add(mainName);
	if (peerName && inNs === undefined && after(peer, 'netns') === undefined) into.hostLinks.add(peerName);
}

function checkNames(check: Check, into: Names): void {
	const ns = (name: NsName): void => void (name !== HOST_ID && into.namespaces.add(name));
	const link = (s: LinkSelector): void => {
		if (s.ns === undefined || s.ns === HOST_ID) into.hostLinks.add(s.name);
		else ns(s.ns);
	};
	if ('all' in check) check.all.forEach((c) => checkNames(c, into));
	else if ('any' in check) check.any.forEach((c) => checkNames(c, into));
	else if ('not' in check) checkNames(check.not, into);
	else if ('namespace' in check) ns(check.namespace);
	else if ('link' in check) link(check.link);
	else if ('veth' in check) [check.veth.a, check.veth.b].forEach(link);
	else if ('address' in check) ns(check.address.ns);
	else if ('forwarding' in check) ns(check.forwarding.ns);
	else if ('route' in check) ns(check.route.ns);
	else if ('echoed' in check) ns(check.echoed.ns);
	else ns(check.ping.from);
}

/** What of the world clashes with the tutorial's start; undefined when the world fits it. */
export function tutorialMisfit(tutorial: Tutorial, world: World): Misfit | undefined {
	const wanted: Names = {namespaces: new Set(), hostLinks: new Set()};
	for (const argv of tutorial.setup) setupNames(argv, wanted);
	for (const step of tutorial.steps) checkNames(step.check, wanted);
	const present = new Set(world.namespaces.flatMap((n) => netnsName(n.id) ?? []));
	const host = world.namespaces.find((n) => n.id === HOST_ID);
	const names = [...[...wanted.namespaces].filter((n) => present.has(n)), ...(host?.links ?? []).filter((l) => wanted.hostLinks.has(l.name)).map((l) => `${l.name} (host)`)];
	// A step that holds in an empty lab too (a `not`) says nothing about this one.
	const empty = {world: {namespaces: []}, topology: buildTopology({namespaces: []}), pings: []};
	const now = {world, topology: buildTopology(world), pings: []};
	const holding = tutorial.steps.flatMap((step, i) => (holds(step.check, now) && !holds(step.check, empty) ? [i + 1] : []));
	return names.length === 0 && holding.length === 0 ? undefined : {names, holding};
}

/** The misfit in words: `ns1, ns2 and br0 (host) are here already; step 1 already holds`. */
export function misfitText(m: Misfit): string {
	const list = (items: readonly string[]): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);
	const parts: string[] = [];
	if (m.names.length > 0) parts.push(`${list(m.names)} ${m.names.length === 1 ? 'is' : 'are'} here already`);
	if (m.holding.length > 0) parts.push(`step${m.holding.length === 1 ? '' : 's'} ${list(m.holding.map(String))} already hold${m.holding.length === 1 ? 's' : ''}`);
	return parts.join('; ');
}
