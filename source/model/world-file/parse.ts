// A world file's text → WorldFile: nsdeck's own format or netnsplan's, checked as a whole (a veth's
// peer declared back, a name declared once). Throws WorldFileError: one line, with file, line and field.
import {Checker} from './checker.js';
import {isNetnsplan, readNetnsplanFile} from './netnsplan.js';
import {readNsdeckFile} from './read-nsdeck.js';
import {placeText, type WorldFile} from './types.js';
import {readYaml} from './yaml-source.js';

export function parseWorldFile(file: string, text: string): WorldFile {
	const source = readYaml(file, text);
	const c = new Checker(source);
	const netnsplan = isNetnsplan(source.value);
	const world = netnsplan ? readNetnsplanFile(c, source.value) : readNsdeckFile(c, source.value);
	const top = netnsplan ? 'netns' : 'namespaces';
	const byNs = new Map(world.namespaces.map((ns) => [ns.name, new Map(ns.links.map((l) => [l.name, l]))]));
	for (const ns of world.namespaces) {
		const seen = new Set<string>();
		for (const link of ns.links) {
			const path = netnsplan ? [top, ns.name] : [top, ns.name, 'links', link.name];
			if (seen.has(link.name)) c.fail(path, `${link.name} is declared twice in ${ns.name}`);
			seen.add(link.name);
			if (!link.peer) continue;
			const other = byNs.get(link.peer.ns)?.get(link.peer.name);
			if (!other || other.kind !== 'veth' || other.peer?.ns !== ns.name || other.peer.name !== link.name) {
				c.fail([...path, ...(netnsplan ? [] : ['peer'])], `its other end ${placeText(link.peer, ns.name)} must be declared too, as a veth whose peer is ${placeText({ns: ns.name, name: link.name}, link.peer.ns)}`);
			}
		}
	}
	return world;
}
