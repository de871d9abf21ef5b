// Names that are no UTF-8 (issue 26): devices x\xff and x\xef\xbf\xbd in one namespace both read as
// x\uFFFD, and deleting the first deleted the second; namespaces n\xff and n\xef\xbf\xbd showed as one row.
// Now each is read apart, shown escaped, and every change on a name that is no UTF-8 is refused.
import {beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {shown} from '../../source/model/display.js';
import {isRawName, NOT_UTF8} from '../../source/model/raw-names.js';
import {deleteLinkForm} from '../../source/plans/forms/link-forms.js';
import {deleteNamespacePlan} from '../../source/plans/namespace-plans.js';
import {changeFor} from '../../source/state/change-actions.js';
import {initialState} from '../../source/state/reducer.js';
import {createRealSystem} from '../../source/system/system.js';
import {runPlan} from '../../source/plans/run-plan.js';
import {findNetdump} from '../../source/system/netdump-binary.js';
import {runCommand} from '../../source/system/runner.js';
import {readWorld} from '../../source/system/snapshot.js';
import {requireSandbox, resetWorld, sh} from '../support/sandbox.js';

// Raw bytes in argv go through printf: Node would send a name as UTF-8 text.
const bytesSh = (script: string): Promise<string> => sh('sh', '-c', script);

beforeAll(requireSandbox);
beforeEach(async () => {
	await resetWorld();
	await sh('ip', 'netns', 'add', 'raw');
	await bytesSh(`ip -n raw link add "$(printf 'x\\377')" type veth peer name rawpeer1`);
	await bytesSh(`ip -n raw link add "$(printf 'x\\357\\277\\275')" type veth peer name rawpeer2`);
});

const linkNames = async (): Promise<string> => bytesSh(`ip -n raw -o link show | od -c | head -c 0; ip -n raw -br link | cut -d' ' -f1 | od -An -c | tr -s ' '`);

describe('a device name that is no UTF-8', () => {
	it('is read apart from its U+FFFD look-alike, and shown escaped', async () => {
		expect(findNetdump()).toBeDefined();
		const world = await readWorld(runCommand);
		const names = world.namespaces.find((n) => n.id === 'raw')?.links.map((l) => l.name) ?? [];
		expect(names).toContain('x\uFFFD');
		const raw = names.find(isRawName);
		expect(raw).toBeDefined();
		expect(shown(raw ?? '')).toBe('x\\xff');
	});

	it('is never changed: its delete is refused, and the look-alike stays', async () => {
		const world = await readWorld(runCommand);
		const link = world.namespaces.find((n) => n.id === 'raw')?.links.find((l) => isRawName(l.name));
		expect(link).toBeDefined();
		const form = deleteLinkForm({world, ns: 'raw', link});
		if (typeof form === 'string') throw new Error(form);
		const result = await runPlan(form.plan({}, world), {run: (argv) => runCommand(argv), log: () => {}});
		expect(result.ok).toBe(false);
		expect(result.error).toMatch(/^x\\xff: its name is not UTF-8/);
		// Both devices are still there (four with their peers).
		expect((await sh('ip', '-n', 'raw', '-o', 'link')).split('\n').filter((l) => /rawpeer|x/.test(l))).toHaveLength(4);
		expect(await linkNames()).toContain('377');
	});
});

describe('a namespace name that is no UTF-8', () => {
	it('is its own row, apart from its U+FFFD look-alike, and not read through the wrong path', async () => {
		await bytesSh(`ip netns add "$(printf 'n\\377')"`);
		await bytesSh(`ip netns add "$(printf 'n\\357\\277\\275')"`);
		await bytesSh(`ip -n "$(printf 'n\\377')" link add onlyinraw type veth peer name onlyinraw2`);
		const world = await readWorld(runCommand, findNetdump());
		const ids = world.namespaces.map((n) => n.id);
		const raw = world.namespaces.find((n) => isRawName(n.id));
		expect(ids).toContain('n\uFFFD');
		expect(raw).toBeDefined();
		// Read by its exact bytes (the helper takes paths on stdin), so its own veth shows there only.
		expect(raw?.links.map((l) => l.name)).toContain('onlyinraw');
		expect(world.namespaces.find((n) => n.id === 'n\uFFFD')?.links.map((l) => l.name)).not.toContain('onlyinraw');
		// ip takes paths as text: without the helper, it is listed and says why it is not read.
		const withIp = (await readWorld(runCommand)).namespaces.find((n) => isRawName(n.id));
		expect(withIp?.error).toMatch(/not UTF-8/);
	});

	it('is never changed: every change key on it says why, and a plan on it is refused', async () => {
		await bytesSh(`ip netns add "$(printf 'n\\377')"`);
		const world = await readWorld(runCommand, findNetdump());
		const raw = world.namespaces.find((n) => isRawName(n.id));
		if (!raw) throw new Error('no raw namespace');
		const state = {...initialState, world, selectedNs: raw.id};
		const system = createRealSystem({lab: true});
		for (const id of ['deleteNamespace', 'forwarding', 'attach', 'veth', 'bridge', 'addRoute', 'shape'] as const) {
			expect(await changeFor(id, state, system), id).toEqual({message: `n\\xff: ${NOT_UTF8}`});
		}
		const result = await runPlan(deleteNamespacePlan(world, raw.id), {run: (argv) => runCommand(argv), log: () => {}});
		expect(result.ok).toBe(false);
		expect(await bytesSh(`ip netns list | od -An -c | tr -s ' '`)).toContain('377');
	});
});
