// Shaping plans as exact argv: tbf alone, netem alone, both (netem at the root, tbf below it), removal,
// and what undo sets back. netem's options are read from a fixture of `tc -j qdisc show` as iproute2
// prints them (this kernel has no sch_netem to print one).
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {parseQdiscs, qdiscArgs, qdiscText} from '../../source/model/traffic/qdisc.js';
import {shapePlan, tcIn, unshapePlan} from '../../source/plans/shaping-plans.js';
import {shapingForm} from '../../source/plans/forms/shaping-form.js';
import {fixtureWorld} from '../support/fixtures.js';

const NETEM_FIXTURE = parseQdiscs(readFileSync(new URL('../fixtures/tc-qdisc-netem.json', import.meta.url), 'utf8'));
const TBF_ROOT = parseQdiscs('[{"kind":"tbf","handle":"8001:","dev":"v0","root":true,"refcnt":3,"options":{"rate":125000,"burst":4096,"lat":400000}}]');

describe('tc in a namespace', () => {
	it('is tc -n for a name, plain tc in the host, nsenter for a path', () => {
		expect(tcIn('ns1', 'qdisc', 'show')).toEqual(['tc', '-n', 'ns1', 'qdisc', 'show']);
		expect(tcIn('host', 'qdisc', 'show')).toEqual(['tc', 'qdisc', 'show']);
		expect(tcIn('/proc/42/ns/net', 'qdisc', 'show')).toEqual(['nsenter', '--net=/proc/42/ns/net', 'tc', 'qdisc', 'show']);
	});
});

describe('shapePlan', () => {
	it('sets a tbf rate limit, undone by deleting the root qdisc when the default was there', () => {
		const plan = shapePlan({ns: 'ns1', link: 'v0', tbf: {rate: '1mbit', burst: '32kbit', latency: '400ms'}, current: []});
		expect(plan.steps).toEqual([
			{argv: ['tc', '-n', 'ns1', 'qdisc', 'replace', 'dev', 'v0', 'root', 'tbf', 'rate', '1mbit', 'burst', '32kbit', 'latency', '400ms'], undo: ['tc', '-n', 'ns1', 'qdisc', 'del', 'dev', 'v0', 'root']},
		]);
		expect(plan.title).toBe('Shape v0 in ns1: rate 1mbit');
	});

	it('sets netem with every option', () => {
		const plan = shapePlan({ns: 'ns1', link: 'v0', netem: {delay: '100ms', jitter: '10ms', loss: '1%', duplicate: '0.5%', reorder: '25%'}});
		expect(plan.steps.map((s) => s.argv)).toEqual([
			['tc', '-n', 'ns1', 'qdisc', 'replace', 'dev', 'v0', 'root', 'netem', 'delay', '100ms', '10ms', 'loss', '1%', 'duplicate', '0.5%', 'reorder', '25%'],
		]);
		expect(plan.title).toBe('Shape v0 in ns1: delay 100ms 10ms, loss 1%, duplicate 0.5%, reorder 25%');
	});

	it('puts netem at the root and the tbf below it when both are asked for', () => {
		const plan = shapePlan({ns: 'host', link: 'v0', tbf: {rate: '1mbit', burst: '32kbit', latency: '400ms'}, netem: {delay: '50ms'}});
		expect(plan.steps).toEqual([
			{argv: ['tc', 'qdisc', 'replace', 'dev', 'v0', 'root', 'handle', '1:', 'netem', 'delay', '50ms'], undo: ['tc', 'qdisc', 'del', 'dev', 'v0', 'root']},
			{argv: ['tc', 'qdisc', 'replace', 'dev', 'v0', 'parent', '1:1', 'handle', '10:', 'tbf', 'rate', '1mbit', 'burst', '32kbit', 'latency', '400ms'], undo: ['tc', 'qdisc', 'del', 'dev', 'v0', 'parent', '1:1', 'handle', '10:']},
		]);
	});

	it('undoes by setting back a tbf that was there, and says when it cannot', () => {
		const plan = shapePlan({ns: 'ns1', link: 'v0', netem: {delay: '5ms'}, current: TBF_ROOT});
		expect(plan.steps[0]?.undo).toEqual(['tc', '-n', 'ns1', 'qdisc', 'replace', 'dev', 'v0', 'root', 'tbf', 'rate', '1mbit', 'burst', '4096b', 'latency', '400ms']);
		const htb = parseQdiscs('[{"kind":"htb","handle":"1:","dev":"v0","root":true,"options":{"r2q":10}}]');
		const over = shapePlan({ns: 'ns1', link: 'v0', netem: {delay: '5ms'}, current: htb});
		expect(over.steps[0]?.undo).toEqual(['tc', '-n', 'ns1', 'qdisc', 'del', 'dev', 'v0', 'root']);
		expect(over.consequences?.join(' ')).toContain('htb');
	});
});

describe('unshapePlan', () => {
	it('deletes the root qdisc, undone by setting it back', () => {
		const plan = unshapePlan('ns1', 'v0', TBF_ROOT);
		expect(plan.steps).toEqual([{argv: ['tc', '-n', 'ns1', 'qdisc', 'del', 'dev', 'v0', 'root'], undo: ['tc', '-n', 'ns1', 'qdisc', 'replace', 'dev', 'v0', 'root', 'tbf', 'rate', '1mbit', 'burst', '4096b', 'latency', '400ms']}]);
		expect(plan.destructive).toBe(true);
	});
});

describe('tc -j qdisc show, netem (fixture)', () => {
	it('reads netem options and can set them again with the same argv', () => {
		const [netem, tbf, noqueue] = NETEM_FIXTURE;
		expect(netem && qdiscArgs(netem)).toEqual(['delay', '100ms', '10ms', 'loss', '1%', 'duplicate', '0.5%', 'reorder', '25%']);
		expect(tbf && qdiscText(tbf)).toBe('tbf parent 1:1 rate 1mbit burst 4096b latency 400ms');
		expect(noqueue?.root).toBe(true);
		// A root with a child cannot be set back whole: undo deletes it.
		expect(unshapePlan('ns1', 'veth0', NETEM_FIXTURE.filter((q) => q.dev === 'veth0')).steps[0]?.undo).toBeUndefined();
	});
});

describe('the shaping form', () => {
	const world = fixtureWorld('bridge');
	const ns = world.namespaces.find((n) => n.id === 'ns1');
	const link = ns?.links.find((l) => l.kind === 'veth');
	const form = shapingForm({world, ns: 'ns1', link}, []);
	if (typeof form === 'string') throw new Error(form);
	const values = (changes: Record<string, string | boolean>) => ({...form.initial, ...changes});

	it('refuses values tc would not take, before anything runs', () => {
		expect(form.validate(values({rate: 'fast'}), world).rate).toMatch(/rate/);
		expect(form.validate(values({loss: '150%'}), world).loss).toBe('at most 100%');
		expect(form.validate(values({jitter: '5ms'}), world).delay).toMatch(/need a delay/);
		expect(form.validate(values({}), world)._form).toBeDefined();
		expect(form.validate(values({remove: true}), world).remove).toMatch(/nothing to remove/);
	});

	it('makes the plan of what was typed', () => {
		const v = values({rate: '2mbit', loss: '1'});
		expect(form.validate(v, world)).toEqual({});
		expect(form.plan(v, world).steps.map((s) => s.argv.slice(4).join(' '))).toEqual([`replace dev ${link?.name} root handle 1: netem loss 1%`, `replace dev ${link?.name} parent 1:1 handle 10: tbf rate 2mbit burst 32kbit latency 400ms`]);
	});
});
