// A plan that fails at its third step leaves the world exactly as it was: same snapshot before and after.
import {beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {addAddressPlan} from '../../source/plans/address-plans.js';
import {togglePlan} from '../../source/plans/link-plans.js';
import type {Plan} from '../../source/plans/plan.js';
import {addRoutePlan} from '../../source/plans/route-plans.js';
import {runPlan, type LogEntry} from '../../source/plans/run-plan.js';
import {vethPlan} from '../../source/plans/veth-plan.js';
import {runCommand} from '../../source/system/runner.js';
import {readWorld} from '../../source/system/snapshot.js';
import {buildLabScenario, requireSandbox} from '../support/sandbox.js';

beforeAll(requireSandbox);
beforeEach(() => buildLabScenario('bridge'));

async function failsAtThirdStepAndRollsBack(plan: Plan): Promise<LogEntry[]> {
	const before = await readWorld(runCommand);
	const log: LogEntry[] = [];
	const result = await runPlan(plan, {run: (argv) => runCommand(argv), log: (e) => log.push(e)});
	expect(result.ok).toBe(false);
	expect(result.failedStep).toBe(2);
	expect(result.rolledBack.every((u) => u.ok)).toBe(true);
	const after = await readWorld(runCommand);
	expect(after).toEqual(before);
	return log;
}

describe('rollback against the kernel', () => {
	it('a veth pair whose second end cannot be plugged in is removed again, both ends with one delete', async () => {
		// veth_ns2 is no bridge: the kernel refuses to make it a master.
		const plan = vethPlan({name1: 'rb1', ns1: 'ns1', address1: '10.9.0.1/24', name2: 'rb2', ns2: 'ns2', address2: '', bridge2: 'veth_ns2', up: true});
		const log = await failsAtThirdStepAndRollsBack(plan);
		expect(log.map((e) => `${e.status}: ${e.argv.join(' ')}`)).toEqual([
			'ok: ip link add name rb1 netns ns1 type veth peer name rb2 netns ns2',
			'ok: ip -n ns1 addr add 10.9.0.1/24 dev rb1',
			'failed: ip -n ns2 link set dev rb2 master veth_ns2',
			'undo ok: ip -n ns1 link del dev rb1',
		]);
	});

	it('independent steps are undone one by one, newest first', async () => {
		const steps = [
			// IPv4: the kernel drops IPv6 addresses when a link goes down (keep_addr_on_down=0).
			...addAddressPlan({ns: 'ns1', link: 'veth_ns1', cidr: '10.9.9.1/24'}).steps,
			...togglePlan('ns1', 'veth_ns1', false).steps,
			// A gateway on no connected subnet: the kernel refuses ("Nexthop has invalid gateway").
			...addRoutePlan({ns: 'ns1', dst: '10.77.0.0/16', via: '10.99.0.1', dev: '', family: 4}).steps,
		];
		const log = await failsAtThirdStepAndRollsBack({title: 'three steps', dangerous: false, steps, affects: ['ns1']});
		expect(log.map((e) => e.status)).toEqual(['ok', 'ok', 'failed', 'undo ok', 'undo ok']);
		expect(log[2].error).toMatch(/Nexthop has invalid gateway|Network is unreachable/);
		expect(log[3].argv.join(' ')).toBe('ip -n ns1 link set dev veth_ns1 up');
		expect(log[4].argv.join(' ')).toBe('ip -n ns1 addr del 10.9.9.1/24 dev veth_ns1');
	});
});
