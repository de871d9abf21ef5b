// A tbf rate limit set from the shaping form slows traffic between two namespaces, and its undo takes it
// away again. Measured as bytes through in a fixed window (ping -f with a deadline), not as a time.
import {afterAll, beforeAll, expect, it} from 'vitest';
import {parseLinkCounters} from '../../source/model/traffic/counters.js';
import {shapingForm} from '../../source/plans/forms/shaping-form.js';
import {runPlan, undoSequence} from '../../source/plans/run-plan.js';
import {runCommand} from '../../source/system/runner.js';
import {createRealSystem} from '../../source/system/system.js';
import {readShownQdiscs, worldToJson} from '../../source/show.js';
import {buildLabScenario, ipJson, requireSandbox, resetWorld, sh} from '../support/sandbox.js';

beforeAll(async () => {
	requireSandbox();
	await buildLabScenario('pair');
});
afterAll(resetWorld);

/** Bytes the server received while the client flooded it for `seconds` (ping's own deadline). */
async function bytesThrough(seconds: number): Promise<number> {
	const before = parseLinkCounters(await sh('ip', '-n', 'server', '-s', '-j', 'link', 'show', 'pair-server'));
	// ping exits 1 when replies were lost (a limit drops some): that is the point, not a failure.
	await runCommand(['ip', 'netns', 'exec', 'client', 'ping', '-f', '-q', '-s', '1400', '-w', String(seconds), '10.0.0.2'], {timeoutMs: 30_000});
	const after = parseLinkCounters(await sh('ip', '-n', 'server', '-s', '-j', 'link', 'show', 'pair-server'));
	const rx = (m: typeof after): number => [...m.values()][0]?.rx.bytes ?? 0;
	return rx(after) - rx(before);
}

const rootQdisc = async (): Promise<string | undefined> => (await ipJson<{qdisc?: string}>('-n', 'client', 'link', 'show', 'pair-client'))[0]?.qdisc;

it('a tbf limit from the form slows a transfer, and its undo removes it', async () => {
	const system = createRealSystem({lab: true});
	const world = await system.readWorld();
	const link = world.namespaces.find((n) => n.id === 'client')?.links.find((l) => l.name === 'pair-client');
	const current = (await system.readQdiscs?.('client'))?.filter((q) => q.dev === 'pair-client');
	expect(current?.[0]?.kind).toBe('noqueue');
	const form = shapingForm({world, ns: 'client', link}, current);
	if (typeof form === 'string') throw new Error(form);

	const free = await bytesThrough(2);
	const values = {...form.initial, rate: '200kbit', burst: '16kbit'};
	expect(form.validate(values, world)).toEqual({});
	const plan = form.plan(values, world);
	const result = await runPlan(plan, {run: (argv) => runCommand(argv), log: () => undefined});
	expect(result.ok).toBe(true);
	expect(await rootQdisc()).toBe('tbf');
	const [tbf] = (await system.readQdiscs?.('client'))?.filter((q) => q.dev === 'pair-client') ?? [];
	expect(tbf?.options).toMatchObject({rate: 25_000});

	// show --json carries the link's qdiscs as tc -j prints them.
	const shownWorld = await system.readWorld();
	const json = worldToJson(shownWorld, undefined, undefined, await readShownQdiscs(system, shownWorld)) as {namespaces: Array<{id: string; links: Array<{ifname: string; qdisc?: string; nsdeck: {qdiscs: unknown}}>}>};
	const shownLink = json.namespaces.find((n) => n.id === 'client')?.links.find((l) => l.ifname === 'pair-client');
	expect(shownLink?.qdisc).toBe('tbf');
	const printed = JSON.parse(await sh('tc', '-n', 'client', '-j', 'qdisc', 'show')) as Array<{dev: string}>;
	expect(shownLink?.nsdeck.qdiscs).toEqual(printed.filter((q) => q.dev === 'pair-client'));

	const limited = await bytesThrough(2);
	// 200 kbit/s is 25 kB/s: two seconds let at most ~50 kB and the burst through; unlimited, a veth
	// carries megabytes. A tenth is far on either side of both.
	expect(limited).toBeGreaterThan(0);
	expect(limited).toBeLessThan(free / 10);
	expect(limited).toBeLessThan(2 * 25_000 + 16_000 + 20_000);

	for (const argv of undoSequence(plan.steps)) await sh(...argv);
	expect(await rootQdisc()).toBe('noqueue');
	expect(await bytesThrough(2)).toBeGreaterThan(limited * 10);
	system.stopCounters?.();
});
