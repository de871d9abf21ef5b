// The status line after a failed plan says only what is true of the undo, as the result overlay does.
import {describe, expect, it} from 'vitest';
import {rollbackSummary} from '../../source/ui/hooks/use-plans.js';
import type {PlanResult} from '../../source/plans/run-plan.js';

const plan = {title: 'Shape veth_ns2 in ns2', steps: []} as unknown as PlanResult['plan'];
const failed = (over: Partial<PlanResult>): PlanResult => ({ok: false, dryRun: false, plan, failedStep: 0, error: 'x', rolledBack: [], ...over});

describe('rollbackSummary', () => {
	it('says nothing had changed when the first step failed and the kernel matches what it read before', () => {
		expect(rollbackSummary(failed({left: []}))).toBe('nothing had changed');
	});
	it('says rolled back when undo steps ran and nothing is left different', () => {
		expect(rollbackSummary(failed({left: [], rolledBack: [{argv: ['ip', 'link', 'del', 'a'], ok: true}]}))).toBe('rolled back');
	});
	it('names what is still different', () => {
		expect(rollbackSummary(failed({left: ['br0 carrier']}))).toBe('rollback incomplete: still different: br0 carrier');
	});
});
