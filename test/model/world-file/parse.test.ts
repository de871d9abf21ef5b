// A world file's mistakes are one line each, naming the file, the line and the field; what it declares is
// read into one shape from nsdeck's format and from netnsplan's; a serialized file reads back as itself.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {parseWorldFile} from '../../../source/model/world-file/parse.js';
import {serializeWorldFile} from '../../../source/model/world-file/serialize.js';
import {WorldFileError} from '../../../source/model/world-file/types.js';
import {randomWorld} from '../../support/random-world.js';

function mistake(text: string): string {
	try {
		parseWorldFile('lab.yaml', text);
	} catch (error) {
		expect(error).toBeInstanceOf(WorldFileError);
		const message = (error as Error).message;
		expect(message).not.toContain('\n');
		return message;
	}
	throw new Error('the file was accepted');
}

const lines = (...l: string[]): string => l.join('\n') + '\n';

describe('world file mistakes', () => {
	it('a YAML error names the line', () => {
		expect(mistake(lines('nsdeck: 1', 'namespaces:', '  ns1:', '    links: [a, b', '  ns2: {}'))).toMatch(/^lab\.yaml:\d+: not valid YAML: /);
	});

	it('a key written twice is an error, not a silent overwrite', () => {
		expect(mistake(lines('nsdeck: 1', 'namespaces:', '  ns1: {}', '  ns1: {}'))).toMatch(/^lab\.yaml:4: not valid YAML: .*[Mm]ap keys must be unique/);
	});

	it('an unknown key names its line and field, and what is known there', () => {
		const text = lines('nsdeck: 1', 'namespaces:', '  ns1:', '    links:', '      v0:', '        kind: veth', '        peer: ns2/v1', '        adresses: [10.0.0.1/24]');
		expect(mistake(text)).toBe('lab.yaml:8: namespaces.ns1.links.v0.adresses: unknown key; known here: kind, external, up, mtu, mac, master, addresses, peer, lower, mode, id, port, remote, group, local, qdisc');
	});

	it('a bad value names the item of a list', () => {
		const text = lines('nsdeck: 1', 'namespaces:', '  ns1:', '    links:', '      lo:', '        external: true', '        addresses:', '          - 10.0.0.1/24', '          - 10.0.0.300/24');
		expect(mistake(text)).toBe('lab.yaml:9: namespaces.ns1.links.lo.addresses[1]: not an address/prefix like 10.1.1.1/24 or fd00::1/64');
	});

	it('a route without `to`, an MTU out of range, a kind nsdeck does not make', () => {
		expect(mistake(lines('nsdeck: 1', 'namespaces:', '  ns1:', '    routes:', '      - via: 10.0.0.1'))).toBe("lab.yaml:5: namespaces.ns1.routes[0]: needs `to`: 'default', a prefix or an address");
		expect(mistake(lines('nsdeck: 1', 'namespaces:', '  ns1:', '    links:', '      b0: {kind: bridge, mtu: 20}'))).toBe('lab.yaml:5: namespaces.ns1.links.b0.mtu: must be a whole number from 68 to 65535');
		expect(mistake(lines('nsdeck: 1', 'namespaces:', '  ns1:', '    links:', '      b0:', '        kind: bond'))).toMatch(/^lab\.yaml:6: namespaces\.ns1\.links\.b0\.kind: nsdeck makes veth, bridge/);
	});

	it('a veth whose other end is not declared back', () => {
		const text = lines('nsdeck: 1', 'namespaces:', '  ns1:', '    links:', '      v0: {kind: veth, peer: ns2/v1}', '  ns2: {}');
		expect(mistake(text)).toBe('lab.yaml:5: namespaces.ns1.links.v0.peer: its other end ns2/v1 must be declared too, as a veth whose peer is ns1/v0');
	});

	it('a file without the version line, or of another version', () => {
		expect(mistake(lines('namespaces: {}'))).toMatch(/^lab\.yaml:1: nsdeck: this nsdeck reads world files of version 1/);
		expect(mistake(lines('nsdeck: 2', 'namespaces: {}'))).toMatch(/^lab\.yaml:1: nsdeck: /);
	});

	it("netnsplan's post-script is refused with its line", () => {
		expect(mistake(lines('netns:', '  a:', '    post-script: |', '      sysctl --system'))).toBe('lab.yaml:3: netns.a.post-script: nsdeck runs no scripts: run it yourself after apply, or remove it');
	});
});

describe('reading world files', () => {
	it("reads netnsplan's tree: a veth's peer in another namespace or the host, bare addresses as host addresses", () => {
		const world = parseWorldFile('np.yaml', lines(
			'netns:',
			'  a:',
			'    ethernets:',
			'      eth9: {addresses: [192.0.2.1/24]}',
			'    dummy-devices:',
			'      d0: {addresses: [172.16.20.1]}',
			'    veth-devices:',
			'      va: {addresses: [10.0.0.1/24], peer: {name: vb, netns: b, addresses: [10.0.0.2/24], routes: [{to: default, via: 10.0.0.1}]}}',
			'      vh: {peer: {name: vh-host}}',
			'  b: {}',
		));
		const a = world.namespaces.find((n) => n.name === 'a');
		const b = world.namespaces.find((n) => n.name === 'b');
		const host = world.namespaces.find((n) => n.name === 'host');
		expect(a?.links.map((l) => [l.name, l.kind ?? 'external', l.addresses])).toEqual([
			['lo', 'external', []],
			['eth9', 'external', ['192.0.2.1/24']],
			['d0', 'dummy', ['172.16.20.1/32']],
			['va', 'veth', ['10.0.0.1/24']],
			['vh', 'veth', []],
		]);
		expect(a?.links.find((l) => l.name === 'eth9')?.moveFromHost).toBe(true);
		expect(b?.links.find((l) => l.name === 'vb')?.peer).toEqual({ns: 'a', name: 'va'});
		expect(b?.routes).toEqual([{family: 4, to: 'default', via: '10.0.0.1', dev: 'vb', table: 'main', type: 'unicast', proto: 'boot'}]);
		expect(host?.links.map((l) => [l.name, l.peer])).toEqual([['vh-host', {ns: 'a', name: 'vh'}]]);
	});

	it('spells values as the kernel prints them: host routes without /32, ::/0 as an IPv6 default', () => {
		const world = parseWorldFile('x.yaml', lines('nsdeck: 1', 'namespaces:', '  host:', '    routes:', '      - {to: 10.0.0.5/32, dev: lo}', '      - {to: "::/0", via: "fd00::1"}'));
		expect(world.namespaces[0].routes.map((r) => [r.family, r.to])).toEqual([[4, '10.0.0.5'], [6, 'default']]);
	});

	it.each([1, 2, 3, 4, 5, 6])('random world %i serializes and reads back as itself', (seed) => {
		const world = randomWorld(seed);
		const text = serializeWorldFile(world);
		const back = parseWorldFile('r.yaml', text);
		expect(serializeWorldFile(back)).toBe(text);
		expect(back).toEqual(world);
	});

	it('the random worlds the kernel tests use hold every kind, both families, multipath and several tables', () => {
		const kinds = new Set([1, 2, 3, 4].flatMap((seed) => randomWorld(seed).namespaces.flatMap((n) => n.links.map((l) => l.kind))));
		const families = new Set([1, 2, 3, 4].flatMap((seed) => randomWorld(seed).namespaces.flatMap((n) => n.rules.map((r) => r.family))));
		expect([...kinds]).toEqual(expect.arrayContaining(['bridge', 'veth', 'vxlan', 'tap']));
		expect(kinds.has('macvlan') || kinds.has('macvtap')).toBe(true);
		expect([...families].sort()).toEqual([4, 6]);
		const routes = [1, 2, 3, 4].flatMap((seed) => randomWorld(seed).namespaces.flatMap((n) => n.routes));
		expect(routes.some((r) => r.nexthops)).toBe(true);
		expect(new Set(routes.map((r) => r.table)).size).toBeGreaterThan(2);
	});
});

describe("the README's example", () => {
	it('is a world file nsdeck reads', () => {
		const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
		const section = readme.slice(readme.indexOf('## Networks as files'));
		const example = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
		const world = parseWorldFile('README.md', example);
		expect(world.namespaces.map((n) => n.name)).toEqual(['host', 'ns1']);
		expect(world.namespaces[1].routes[0]).toMatchObject({to: '10.9.0.0/16', table: '100', metric: 5});
	});
});
