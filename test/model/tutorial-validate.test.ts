import {describe, expect, it} from 'vitest';
import {builtinTutorials, findTutorial} from '../../source/plans/builtin-tutorials.js';
import {pingRecordOf} from '../../source/model/tutorial/ping-record.js';
import {parseTutorial, TutorialError} from '../../source/model/tutorial/validate.js';

const minimal = {title: 'T', summary: 'S', steps: [{goal: 'G', commands: ['ip netns add ns1'], check: {namespace: 'ns1'}}]};
const problem = (json: unknown): string => {
	try {
		parseTutorial('mine.json', 'mine', JSON.stringify(json));
	} catch (error) {
		expect(error).toBeInstanceOf(TutorialError);
		return (error as Error).message;
	}
	throw new Error('no error');
};

describe('tutorial files', () => {
	it('reads every built-in tutorial (six, in order)', () => {
		const names = builtinTutorials().map((t) => t.name);
		expect(names).toEqual(['1-fresh-namespace', '2-veth-pair', '3-bridge', '4-host-and-namespaces', '5-router', '6-repair']);
		for (const t of builtinTutorials()) expect(t.steps.length).toBeGreaterThan(2);
	});

	it('finds a tutorial by number, by words, or by full name', () => {
		expect(findTutorial('2')?.name).toBe('2-veth-pair');
		expect(findTutorial('veth-pair')?.name).toBe('2-veth-pair');
		expect(findTutorial('5-router')?.name).toBe('5-router');
		expect(findTutorial('7')).toBeUndefined();
	});

	it('reads a minimal file', () => {
		const t = parseTutorial('mine.json', 'mine', JSON.stringify(minimal));
		expect(t).toMatchObject({name: 'mine', title: 'T', setup: [], steps: [{goal: 'G', hints: [], check: {namespace: 'ns1'}}]});
	});

	it.each([
		['not JSON', '{', /^mine\.json: not valid JSON/],
		['no steps', {title: 'T', summary: 'S'}, /^mine\.json: steps: missing$/],
		['empty steps', {...minimal, steps: []}, /^mine\.json: steps: expected at least one item$/],
		['a misspelt field', {...minimal, titel: 'x'}, /^mine\.json: titel: unknown field/],
		['a step without a goal', {...minimal, steps: [{commands: [], check: {namespace: 'ns1'}}]}, /^mine\.json: steps\[0\]\.goal: missing$/],
		['two checks in one', {...minimal, steps: [{goal: 'G', commands: [], check: {namespace: 'a', link: {name: 'lo'}}}]}, /steps\[0\]\.check: expected exactly one of/],
		['a bad address', {...minimal, steps: [{goal: 'G', commands: [], check: {address: {ns: 'ns1', cidr: '10.1.1.1'}}}]}, /steps\[0\]\.check\.address\.cidr: "10\.1\.1\.1" is not an address with a prefix/],
		['a bad name deep inside', {...minimal, steps: [{goal: 'G', commands: [], check: {all: [{namespace: 'ns1'}, {link: {ns: 'a/b', name: 'lo'}}]}}]}, /steps\[0\]\.check\.all\[1\]\.link\.ns: /],
		['an unknown check', {...minimal, steps: [{goal: 'G', commands: [], check: {pong: {}}}]}, /steps\[0\]\.check\.pong: unknown field/],
		['a setup that is not ip', {...minimal, setup: [['rm', '-rf', '/']]}, /^mine\.json: setup\[0\]: a setup command must be an `ip` command/],
		['a setup as one string', {...minimal, setup: ['ip netns add x']}, /^mine\.json: setup\[0\]: expected a list$/],
		// ip itself can run programs, and a tutorial runs as root on the host's filesystem.
		['ip netns exec', {...minimal, setup: [['ip', 'netns', 'add', 'x'], ['ip', 'netns', 'exec', 'x', 'sh', '-c', 'id']]}, /^mine\.json: setup\[1\]: ip netns exec is not allowed: a setup may only add, delete, attach or set namespaces/],
		['ip netns exec, abbreviated', {...minimal, setup: [['ip', 'netns', 'e', 'x', 'sh']]}, /^mine\.json: setup\[0\]: ip netns e is not allowed/],
		['ip -batch', {...minimal, setup: [['ip', '-batch', '/tmp/commands']]}, /^mine\.json: setup\[0\]: ip option -batch is not allowed in a setup \(only -n NAME, -4, -6\)/],
		['ip -b, abbreviated', {...minimal, setup: [['ip', '-b', '/tmp/commands']]}, /setup\[0\]: ip option -b is not allowed/],
		['ip vrf exec', {...minimal, setup: [['ip', 'vrf', 'exec', 'red', 'sh']]}, /setup\[0\]: ip vrf is not an object a setup may use \(link, addr, route, rule, neigh, netns\)/],
		['an abbreviated object', {...minimal, setup: [['ip', 'l', 'add', 'x', 'type', 'dummy']]}, /setup\[0\]: ip l is not an object a setup may use/],
		['-n without a name', {...minimal, setup: [['ip', '-n']]}, /setup\[0\]: ip -n needs a namespace name/],
		['a family that is not 4 or 6', {...minimal, steps: [{goal: 'G', commands: [], check: {forwarding: {ns: 'host', family: 5, on: true}}}]}, /check\.forwarding\.family: expected 4 or 6/],
	])('names the file and the field: %s', (_, json, expected) => {
		const text = typeof json === 'string' ? json : JSON.stringify(json);
		let message = '';
		try {
			parseTutorial('mine.json', 'mine', text);
		} catch (error) {
			expect(error).toBeInstanceOf(TutorialError);
			message = (error as Error).message;
		}
		expect(message).toMatch(expected);
	});

	it('rejects a hint that is not text', () => {
		expect(problem({...minimal, steps: [{...minimal.steps[0], hints: [3]}]})).toBe('mine.json: steps[0].hints[0]: expected a non-empty string');
	});
});

describe('pingRecordOf', () => {
	it.each([
		[['ip', 'netns', 'exec', 'ns1', 'ping', '-n', '-c', '4', '10.1.1.2'], 0, {from: 'ns1', to: '10.1.1.2', answered: true}],
		[['ip', 'netns', 'exec', 'ns1', 'ping', '-c', '3', '10.0.2.2'], 1, {from: 'ns1', to: '10.0.2.2', answered: false}],
		[['ping', '-6', '-c', '1', 'fd00::1'], 0, {from: 'host', to: 'fd00::1', answered: true}],
		[['ip', 'netns', 'exec', 'ns1', 'ping', '-c', '3', '10.0.2.2'], undefined, undefined],
		[['ip', 'netns', 'exec', 'ns1', 'ip', 'addr'], 0, undefined],
		[['ping', 'example.org'], 0, undefined],
	])('%j, exit %s', (argv, exitCode, expected) => {
		expect(pingRecordOf(argv, exitCode)).toEqual(expected);
	});
});
