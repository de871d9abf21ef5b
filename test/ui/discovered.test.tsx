// Namespaces without an `ip netns` name, on screen: a container's (held by its processes) is listed with
// who lives there, its veth's other end is named from the host, it cannot be deleted from here, N names it
// with `ip netns attach`, and what discovery could not see is stated in the title bar.
import {render} from 'ink-testing-library';
import {describe, expect, it, onTestFinished} from 'vitest';
import {App} from '../../source/app.js';
import type {NetnsLabel, World} from '../../source/model/types.js';
import {createFakeSystem, type ExpectedCall} from '../support/fake-system.js';
import {WorldBuilder} from '../support/hand-world.js';
import {namespaceDetail} from '../../source/ui/overlays/detail-lines.js';
import {KEYS, press, settle, waitForFrame} from '../support/ink.js';

const PID = 4242;
const HELD = `/proc/${PID}/ns/net`;

/** The namespace built as `draft` becomes one only a process holds: known by its /proc path, its nsid unnamed. */
function heldByProcess(world: World, draft: string, label: NetnsLabel): World {
	return {
		namespaces: world.namespaces.map((ns) => ({
			...(ns.id === draft ? {...ns, id: HELD, kind: 'process' as const, path: HELD, label} : ns),
			nsids: ns.nsids.map((e) => (e.name === draft ? {nsid: e.nsid} : e)),
		})),
	};
}

async function start(expected: ExpectedCall[] = [], unseen: Record<string, number> = {}, columns = 100) {
	const built = new WorldBuilder().namespace('host').namespace('pod').veth('host/veth9', 'pod/eth0', {addresses: ['10.70.0.1/24', '10.70.0.2/24']}).build();
	const world = heldByProcess(built, 'pod', {processes: 2, main: {pid: PID, command: 'nginx'}, container: {runtime: 'docker', id: 'a'.repeat(64), name: 'web'}});
	const system = createFakeSystem(world, expected);
	system.unseen = unseen;
	const app = render(<App system={system} size={{columns, rows: 30}} />);
	onTestFinished(() => app.unmount());
	await waitForFrame(app, 'Namespaces (2)');
	await settle();
	return {app, system};
}

describe('a namespace only a process holds', () => {
	it('is listed by its PID with who lives there, and the host names its veth peer', async () => {
		// Wide enough for the label beside the name (at 100 columns only the name fits).
		const {app} = await start([], {}, 160);
		const frame = await waitForFrame(app, 'pid 4242 docker web · 2 p');
		expect(frame).toContain('→ pid 4242/eth0');
		await press(app, 'j');
		await press(app, KEYS.enter);
		const detail = await waitForFrame(app, 'held only by its processes');
		expect(detail).toContain('nginx (PID 4242)');
		expect(detail).toContain('docker web');
		expect(detail).toContain(`nsenter --net=${HELD} ip …`);
	});

	it('is not deleted from here: d says what holds it', async () => {
		const {app, system} = await start();
		await press(app, 'j');
		await press(app, 'd');
		await waitForFrame(app, 'lives as long as its processes (nginx, PID 4242): nsdeck does not kill them');
		expect(system.calls).toEqual([]);
	});

	it('gets a name with N: ip netns attach, shown before it runs', async () => {
		const {app, system} = await start([{argv: ['ip', 'netns', 'attach', 'web', String(PID)]}]);
		await press(app, 'j');
		await press(app, 'N');
		await waitForFrame(app, 'Name pid 4242 (ip netns attach)');
		await press(app, 'web');
		await waitForFrame(app, `ip netns attach web ${PID}`);
		await press(app, KEYS.enter);
		await waitForFrame(app, '✓ Name pid 4242 as web');
		expect(system.pending()).toEqual([]);
	});
});

describe('partial sight', () => {
	it('is stated in the title bar', async () => {
		const {app} = await start([], {'no rights to see a process': 3});
		await waitForFrame(app, '3 unseen: no rights to see a process');
	});
});

describe('the detail of a namespace', () => {
	it('counts the processes living in it, but not for the host, where every other process lives', () => {
		const world = new WorldBuilder().namespace('host').namespace('ns1').build();
		const [host, ns1] = world.namespaces;
		expect(namespaceDetail(host).map(([label]) => label)).not.toContain('processes');
		expect(namespaceDetail(ns1)).toContainEqual(['processes', 'none']);
	});
});
