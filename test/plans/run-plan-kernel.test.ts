// A plan run with the kernel's reads: a step whose pinned interface changed does not run, and the steps
// before it are rolled back, then the state read before is restored.
import {describe, expect, it} from 'vitest';
import type {KernelState, NamespaceState} from '../../source/model/kernel-state.js';
import {ipIn, type Argv, type Plan} from '../../source/plans/plan.js';
import {runPlan, undoPlan, type LogEntry} from '../../source/plans/run-plan.js';
import type {KernelAccess} from '../../source/plans/transaction.js';
import type {CommandResult} from '../../source/system/runner.js';

const ns = (mtu: number): NamespaceState => ({id: 't', links: [{ifindex: 2, name: 'a1', kind: 'bridge', up: true, carrier: true, mtu, mac: '02:00:00:00:00:01', addresses: []}], routes: [], rules: [], neighbours: []});

/** A kernel whose a1 has `mtu` after the first command, and whose names are `names` when asked. */
function fakeKernel(names: Array<{ifindex: number; name: string}>) {
	const ran: string[] = [];
	let mtu = 1500;
	const run = async (argv: Argv): Promise<CommandResult> => {
		ran.push(argv.join(' '));
		if (argv.includes('mtu')) mtu = Number(argv[argv.indexOf('mtu') + 1]);
		return {argv, exitCode: 0, stdout: '', stderr: ''};
	};
	const kernel: KernelAccess = {read: async (): Promise<KernelState> => new Map([['t', ns(mtu)]]), linksNow: async () => names};
	return {ran, run, kernel};
}

const plan: Plan = {
	title: 'mtu then delete',
	dangerous: true,
	affects: ['t'],
	steps: [
		{argv: ipIn('t', 'link', 'set', 'dev', 'a1', 'mtu', '1400'), undo: ipIn('t', 'link', 'set', 'dev', 'a1', 'mtu', '1500')},
		{argv: ipIn('t', 'link', 'del', 'dev', 'a2'), pins: [{ns: 't', name: 'a2', ifindex: 3}]},
	],
};

describe('runPlan with the kernel', () => {
	it('stops before a step whose interface is another one now, rolls back, and says what changed', async () => {
		const {ran, run, kernel} = fakeKernel([{ifindex: 2, name: 'a1'}, {ifindex: 3, name: 'old2'}, {ifindex: 4, name: 'a2'}]);
		const log: LogEntry[] = [];
		const result = await runPlan(plan, {run, log: (e) => log.push(e), kernel});
		expect(result).toMatchObject({ok: false, stopped: true, failedStep: 1, left: []});
		expect(result.error).toBe('stopped before this step: a2 in t changed since the preview: a2 is now another interface (ifindex 4); the one the preview showed (ifindex 3) is now called old2');
		expect(ran).toEqual(['ip -n t link set dev a1 mtu 1400', 'ip -n t link set dev a1 mtu 1500']);
		expect(log.map((e) => e.status)).toEqual(['ok', 'not run', 'undo ok']);
	});

	it('runs when every pin holds; its undo restores the state read before', async () => {
		const {ran, run, kernel} = fakeKernel([{ifindex: 3, name: 'a2'}]);
		const result = await runPlan(plan, {run, log: () => {}, kernel});
		expect(result.ok).toBe(true);
		const undone = await undoPlan(plan, result.before, {run, log: () => {}, kernel});
		expect(undone).toMatchObject({ok: true, left: []});
		expect(ran.at(-1)).toBe('ip -n t link set dev a1 mtu 1500');
	});

	it('says nothing of "also changed" for a plan of raw commands, which says nothing of what it makes', async () => {
		// A tutorial's reset: every change would be "also", and its result overlay hid the tutorial.
		const {run, kernel} = fakeKernel([{ifindex: 2, name: 'a1'}]);
		const raw: Plan = {title: 'Reset the lab', dangerous: true, affects: ['t'], steps: [{argv: ipIn('t', 'link', 'set', 'dev', 'a1', 'mtu', '1400')}]};
		const result = await runPlan(raw, {run, log: () => {}, kernel});
		expect(result.ok).toBe(true);
		expect(result.alsoChanged).toBeUndefined();
		// A plan that says what it makes has what it did not say reported.
		const fresh = fakeKernel([{ifindex: 2, name: 'a1'}]);
		const said: Plan = {...raw, title: 'Set a1 up', effects: [{kind: 'setUp', ns: 't', link: 'a1', up: true}]};
		expect((await runPlan(said, {run: fresh.run, log: () => {}, kernel: fresh.kernel})).alsoChanged).toEqual(['a1 in t: MTU 1500 → 1400']);
	});
});
