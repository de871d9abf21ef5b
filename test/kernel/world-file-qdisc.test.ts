// Shaping in world files against the kernel (issue 32): a tbf on a veth is saved; removed, diff shows the
// tc command that sets it again; apply sets it, and then diff is clean and a save is byte-identical.
// --prune takes off a root qdisc the file does not declare. (netem: this kernel has no sch_netem; its
// plans are unit-tested in test/model/world-file/qdisc-file.test.ts.)
import {afterAll, beforeEach, describe, expect, it} from 'vitest';
import {requireSandbox, resetWorld, sh} from '../support/sandbox.js';
import {nsdeck, save, worldFileDir} from '../support/world-cli.js';

const files = worldFileDir('world-qdisc');
afterAll(files.remove);

const rootQdisc = async (): Promise<string> => JSON.parse(await sh('tc', '-n', 'qa', '-j', 'qdisc', 'show', 'dev', 'va')).find((q: {root?: boolean}) => q.root)?.kind;

describe('a tbf in a world file', () => {
	beforeEach(async () => {
		requireSandbox();
		await resetWorld();
		await sh('ip', 'netns', 'add', 'qa');
		await sh('ip', 'netns', 'add', 'qb');
		await sh('ip', 'link', 'add', 'va', 'netns', 'qa', 'type', 'veth', 'peer', 'name', 'vb', 'netns', 'qb');
		await sh('tc', '-n', 'qa', 'qdisc', 'replace', 'dev', 'va', 'root', 'tbf', 'rate', '1mbit', 'burst', '32kbit', 'latency', '400ms');
	});

	it('is saved, and apply sets it again after it was removed', async () => {
		const first = save();
		expect(first).toContain('      va:\n        kind: veth\n        peer: qb/vb\n        up: false\n        qdisc:\n          tbf:\n            rate: 1mbit\n            burst: 4096b\n            latency: 400ms\n');
		const path = files.file('tbf.yaml', first);
		expect(nsdeck('diff', path).status).toBe(0);

		await sh('tc', '-n', 'qa', 'qdisc', 'del', 'dev', 'va', 'root');
		expect(await rootQdisc()).not.toBe('tbf');
		const diff = nsdeck('diff', path);
		expect(diff.status).toBe(2);
		expect(diff.stdout).toContain('tc -n qa qdisc replace dev va root tbf rate 1mbit burst 4096b latency 400ms');

		const applied = nsdeck('apply', path, '--yes');
		expect(applied.stderr).toBe('');
		expect(applied.status).toBe(0);
		expect(await rootQdisc()).toBe('tbf');
		const clean = nsdeck('diff', path);
		expect(clean.stdout).toBe('The world matches the file: nothing to change.\n');
		expect(clean.status).toBe(0);
		expect(save()).toBe(first);
	});

	it('not declared, is left alone by apply and taken off by apply --prune', async () => {
		const plain = save().replace(/ {8}qdisc:\n( {10}.*\n)+/, '');
		expect(plain).not.toContain('qdisc');
		const path = files.file('plain.yaml', plain);
		expect(nsdeck('diff', path).status).toBe(0);
		const pruned = nsdeck('apply', path, '--yes', '--prune');
		expect(pruned.stdout).toContain('tc -n qa qdisc del dev va root');
		expect(pruned.status).toBe(0);
		expect(await rootQdisc()).not.toBe('tbf');
		expect(nsdeck('diff', path, '--prune').status).toBe(0);
	});
});
