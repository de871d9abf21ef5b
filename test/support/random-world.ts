// Seeded random worlds for world-file tests: namespaces joined to a host bridge by veths, veths between
// namespaces, devices stacked on them (macvlan, macvtap, vxlan), taps, addresses of both families, routes
// in several tables, rules and forwarding. The same seed gives the same world.
import type {DeclaredLink, DeclaredNamespace, DeclaredRoute, DeclaredRule, WorldFile} from '../../source/model/world-file/types.js';

/** mulberry32: a small seeded generator, enough for test shapes. */
function generator(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const route = (r: Partial<DeclaredRoute> & Pick<DeclaredRoute, 'family' | 'to'>): DeclaredRoute => ({table: 'main', type: 'unicast', proto: 'boot', ...r});

export function randomWorld(seed: number): WorldFile {
	const random = generator(seed);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
	const chance = (p: number): boolean => random() < p;
	const count = 2 + Math.floor(random() * 3);
	const host: {links: DeclaredLink[]; routes: DeclaredRoute[]; rules: DeclaredRule[]} = {
		links: [{name: 'br0', kind: 'bridge', external: false, up: true, addresses: ['10.200.0.1/24', 'fd00:200::1/64']}],
		routes: [],
		rules: [],
	};
	const spaces: Array<{name: string; links: DeclaredLink[]; routes: DeclaredRoute[]; rules: DeclaredRule[]; forwarding: {4: boolean; 6: boolean}}> = [];
	for (let i = 0; i < count; i++) {
		const name = `rw${i}`;
		const ns = {name, links: [] as DeclaredLink[], routes: [] as DeclaredRoute[], rules: [] as DeclaredRule[], forwarding: {4: chance(0.5), 6: chance(0.5)}};
		ns.links.push({name: 'lo', external: true, up: true, addresses: []});
		const mtu = chance(0.3) ? {mtu: pick([1600, 9000])} : {};
		ns.links.push({name: 'eth0', kind: 'veth', external: false, up: true, ...mtu, peer: {ns: 'host', name: `h${i}`}, addresses: [`10.200.0.${10 + i}/24`, `fd00:200::${10 + i}/64`]});
		host.links.push({name: `h${i}`, kind: 'veth', external: false, master: 'br0', up: true, peer: {ns: name, name: 'eth0'}, addresses: []});
		const table = pick(['main', '100', '200']);
		ns.routes.push(route({family: 4, to: `10.${50 + i}.0.0/16`, via: '10.200.0.1', dev: 'eth0', table, ...(chance(0.5) ? {metric: 10 + i} : {})}));
		ns.routes.push(route({family: 6, to: `fd50:${i + 1}::/64`, via: 'fd00:200::1', dev: 'eth0', table: pick(['main', '300'])}));
		if (chance(0.5)) ns.routes.push(route({family: 4, to: `10.${90 + i}.0.0/24`, type: 'blackhole', table: '100'}));
		if (chance(0.5)) {
			const nexthops = [{via: '10.200.0.1', dev: 'eth0', weight: 1}, {via: '10.200.0.2', dev: 'eth0', weight: 3}];
			ns.routes.push(route({family: 4, to: `10.${70 + i}.0.0/16`, nexthops}));
		}
		if (table !== 'main') ns.rules.push({family: 4, priority: 100 + i, not: false, from: `10.${50 + i}.0.0/16`, table});
		if (chance(0.5)) ns.rules.push({family: 6, priority: 200 + i, not: false, from: `fd00:${i + 1}::/64`, table: '300'});
		const stacked = pick(['macvlan', 'macvtap', 'vxlan', 'tap', 'none'] as const);
		if (stacked === 'macvlan' || stacked === 'macvtap') {
			ns.links.push({name: `mv${i}`, kind: stacked, external: false, up: chance(0.5), lower: {ns: name, name: 'eth0'}, mode: pick(['bridge', 'private', 'vepa']), addresses: [`10.${100 + i}.0.1/24`]});
		} else if (stacked === 'vxlan') {
			ns.links.push({name: `vx${i}`, kind: 'vxlan', external: false, up: true, lower: {ns: name, name: 'eth0'}, id: 100 + i, remote: '10.200.0.1', port: 4789, addresses: [`fd77:${i + 1}::1/64`]});
		} else if (stacked === 'tap') {
			ns.links.push({name: `tap${i}`, kind: 'tap', external: false, up: false, addresses: []});
		}
		spaces.push(ns);
	}
	// Veths between namespaces, some with IPv6 only.
	for (let i = 0; i + 1 < count; i++) {
		if (!chance(0.6)) continue;
		const [a, b] = [spaces[i], spaces[i + 1]];
		a.links.push({name: `to${i + 1}`, kind: 'veth', external: false, up: true, peer: {ns: b.name, name: `to${i}`}, addresses: [`10.${i}.${i + 1}.1/30`]});
		b.links.push({name: `to${i}`, kind: 'veth', external: false, up: chance(0.5), peer: {ns: a.name, name: `to${i + 1}`}, addresses: [`fd01:${i + 1}::2/64`]});
	}
	const namespaces: DeclaredNamespace[] = [{name: 'host', ...host}, ...spaces.map((s) => ({...s, links: s.links}))];
	return {namespaces};
}
