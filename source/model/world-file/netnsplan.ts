// netnsplan's files (its `netns:` tree: loopback, ethernets, dummy-devices, veth-devices with a peer,
// addresses and routes per device) read as a WorldFile, so its users can point nsdeck at what they have.
// As netnsplan does: every device is set up, a peer without `netns` is in the host, an address without a
// prefix is a host address, an ethernet is an existing device moved in from the host. Its post-script is
// refused: nsdeck runs no shell.
import {checkInterfaceName, checkNamespaceName, parseIp} from '../validate.js';
import type {Checker} from './checker.js';
import {normalAddress} from './normalize.js';
import {readRoute} from './read-nsdeck.js';
import {HOST_NAME, type DeclaredLink, type DeclaredNamespace, type DeclaredRoute, type WorldFile} from './types.js';
import type {Path} from './yaml-source.js';

interface Device {
	readonly links: DeclaredLink[];
	readonly routes: DeclaredRoute[];
}

const badAddress = (a: string): string | undefined => (normalAddress(a) ? undefined : 'not an address like 10.1.1.1 or 10.1.1.1/24');

function readDevice(c: Checker, value: unknown, path: Path, name: string, extra: readonly string[]): {addresses: string[]; routes: DeclaredRoute[]} {
	const f = c.fields(value ?? {}, path, ['addresses', 'routes', ...extra]);
	const routes = c.list(f.routes, [...path, 'routes']).map((r, i) => {
		const route = readRoute(c, c.fields(r, [...path, 'routes', i], ['to', 'via']), [...path, 'routes', i]);
		return {...route, dev: name};
	});
	const addresses = c.texts(f.addresses, [...path, 'addresses'], badAddress).map((a) => normalAddress(a) ?? a);
	return {addresses, routes};
}

function named(c: Checker, path: Path, check: (name: string) => string | undefined = checkInterfaceName): (entry: [string, unknown]) => [string, unknown] {
	return ([name, value]) => {
		const problem = check(name);
		if (problem) c.fail([...path, name], problem);
		return [name, value];
	};
}

export function readNetnsplanFile(c: Checker, value: unknown): WorldFile {
	const top = c.fields(value, [], ['netns']);
	const spaces = new Map<string, Device>();
	const space = (name: string): Device => {
		const found = spaces.get(name) ?? {links: [], routes: []};
		spaces.set(name, found);
		return found;
	};
	const add = (ns: string, link: DeclaredLink, routes: readonly DeclaredRoute[]): void => {
		space(ns).links.push(link);
		space(ns).routes.push(...routes);
	};
	for (const [ns, body] of c.named(top.netns, ['netns']).map(named(c, ['netns'], checkNamespaceName))) {
		const path = ['netns', ns];
		const f = c.fields(body ?? {}, path, ['loopback', 'ethernets', 'dummy-devices', 'veth-devices', 'post-script']);
		if (f['post-script'] !== undefined) c.fail([...path, 'post-script'], 'nsdeck runs no scripts: run it yourself after apply, or remove it');
		space(ns);
		const lo = readDevice(c, f.loopback, [...path, 'loopback'], 'lo', []);
		add(ns, {name: 'lo', external: true, up: true, addresses: lo.addresses}, lo.routes);
		for (const [name, v] of c.named(f.ethernets, [...path, 'ethernets']).map(named(c, [...path, 'ethernets']))) {
			const d = readDevice(c, v, [...path, 'ethernets', name], name, []);
			add(ns, {name, external: true, up: true, addresses: d.addresses, moveFromHost: true}, d.routes);
		}
		for (const [name, v] of c.named(f['dummy-devices'], [...path, 'dummy-devices']).map(named(c, [...path, 'dummy-devices']))) {
			const d = readDevice(c, v, [...path, 'dummy-devices', name], name, []);
			add(ns, {name, kind: 'dummy', external: false, up: true, addresses: d.addresses}, d.routes);
		}
		for (const [name, v] of c.named(f['veth-devices'], [...path, 'veth-devices']).map(named(c, [...path, 'veth-devices']))) {
			const devPath = [...path, 'veth-devices', name];
			const d = readDevice(c, v, devPath, name, ['peer']);
			const pf = c.fields((v as Record<string, unknown> | null)?.peer, [...devPath, 'peer'], ['name', 'netns', 'addresses', 'routes']);
			const peerName = c.text(pf.name, [...devPath, 'peer', 'name'], checkInterfaceName) ?? c.fail([...devPath, 'peer'], 'needs the name of the other end');
			const peerNs = c.text(pf.netns, [...devPath, 'peer', 'netns'], checkNamespaceName) ?? HOST_NAME;
			const p = readDevice(c, {addresses: pf.addresses, routes: pf.routes}, [...devPath, 'peer'], peerName, []);
			add(ns, {name, kind: 'veth', external: false, up: true, addresses: d.addresses, peer: {ns: peerNs, name: peerName}}, d.routes);
			add(peerNs, {name: peerName, kind: 'veth', external: false, up: true, addresses: p.addresses, peer: {ns, name}}, p.routes);
		}
	}
	const namespaces: DeclaredNamespace[] = [...spaces].map(([name, d]) => ({name, links: d.links, routes: d.routes, rules: []}));
	return {namespaces};
}

/** Whether a file's top level is netnsplan's. */
export const isNetnsplan = (value: unknown): boolean => typeof value === 'object' && value !== null && 'netns' in value && !('nsdeck' in value);

export const ipFamily = (text: string): 4 | 6 | undefined => parseIp(text)?.family;
