// WorldFile → YAML text with one order and one spelling for everything, so two saves of one world are
// byte-identical and a file under version control changes only where the world did.
import {stringify} from 'yaml';
import {nexthopOut} from './nexthops.js';
import {defaultMetric} from './normalize.js';
import {qdiscOut} from './qdisc-file.js';
import {FORMAT_VERSION} from './read-nsdeck.js';
import {placeText, type DeclaredLink, type DeclaredNamespace, type DeclaredRoute, type DeclaredRule, type WorldFile} from './types.js';

type Out = Record<string, unknown>;

/** Keys in the order written; absent values are left out. */
function ordered(entries: ReadonlyArray<readonly [string, unknown]>): Out {
	return Object.fromEntries(entries.filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
}

function linkOut(ns: string, l: DeclaredLink): Out {
	return ordered([
		['kind', l.kind],
		['external', l.external ? true : undefined],
		['peer', l.peer && placeText(l.peer, ns)],
		['lower', l.lower && placeText(l.lower, ns)],
		['mode', l.mode],
		['id', l.id],
		['remote', l.remote],
		['group', l.group],
		['local', l.local],
		['port', l.port],
		['master', l.master],
		['mtu', l.mtu],
		['mac', l.mac],
		['up', l.up],
		['addresses', l.addresses],
		['qdisc', l.qdisc && qdiscOut(l.qdisc)],
	]);
}

function routeOut(r: DeclaredRoute): Out {
	// `default` alone reads as IPv4; an IPv4 route through an IPv6 gateway says its family.
	const to = r.to === 'default' && r.family === 6 ? '::/0' : r.to;
	const viaOtherFamily = r.via !== undefined && r.via.includes(':') !== (r.family === 6);
	return ordered([
		['to', to],
		['family', viaOtherFamily ? r.family : undefined],
		['type', r.type === 'unicast' ? undefined : r.type],
		['via', r.via],
		['dev', r.dev],
		['src', r.src],
		['table', r.table === 'main' ? undefined : r.table],
		['metric', r.metric === undefined || r.metric === defaultMetric(r.family) ? undefined : r.metric],
		['proto', r.proto === 'boot' ? undefined : r.proto],
		['onlink', r.onlink ? true : undefined],
		['nhid', r.nhid],
		['nexthops', r.nexthops?.map((h) => ordered([['via', h.via], ['dev', h.dev], ['weight', h.weight]]))],
	]);
}

function ruleOut(r: DeclaredRule): Out {
	const told = [r.from, r.to ?? ''].some((p) => p.includes(':'));
	return ordered([
		['priority', r.priority],
		['family', r.family === 6 && !told ? 6 : undefined],
		['not', r.not ? true : undefined],
		['from', r.from === 'all' ? undefined : r.from],
		['to', r.to],
		['iif', r.iif],
		['oif', r.oif],
		['fwmark', r.fwmark],
		['table', r.table],
		['action', r.action],
	]);
}

function namespaceOut(ns: DeclaredNamespace): Out {
	const fw = ns.forwarding;
	return ordered([
		['forwarding', fw && ordered([['ipv4', fw[4]], ['ipv6', fw[6]]])],
		['links', ns.links.length > 0 ? Object.fromEntries(ns.links.map((l) => [l.name, linkOut(ns.name, l)])) : undefined],
		['nexthops', ns.nexthops?.map(nexthopOut)],
		['routes', ns.routes.map(routeOut)],
		['rules', ns.rules.map(ruleOut)],
	]);
}

const HEADER = '# A network world, as nsdeck saves it. `nsdeck diff FILE` compares it with this machine,\n# `nsdeck apply FILE` makes it, `nsdeck destroy FILE` removes what it declares.\n';

export function serializeWorldFile(world: WorldFile): string {
	const doc = {nsdeck: FORMAT_VERSION, namespaces: Object.fromEntries(world.namespaces.map((ns) => [ns.name, namespaceOut(ns)]))};
	return HEADER + stringify(doc, {lineWidth: 0, indent: 2, sortMapEntries: false});
}
