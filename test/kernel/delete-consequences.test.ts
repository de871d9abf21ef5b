// Deleting an interface: the preview names everything the kernel takes with it (its veth peer, devices
// stacked on it in any namespace, addresses, routes), and after it runs exactly those are gone.
import {beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {resolvePeer} from '../../source/model/topology.js';
import {deleteLinkForm} from '../../source/plans/forms/link-forms.js';
import type {Plan} from '../../source/plans/plan.js';
import {runPlan} from '../../source/plans/run-plan.js';
import {runCommand} from '../../source/system/runner.js';
import {readWorld} from '../../source/system/snapshot.js';
import {requireSandbox, resetWorld, sh} from '../support/sandbox.js';

beforeAll(requireSandbox);
beforeEach(async () => {
	await resetWorld();
	await sh('ip', 'netns', 'add', 'box');
	await sh('ip', 'link', 'add', 'name', 'lowr', 'type', 'veth', 'peer', 'name', 'lowr2');
	await sh('ip', 'addr', 'add', '10.44.0.1/24', 'dev', 'lowr');
	await sh('ip', 'link', 'set', 'dev', 'lowr', 'up');
	await sh('ip', 'link', 'add', 'link', 'lowr', 'name', 'mv1', 'type', 'macvlan', 'mode', 'bridge');
	await sh('ip', 'link', 'add', 'link', 'lowr', 'name', 'mvt', 'type', 'macvtap');
	await sh('ip', 'link', 'set', 'dev', 'mvt', 'netns', 'box');
	await sh('ip', 'link', 'add', 'name', 'bystander', 'type', 'veth', 'peer', 'name', 'bystander2');
	await sh('ip', 'link', 'add', 'link', 'bystander', 'name', 'mv9', 'type', 'macvlan');
});

const names = async (): Promise<string[]> =>
	(await readWorld(runCommand)).namespaces.flatMap((ns) => ns.links.map((l) => `${ns.id}/${l.name}`)).sort();

/** The plan d makes for deleting the interface lowr, and what its preview says goes with it. */
async function deletingLowr(): Promise<{plan: Plan; said: string}> {
	const world = await readWorld(runCommand);
	const host = world.namespaces.find((n) => n.id === 'host');
	const link = host?.links.find((l) => l.name === 'lowr');
	if (!host || !link) throw new Error('no lowr');
	const form = deleteLinkForm({world, ns: 'host', link}, resolvePeer(world, host, link));
	if (typeof form === 'string') throw new Error(form);
	const plan = form.plan({what: 'interface lowr'}, world);
	return {plan, said: (plan.consequences ?? []).join('\n')};
}

/** Runs the plan: it succeeds, and exactly the interfaces `gone` are gone. */
async function expectRunTakes(plan: Plan, gone: readonly string[]): Promise<void> {
	const before = await names();
	const result = await runPlan(plan, {run: (argv) => runCommand(argv), log: () => {}});
	expect(result.ok).toBe(true);
	expect(await names()).toEqual(before.filter((n) => !gone.includes(n)));
}

describe('deleting an interface others stand on', () => {
	it('offers its address first; the interface itself is never the default', async () => {
		const world = await readWorld(runCommand);
		const link = world.namespaces.find((n) => n.id === 'host')?.links.find((l) => l.name === 'lowr');
		const form = deleteLinkForm({world, ns: 'host', link});
		if (typeof form === 'string') throw new Error(form);
		expect(form.initial.what).toBe('address 10.44.0.1/24');
		expect(form.fields[0].options?.at(-1)).toBe('interface lowr');
	});

	it('names its peer, its stacked devices in every namespace, its addresses and routes; then exactly those go', async () => {
		const {plan, said} = await deletingLowr();
		expect(said).toContain('the other end (lowr2) is deleted too');
		expect(said).toMatch(/devices stacked on it are deleted too: .*mv1 \(macvlan\)/);
		expect(said).toMatch(/box\/mvt \(macvtap\)/);
		expect(said).not.toContain('mv9');
		expect(said).toContain('its addresses go: 10.44.0.1/24');
		expect(said).toMatch(/routes through it go: 10\.44\.0\.0\/24 dev lowr/);
		await expectRunTakes(plan, ['host/lowr', 'host/lowr2', 'host/mv1', 'box/mvt']);
	});

	it("names what goes with the other end too: its stacked devices, addresses and routes; then exactly those go", async () => {
		await sh('ip', 'addr', 'add', '10.45.0.2/24', 'dev', 'lowr2');
		await sh('ip', 'link', 'set', 'dev', 'lowr2', 'up');
		await sh('ip', 'link', 'add', 'link', 'lowr2', 'name', 'mv2', 'type', 'macvlan');
		const {plan, said} = await deletingLowr();
		expect(said).toMatch(/devices stacked on the other end are deleted too: .*mv2 \(macvlan\)/);
		expect(said).toContain("the other end's addresses go: 10.45.0.2/24");
		expect(said).toMatch(/routes through the other end go: 10\.45\.0\.0\/24 dev lowr2/);
		await expectRunTakes(plan, ['host/lowr', 'host/lowr2', 'host/mv1', 'box/mvt', 'host/mv2']);
	});
});
