// show --json: `reach` is shell text, as the log and exported scripts write commands (a namespace's name is
// quoted in it, so pasting it runs nothing the name holds); links are the records ip printed, for kinds
// this kernel cannot make too (test/fixtures); and the text holds no raw C1 control or bidi override.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {jsonText, worldToJson} from '../source/show.js';
import {parseLinks} from '../source/model/parse.js';
import {HOST_ID, type World} from '../source/model/types.js';
import {WorldBuilder} from './support/hand-world.js';
import {differences} from './support/ip-differences.js';

type Json = Record<string, unknown>;

describe('show --json', () => {
	it('quotes a name in reach as a shell would need it', () => {
		const world = new WorldBuilder().namespace(HOST_ID).namespace('x; rm -rf ~').namespace('sp ace').namespace('plain').build();
		const json = worldToJson(world) as {namespaces: Array<{id: string; nsdeck: {reach: string}}>};
		const reach = Object.fromEntries(json.namespaces.map((n) => [n.id, n.nsdeck.reach]));
		expect(reach).toEqual({[HOST_ID]: '', 'x; rm -rf ~': "ip netns exec 'x; rm -rf ~'", 'sp ace': "ip netns exec 'sp ace'", plain: 'ip netns exec plain'});
	});

	it('prints the links of kinds not made here as ip printed them, findings apart', () => {
		const text = readFileSync(new URL('fixtures/kinds-not-made-here.json', import.meta.url), 'utf8');
		const records = JSON.parse(text) as Json[];
		const base = new WorldBuilder().namespace(HOST_ID).build().namespaces[0];
		const world: World = {namespaces: [{...base, links: parseLinks(text)}]};
		const [shown] = (worldToJson(world) as {namespaces: Array<{links: Json[]}>}).namespaces;
		expect(shown.links).toHaveLength(records.length);
		shown.links.forEach(({nsdeck, ...link}, i) => {
			expect(nsdeck).toMatchObject({state: expect.any(String)});
			expect(differences(link, records[i], String(link.ifname))).toEqual([]);
			expect(differences(records[i], link, String(link.ifname))).toEqual([]);
		});
	});

	it('escapes C1 controls, bidi overrides and isolates', () => {
		const text = jsonText({name: 'a\u0085b\u202ec\u2066d\u001be'});
		expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u0080-\u009f\u202a-\u202e\u2066-\u2069]/);
		expect(JSON.parse(text)).toEqual({name: 'a\u0085b\u202ec\u2066d\u001be'});
	});
});
