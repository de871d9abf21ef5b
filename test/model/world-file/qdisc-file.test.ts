// Shaping in world files (issue 32): a link's tbf and netem are saved from `tc -j qdisc show`, read back
// checked, compared by value (tc's units and rounding), set by apply with `tc qdisc replace`, deleted by
// apply --prune and destroy.
import {describe, expect, it} from 'vitest';
import {parseQdiscs, type Qdisc} from '../../../source/model/traffic/qdisc.js';
import type {Link, World} from '../../../source/model/types.js';
import {captureWorld} from '../../../source/model/world-file/capture.js';
import {parseWorldFile} from '../../../source/model/world-file/parse.js';
import {declaredQdisc, sameQdisc} from '../../../source/model/world-file/qdisc-file.js';
import {serializeWorldFile} from '../../../source/model/world-file/serialize.js';
import {destroyPlan} from '../../../source/plans/world-destroy.js';
import {diffWorld} from '../../../source/plans/world-diff.js';
import {fixtureText} from '../../support/fixtures.js';
import {WorldBuilder} from '../../support/hand-world.js';

const TBF = '[{"kind":"tbf","handle":"8001:","dev":"va","root":true,"refcnt":2,"options":{"rate":125000,"burst":4096,"lat":400000}}]';
const file = (...lines: string[]): ReturnType<typeof parseWorldFile> => parseWorldFile('w.yaml', lines.join('\n') + '\n');
const argvs = (plan: {steps: ReadonlyArray<{argv: readonly string[]}>} | undefined): string[] => (plan?.steps ?? []).map((s) => s.argv.join(' '));

/** a/va ↔ b/vb, with va's root qdisc of this kind (as the link record says it). */
function pair(qdisc?: string): World {
	const world = new WorldBuilder().namespace('host').namespace('a').namespace('b').veth('a/va', 'b/vb').build();
	const shaped = (l: Link): Link => (l.name === 'va' && qdisc ? {...l, qdisc} : l);
	return {namespaces: world.namespaces.map((ns) => ({...ns, links: ns.links.map(shaped)}))};
}

const A_TBF = ['nsdeck: 1', 'namespaces:', '  a:', '    links:', '      va:', '        kind: veth', '        peer: b/vb', '        qdisc:', '          tbf: {rate: 1000kbit, burst: 32kbit, latency: 400ms}', '  b:', '    links:', '      vb: {kind: veth, peer: a/va}'];

describe('a qdisc as a world file says it', () => {
	it('netem with a tbf under it, as the shaping form makes them', () => {
		const qdiscs = parseQdiscs(fixtureText('tc-qdisc-netem.json')).filter((q) => q.dev === 'veth0');
		expect(declaredQdisc(qdiscs)).toEqual({
			netem: {delay: '100ms', jitter: '10ms', loss: '1%', duplicate: '0.5%', reorder: '25%'},
			tbf: {rate: '1mbit', burst: '4096b', latency: '400ms'},
		});
	});

	it('nothing for the default, nor for what nsdeck does not set (htb)', () => {
		expect(declaredQdisc(parseQdiscs('[{"kind":"noqueue","handle":"0:","dev":"va","root":true,"options":{}}]'))).toBeUndefined();
		expect(declaredQdisc(parseQdiscs('[{"kind":"htb","handle":"1:","dev":"va","root":true,"options":{"r2q":10,"default":"0"}}]'))).toBeUndefined();
	});

	it('compares by value: 1000kbit is 1mbit, 32kbit is 4096b, tc rounding a latency is no change', () => {
		const tbf = (rate: string, burst: string, latency: string) => ({tbf: {rate, burst, latency}});
		expect(sameQdisc(tbf('1000kbit', '32kbit', '400ms'), tbf('1mbit', '4096b', '400ms'))).toBe(true);
		expect(sameQdisc(tbf('1mbit', '4096b', '400ms'), tbf('1mbit', '4095b', '399.9ms'))).toBe(true);
		expect(sameQdisc(tbf('2mbit', '4096b', '400ms'), tbf('1mbit', '4096b', '400ms'))).toBe(false);
		expect(sameQdisc({netem: {delay: '100ms', loss: '1%'}}, {netem: {delay: '0.1s', loss: '1%'}})).toBe(true);
		expect(sameQdisc({netem: {delay: '100ms', loss: '1%'}}, {netem: {delay: '100ms'}})).toBe(false);
		expect(sameQdisc(tbf('1mbit', '4096b', '400ms'), undefined)).toBe(false);
	});

	it('is saved under its link and read back the same', () => {
		const qdiscs = new Map<string, readonly Qdisc[]>([['a', parseQdiscs(TBF)]]);
		const text = serializeWorldFile(captureWorld(pair('tbf'), {qdiscs}));
		expect(text).toContain('        qdisc:\n          tbf:\n            rate: 1mbit\n            burst: 4096b\n            latency: 400ms\n');
		const back = parseWorldFile('w.yaml', text);
		expect(back.namespaces.find((n) => n.name === 'a')?.links.find((l) => l.name === 'va')?.qdisc).toEqual({tbf: {rate: '1mbit', burst: '4096b', latency: '400ms'}});
		expect(serializeWorldFile(back)).toBe(text);
	});

	it('refuses what tc would not take, naming the field', () => {
		const bad = (qdisc: string) => () => file('nsdeck: 1', 'namespaces:', '  a:', '    links:', `      va: {kind: veth, peer: b/vb, qdisc: ${qdisc}}`);
		expect(bad('{tbf: {rate: fast}}')).toThrow('w.yaml:5: namespaces.a.links.va.qdisc.tbf.rate: a rate as tc writes it');
		expect(bad('{netem: {loss: 120%}}')).toThrow('at most 100%');
		expect(bad('{netem: {jitter: 10ms}}')).toThrow('jitter needs a delay');
		expect(bad('{htb: {}}')).toThrow('unknown key');
		expect(bad('{}')).toThrow('needs tbf');
		expect(bad('{netem: {delay: "1ms; reboot"}}')).toThrow('a time');
	});
});

describe('apply, diff and destroy with a qdisc', () => {
	it('sets a declared tbf with tc qdisc replace, undone by deleting it', () => {
		const diff = diffWorld(file(...A_TBF), pair(), {qdiscs: new Map()});
		expect(argvs(diff.plan)).toEqual(['tc -n a qdisc replace dev va root tbf rate 1000kbit burst 32kbit latency 400ms']);
		expect(diff.plan?.steps[0].undo).toEqual(['tc', '-n', 'a', 'qdisc', 'del', 'dev', 'va', 'root']);
	});

	it('has nothing to do when the kernel has it, in its own units', () => {
		expect(diffWorld(file(...A_TBF), pair('tbf'), {qdiscs: new Map([['a', parseQdiscs(TBF)]])}).plan).toBeUndefined();
	});

	it('sets it again when the rate differs, with an undo that sets the old one back', () => {
		const other = TBF.replace('125000', '250000');
		const plan = diffWorld(file(...A_TBF), pair('tbf'), {qdiscs: new Map([['a', parseQdiscs(other)]])}).plan;
		expect(argvs(plan)).toEqual(['tc -n a qdisc replace dev va root tbf rate 1000kbit burst 32kbit latency 400ms']);
		expect(plan?.steps[0].undo?.join(' ')).toBe('tc -n a qdisc replace dev va root tbf rate 2mbit burst 4096b latency 400ms');
	});

	it('netem as plans: netem at the root, the tbf under it', () => {
		const lines = A_TBF.map((l) => (l.includes('tbf:') ? `${l}\n          netem: {delay: 100ms, jitter: 10ms, loss: 1}` : l));
		expect(argvs(diffWorld(file(...lines.join('\n').split('\n')), pair(), {qdiscs: new Map()}).plan)).toEqual([
			'tc -n a qdisc replace dev va root handle 1: netem delay 100ms 10ms loss 1%',
			'tc -n a qdisc replace dev va parent 1:1 handle 10: tbf rate 1000kbit burst 32kbit latency 400ms',
		]);
	});

	it('leaves an undeclared qdisc alone, and deletes it with --prune', () => {
		const plain = file(...A_TBF.filter((l) => !l.includes('qdisc') && !l.includes('tbf:')));
		const qdiscs = new Map([['a', parseQdiscs(TBF)]]);
		expect(diffWorld(plain, pair('tbf'), {qdiscs}).plan).toBeUndefined();
		const pruned = diffWorld(plain, pair('tbf'), {qdiscs, prune: true}).plan;
		expect(argvs(pruned)).toEqual(['tc -n a qdisc del dev va root']);
		expect(pruned?.steps[0].undo?.join(' ')).toBe('tc -n a qdisc replace dev va root tbf rate 1mbit burst 4096b latency 400ms');
	});

	it('destroy takes a declared qdisc off an external link in the host', () => {
		const world = new WorldBuilder().namespace('host').veth('host/eth9', 'host/eth8').build();
		const shaped: World = {namespaces: world.namespaces.map((ns) => ({...ns, links: ns.links.map((l) => (l.name === 'eth9' ? {...l, qdisc: 'tbf'} : l))}))};
		const declared = file('nsdeck: 1', 'namespaces:', '  host:', '    links:', '      eth9: {external: true, qdisc: {tbf: {rate: 1mbit}}}');
		const tbf = new Map([['host', parseQdiscs(TBF.replace('"va"', '"eth9"'))]]);
		expect(argvs(destroyPlan(declared, shaped, tbf))).toEqual(['tc qdisc del dev eth9 root']);
	});
});
