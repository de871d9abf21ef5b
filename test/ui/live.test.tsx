// The app over a fake system whose watcher the test drives: changes appear without a key press, a deleted
// selected namespace moves the selection, and `/` filters a long list.
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/app.js';
import type {Netns, World} from '../../source/model/types.js';
import {createFakeSystem} from '../support/fake-system.js';
import {fixtureWorld} from '../support/fixtures.js';
import {KEYS, press, settle, waitForFrame} from '../support/ink.js';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

async function start(world: World) {
	const system = createFakeSystem(world);
	const app = render(<App system={system} size={{columns: 100, rows: 30}} />);
	unmount = app.unmount;
	await waitForFrame(app, `Namespaces (${world.namespaces.length})`);
	await settle();
	return {app, system};
}

const renamed = (ns: Netns, id: string): Netns => ({...ns, id, path: `/run/netns/${id}`});

describe('live refresh', () => {
	it('shows a namespace added by another program, without a key press', async () => {
		const world = fixtureWorld('bridge');
		const {app, system} = await start(world);
		const ns1 = world.namespaces.find((n) => n.id === 'ns1');
		if (!ns1) throw new Error('fixture without ns1');
		system.world = {namespaces: [...world.namespaces, renamed(ns1, 'web')]};
		system.emit({type: 'list'});
		const frame = await waitForFrame(app, 'Namespaces (4)');
		expect(frame).toMatch(/web\s+\d\/\d up/);
	});

	it('shows a link set down in a namespace the watcher names', async () => {
		const world = fixtureWorld('bridge');
		const {app, system} = await start(world);
		await press(app, 'j');
		await waitForFrame(app, /veth_ns1\s+veth\s+UP/);
		system.world = {
			namespaces: world.namespaces.map((n) =>
				n.id === 'ns1' ? {...n, links: n.links.map((l) => (l.name === 'veth_ns1' ? {...l, adminUp: false, state: 'DOWN', flags: ['BROADCAST']} : l))} : n,
			),
		};
		system.emit({type: 'namespaces', ids: ['ns1']});
		await waitForFrame(app, /veth_ns1\s+veth\s+DOWN/);
	});

	it('moves the selection when the selected namespace is deleted from outside', async () => {
		const world = fixtureWorld('bridge');
		const {app, system} = await start(world);
		await press(app, 'j');
		await waitForFrame(app, 'Interfaces in ns1');
		system.world = {namespaces: world.namespaces.filter((n) => n.id !== 'ns1')};
		system.emit({type: 'list'});
		const frame = await waitForFrame(app, 'Namespaces (2)');
		expect(frame).toMatch(/›ns2/);
		expect(frame).toContain('Interfaces in ns2');
	});

	it('detaches from the watcher when it unmounts', async () => {
		const {app, system} = await start(fixtureWorld('bridge'));
		expect(system.watchers()).toBe(1);
		app.unmount();
		unmount = undefined;
		expect(system.watchers()).toBe(0);
	});
});

describe('a thousand namespaces', () => {
	const big = (): World => {
		const base = fixtureWorld('bridge');
		const ns1 = base.namespaces[1];
		return {namespaces: [base.namespaces[0], ...Array.from({length: 1000}, (_, i) => renamed(ns1, `ns${i + 1}`))]};
	};

	it('renders only the visible rows and scrolls to the end', async () => {
		const {app} = await start(big());
		let frame = app.lastFrame() ?? '';
		expect(frame.split('\n')).toHaveLength(30);
		expect(frame).not.toContain('ns500');
		await press(app, 'G');
		frame = await waitForFrame(app, /›ns1000/);
		expect(frame).toContain('Interfaces in ns1000');
	});

	it('filters with /, keeps the filter on Enter and clears it with Esc', async () => {
		const {app} = await start(big());
		await press(app, '/');
		for (const ch of 'ns77') await press(app, ch);
		let frame = await waitForFrame(app, '/ns77▏ (11/1001)');
		expect(frame).toMatch(/›ns77\s/);
		expect(frame).toContain('ns779');
		expect(frame).not.toContain('ns100 ');
		await press(app, KEYS.down);
		await waitForFrame(app, /›ns770/);
		await press(app, KEYS.enter);
		frame = await waitForFrame(app, '/ns77 (11/1001)');
		expect(frame).toContain('Interfaces in ns770');
		await press(app, KEYS.escape);
		frame = await waitForFrame(app, 'Namespaces (1001)');
		expect(frame).toMatch(/›ns770/);
	});
});
