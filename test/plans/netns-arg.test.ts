// How plans name the namespace an interface goes to (`netns …`): never by a word ip could take for a PID.
import {describe, expect, it} from 'vitest';
import {HOST_ID} from '../../source/model/types.js';
import {movePlan} from '../../source/plans/link-plans.js';
import {HOST_NETNS_PATH, netnsArg} from '../../source/plans/plan.js';
import {vethPlan} from '../../source/plans/veth-plan.js';

describe('netnsArg', () => {
	it.each([
		['ns2', 'ns2'],
		['n1', 'n1'],
		['1', '/run/netns/1'],
		['0x1', '/run/netns/0x1'],
		['017', '/run/netns/017'],
		['-1', '/run/netns/-1'],
		['/run/docker/netns/4f1c', '/run/docker/netns/4f1c'],
		['/proc/238/ns/net', '/proc/238/ns/net'],
	])('%s → %s', (ns, arg) => {
		expect(netnsArg(ns)).toBe(arg);
	});

	it('names the host by PID 1’s namespace path', () => {
		expect(netnsArg(HOST_ID)).toBe(HOST_NETNS_PATH);
	});
});

describe('plans into a namespace named like a number', () => {
	it('move and its undo name it by path', () => {
		const plan = movePlan({from: 'client', link: 'm1p', to: '1'});
		expect(plan.steps[0]).toEqual({argv: ['ip', '-n', 'client', 'link', 'set', 'dev', 'm1p', 'netns', '/run/netns/1'], undo: ['ip', '-n', '1', 'link', 'set', 'dev', 'm1p', 'netns', 'client']});
	});

	it('a veth end made in place names it by path', () => {
		const plan = vethPlan({name1: 'a1', ns1: '1', address1: '', bridge1: '', name2: 'a2', ns2: 'ns2', address2: '', bridge2: '', up: false});
		expect(plan.steps[0].argv).toEqual(['ip', 'link', 'add', 'name', 'a1', 'netns', '/run/netns/1', 'type', 'veth', 'peer', 'name', 'a2', 'netns', 'ns2']);
	});
});
