// VLANs and ipvlans in world files. This kernel cannot make either, so the world comes from a fixture in
// iproute2's own JSON (`ip -j -d link`: vlan_print_opt's `id` and `protocol`, ipvlan_print_opt's `mode`),
// and what apply would run is checked as exact argv: save keeps them with their lower device, id and mode
// (not as `external`), the file reads back the same, and the plan from a world without them makes them
// after their lower devices.
import {describe, expect, it} from 'vitest';
import {parseLinks} from '../../source/model/parse.js';
import type {World} from '../../source/model/types.js';
import {captureWorld} from '../../source/model/world-file/capture.js';
import {parseWorldFile} from '../../source/model/world-file/parse.js';
import {serializeWorldFile} from '../../source/model/world-file/serialize.js';
import {destroyPlan} from '../../source/plans/world-destroy.js';
import {diffWorld} from '../../source/plans/world-diff.js';
import {fixtureText} from '../support/fixtures.js';
import {WorldBuilder} from '../support/hand-world.js';

/** The host of the fixture: eth0, bond0 with its vlans bond0.10 and bond0.20, and ipvl0 on eth0. */
function fixtureWorld(): World {
	const wanted = new Set(['eth0', 'bond0', 'bond0.10', 'bond0.20', 'ipvl0']);
	const links = parseLinks(fixtureText('kinds-not-made-here.json')).filter((l) => wanted.has(l.name));
	const host = new WorldBuilder().namespace('host').build().namespaces[0];
	return {namespaces: [{...host, links: [...host.links, ...links]}]};
}

const argvs = (plan: {steps: ReadonlyArray<{argv: readonly string[]}>} | undefined): string[] => (plan?.steps ?? []).map((s) => s.argv.join(' '));

describe('vlan and ipvlan in world files', () => {
	it('are saved with their lower device, id and mode', () => {
		const links = captureWorld(fixtureWorld()).namespaces[0]?.links ?? [];
		const byName = new Map(links.map((l) => [l.name, l]));
		expect(byName.get('bond0.10')).toMatchObject({kind: 'vlan', external: false, lower: {ns: 'host', name: 'bond0'}, id: 10});
		expect(byName.get('bond0.20')).toMatchObject({kind: 'vlan', lower: {ns: 'host', name: 'bond0'}, id: 20});
		expect(byName.get('ipvl0')).toMatchObject({kind: 'ipvlan', external: false, lower: {ns: 'host', name: 'eth0'}, mode: 'l3'});
		// A bond is not made by nsdeck: referenced.
		expect(byName.get('bond0')).toMatchObject({external: true});
	});

	it('read back as they were saved', () => {
		const saved = captureWorld(fixtureWorld());
		const text = serializeWorldFile(saved);
		expect(text).toContain('bond0.10:\n        kind: vlan\n        lower: bond0\n');
		expect(serializeWorldFile(parseWorldFile('w.yaml', text))).toBe(text);
	});

	it('are made after their lower devices, with exact argv', () => {
		const file = parseWorldFile('w.yaml', serializeWorldFile(captureWorld(fixtureWorld())));
		const without = {namespaces: fixtureWorld().namespaces.map((n) => ({...n, links: n.links.filter((l) => l.kind !== 'vlan' && l.kind !== 'ipvlan')}))};
		const diff = diffWorld(file, without);
		expect(diff.problems).toEqual([]);
		const made = argvs(diff.plan).filter((a) => a.includes(' link add '));
		expect(made).toEqual([
			'ip link add link bond0 name bond0.10 type vlan id 10',
			'ip link add link bond0 name bond0.20 type vlan id 20',
			'ip link add link eth0 name ipvl0 type ipvlan mode l3',
		]);
	});

	it('are deleted before their lower devices by destroy (the kernel takes them along)', () => {
		const file = parseWorldFile(
			'w.yaml',
			'nsdeck: 1\nnamespaces:\n  host:\n    links:\n      a0: {kind: dummy}\n      a0.7: {kind: vlan, lower: a0, id: 7}\n      b0: {kind: dummy}\n      b1: {kind: ipvlan, lower: b0, mode: l2}\n',
		);
		const world = new WorldBuilder().namespace('host').build();
		const host = world.namespaces[0];
		const link = (ifindex: number, name: string, kind: string, lower?: string, facts?: object) => ({...host.links[0], ifindex, name, kind, ...(lower ? {peerHint: {name: lower}} : {}), ...(facts ? {facts} : {}), addresses: []});
		const there = {namespaces: [{...host, links: [...host.links, link(10, 'a0', 'dummy'), link(11, 'a0.7', 'vlan', 'a0', {kind: 'vlan', id: 7}), link(12, 'b0', 'dummy'), link(13, 'b1', 'ipvlan', 'b0', {kind: 'ipvlan', mode: 'l2'})]}]} as World;
		const deleted = argvs(destroyPlan(file, there)).filter((a) => a.includes(' link del '));
		expect(deleted.indexOf('ip link del dev a0.7')).toBeLessThan(deleted.indexOf('ip link del dev a0'));
		expect(deleted.indexOf('ip link del dev b1')).toBeLessThan(deleted.indexOf('ip link del dev b0'));
		expect(deleted).toHaveLength(4);
	});

	it('a file is told what a vlan and an ipvlan take', () => {
		const bad = (link: string): string => {
			try {
				parseWorldFile('w.yaml', `nsdeck: 1\nnamespaces:\n  host:\n    links:\n      eth0: {external: true}\n      ${link}\n`);
				return '';
			} catch (error) {
				return error instanceof Error ? error.message : String(error);
			}
		};
		expect(bad('v: {kind: vlan, lower: eth0}')).toMatch(/a vlan needs its id/);
		expect(bad('v: {kind: vlan, lower: eth0, id: 4095}')).toMatch(/id/);
		expect(bad('v: {kind: ipvlan, lower: eth0, mode: bridge}')).toMatch(/one of l2, l3, l3s/);
		expect(bad('v: {kind: ipvlan, lower: eth0, mode: l3s}')).toBe('');
	});
});
