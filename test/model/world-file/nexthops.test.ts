// Nexthop objects in a world file: read and checked, written back as read, and made with ip's own words;
// a route through one names it by nhid alone.
import {describe, expect, it} from 'vitest';
import {nexthopArgs} from '../../../source/model/world-file/nexthops.js';
import {declaredRoute} from '../../../source/model/world-file/normalize.js';
import {parseWorldFile} from '../../../source/model/world-file/parse.js';
import {serializeWorldFile} from '../../../source/model/world-file/serialize.js';

const FILE = [
	'nsdeck: 1',
	'namespaces:',
	'  a:',
	'    nexthops:',
	'      - id: 5',
	'        via: 10.6.0.2',
	'        dev: v0',
	'      - id: 8',
	'        blackhole: true',
	'      - id: 7',
	'        group:',
	'          - id: 5',
	'            weight: 2',
	'          - id: 8',
	'    routes:',
	'      - to: 10.9.0.0/16',
	'        nhid: 7',
	'',
].join('\n');

const mistake = (text: string): string => {
	try {
		parseWorldFile('lab.yaml', text);
	} catch (error) {
		return (error as Error).message;
	}
	throw new Error('the file was accepted');
};

describe('nexthop objects in world files', () => {
	it('reads them and writes them back as they were', () => {
		const world = parseWorldFile('lab.yaml', FILE);
		expect(world.namespaces[0].nexthops?.map(nexthopArgs)).toEqual([
			['id', '5', 'via', '10.6.0.2', 'dev', 'v0'],
			['id', '8', 'blackhole'],
			['id', '7', 'group', '5,2/8'],
		]);
		expect(world.namespaces[0].routes[0].nhid).toBe(7);
		expect(serializeWorldFile(world).split('\n').slice(2).join('\n')).toBe(FILE);
	});

	it('refuses an object that is neither a hop, a blackhole nor a group, and a route with nhid and a gateway', () => {
		expect(mistake('nsdeck: 1\nnamespaces:\n  a:\n    nexthops:\n      - {id: 5, blackhole: true, via: 10.0.0.1}\n')).toBe('lab.yaml:5: namespaces.a.nexthops[0]: is one of: via and/or dev, blackhole: true, or a group');
		expect(mistake('nsdeck: 1\nnamespaces:\n  a:\n    routes:\n      - {to: 10.9.0.0/16, nhid: 5, via: 10.0.0.1}\n')).toMatch(/^lab\.yaml:5: namespaces\.a\.routes\[0\]\.nhid: a route with nhid goes where its nexthop object says/);
	});

	it('saves a kernel route through an object by its nhid, not the hops ip prints beside it', () => {
		const route = declaredRoute({family: 4, dst: '10.11.0.0/16', nhid: 8, type: 'blackhole', table: 'main', flags: [], nexthops: [{gateway: '10.6.0.2', dev: 'v0', weight: 1, flags: []}]} as never);
		expect(route).toEqual({family: 4, to: '10.11.0.0/16', table: 'main', type: 'unicast', proto: 'boot', nhid: 8});
	});
});
