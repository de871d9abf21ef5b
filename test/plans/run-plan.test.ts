// Running plans: order, rollback of finished steps in reverse, the log, dry runs.
import {describe, expect, it} from 'vitest';
import type {Argv, Plan} from '../../source/plans/plan.js';
import {runPlan, undoSequence, type LogEntry} from '../../source/plans/run-plan.js';
import type {CommandResult} from '../../source/system/runner.js';
import {vethPlan} from '../../source/plans/veth-plan.js';

function scriptedRun(failAt: string, stderr = 'RTNETLINK answers: File exists') {
	const ran: string[] = [];
	const run = async (argv: Argv): Promise<CommandResult> => {
		const text = argv.join(' ');
		ran.push(text);
		return text === failAt ? {argv, exitCode: 2, stdout: '', stderr} : {argv, exitCode: 0, stdout: '', stderr: ''};
	};
	return {ran, run};
}

const plan: Plan = {
	title: 'three steps',
	dangerous: false,
	affects: ['ns1'],
	steps: [
		{argv: ['ip', 'a1'], undo: ['ip', 'u1']},
		{argv: ['ip', 'a2'], undo: ['ip', 'u2']},
		{argv: ['ip', 'a3'], undo: ['ip', 'u3']},
		{argv: ['ip', 'a4'], undo: ['ip', 'u4']},
	],
};

describe('runPlan', () => {
	it('runs every step in order and logs each', async () => {
		const {ran, run} = scriptedRun('none');
		const log: LogEntry[] = [];
		const result = await runPlan(plan, {run, log: (e) => log.push(e)});
		expect(result.ok).toBe(true);
		expect(ran).toEqual(['ip a1', 'ip a2', 'ip a3', 'ip a4']);
		expect(log.map((e) => e.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
	});

	it('undoes the finished steps in reverse when a step fails, and stops there', async () => {
		const {ran, run} = scriptedRun('ip a3');
		const log: LogEntry[] = [];
		const result = await runPlan(plan, {run, log: (e) => log.push(e)});
		expect(ran).toEqual(['ip a1', 'ip a2', 'ip a3', 'ip u2', 'ip u1']);
		expect(result).toMatchObject({ok: false, failedStep: 2, error: 'RTNETLINK answers: File exists'});
		expect(result.hint).toMatch(/already exists/);
		expect(result.rolledBack.map((u) => u.argv.join(' '))).toEqual(['ip u2', 'ip u1']);
		expect(log.map((e) => `${e.status}:${e.argv.join(' ')}`)).toEqual(['ok:ip a1', 'ok:ip a2', 'failed:ip a3', 'undo ok:ip u2', 'undo ok:ip u1']);
		expect(log[2].error).toBe('RTNETLINK answers: File exists');
	});

	it('rolls a veth pair back with one delete, in the namespace end 1 was made in', () => {
		const veth = vethPlan({name1: 'a', ns1: 'ns1', address1: '10.0.0.1/24', name2: 'b', ns2: 'ns2', address2: '', bridge2: 'br0', up: true});
		// Failing after the add, the address and the bridge undoes once: deleting one end deletes both.
		expect(undoSequence(veth.steps.slice(0, 3)).map((a) => a.join(' '))).toEqual(['ip -n ns1 link del dev a']);
		expect(undoSequence(veth.steps.slice(0, 1)).map((a) => a.join(' '))).toEqual(['ip -n ns1 link del dev a']);
	});

	it('runs nothing in a dry run and logs every step as not run', async () => {
		const {ran, run} = scriptedRun('none');
		const log: LogEntry[] = [];
		const result = await runPlan(plan, {run, log: (e) => log.push(e), dryRun: true});
		expect(ran).toEqual([]);
		expect(result).toMatchObject({ok: true, dryRun: true});
		expect(log.map((e) => e.status)).toEqual(['not run', 'not run', 'not run', 'not run']);
	});
});
