// Keys typed while a plan runs (over SSH users type ahead): none is silently lost. A key that works on the
// panes waits and acts once the run ends; nothing typed ahead ever reaches a form that opens afterwards
// (it could confirm a delete the user has not seen) or the keep countdown (a k typed before the change
// proves nothing about the session): those keys are reported in the status line instead.
import {describe, expect, it} from 'vitest';
import type {ExpectedCall, FakeSystem} from '../support/fake-system.js';
import {parseSshConnection} from '../../source/model/ssh-session.js';
import {selectRow} from '../support/drive.js';
import {KEYS, press, waitForFrame} from '../support/ink.js';
import {startApp} from '../support/start-app.js';

const NEW_NS3 = [{argv: ['ip', 'netns', 'add', 'ns3']}, {argv: ['ip', '-n', 'ns3', 'link', 'set', 'dev', 'lo', 'up']}];

/** Holds every command until `release()`: the run stays on screen while the test types. */
function slowRuns(system: FakeSystem): {release: () => void} {
	let release = (): void => undefined;
	const gate = new Promise<void>((resolve) => {
		release = resolve;
	});
	const run = system.run.bind(system);
	system.run = async (argv, options) => {
		await gate;
		const result = await run(argv, options);
		// The kernel would now hold the new namespace, and the app reads it again.
		if (argv.join(' ').startsWith('ip netns add ') && result.exitCode === 0) {
			const namespaces = [...system.world.namespaces, {id: argv[3], kind: 'named' as const, path: `/run/netns/${argv[3]}`, identity: {dev: 4, ino: 4_026_539_999}, links: [], routes: [], nsids: []}];
			system.world = {...system.world, namespaces};
		}
		return result;
	};
	return {release: () => release()};
}

async function startRun(expected: ExpectedCall[] = NEW_NS3) {
	const {app, system} = await startApp({expected});
	const {release} = slowRuns(system);
	await press(app, 'n');
	await waitForFrame(app, 'New namespace');
	await press(app, 'ns3');
	await waitForFrame(app, 'ip -n ns3 link set dev lo up');
	await press(app, KEYS.enter);
	await waitForFrame(app, 'running: Create namespace ns3');
	return {app, system, release};
}

describe('keys typed while a plan runs', () => {
	it('a key typed during the run acts once it ends: b opens the bridge form', async () => {
		const {app, system, release} = await startRun();
		await press(app, 'b');
		// Received, and the screen says it waits.
		await waitForFrame(app, /typed ahead: b/);
		release();
		await waitForFrame(app, 'Add a bridge');
		expect(system.pending()).toEqual([]);
	});

	it('a key right behind the Enter that submits the form (before the run has rendered) is held too', async () => {
		const {app, system} = await startApp({expected: NEW_NS3});
		const {release} = slowRuns(system);
		await press(app, 'n');
		await waitForFrame(app, 'New namespace');
		await press(app, 'ns3');
		await waitForFrame(app, 'ip -n ns3 link set dev lo up');
		// Two reads in one tick: the form is still mounted when b comes.
		app.stdin.write(KEYS.enter);
		app.stdin.write('b');
		await waitForFrame(app, /typed ahead: b/);
		release();
		await waitForFrame(app, 'Add a bridge');
	});

	it('moves typed ahead act on what the run selected, in order', async () => {
		const {app, release} = await startRun();
		// The new namespace ns3 is selected after the run; k twice goes up from it: ns2, then ns1.
		await press(app, 'k');
		await press(app, 'k');
		await waitForFrame(app, /typed ahead: k k/);
		release();
		await waitForFrame(app, '✓ Create namespace ns3');
		await waitForFrame(app, /›ns1 /);
	});

	it('Enter typed ahead never confirms the delete form that a typed-ahead d opens', async () => {
		const {app, system, release} = await startRun();
		await press(app, 'd');
		await press(app, KEYS.enter);
		await press(app, KEYS.enter);
		release();
		const frame = await waitForFrame(app, 'Delete namespace ns3');
		expect(frame).toContain('Enter twice DELETES');
		await waitForFrame(app, /typed ahead, not used: Enter Enter \(d opened a form\)/);
		// Nothing beyond the namespace's own commands ran: no delete (the fake fails on any other).
		expect(system.calls.map((argv) => argv.join(' '))).toEqual(NEW_NS3.map((c) => c.argv.join(' ')));
	});

	it('a k typed during a change on the SSH session’s path does not keep it: only a k typed at the countdown does', async () => {
		const {app, system} = await startApp({expected: [{argv: ['ip', 'link', 'set', 'dev', 'veth_ns1_br0', 'nomaster']}]});
		// As if nsdeck ran in an SSH session to br0's address.
		Object.assign(system, {sshSession: parseSshConnection('10.1.1.9 50000 10.1.1.4 22')});
		const {release} = slowRuns(system);
		await press(app, '2');
		await selectRow(app, 'veth_ns1_br0');
		await press(app, 'u');
		await waitForFrame(app, 'Type br0 to go ahead');
		await press(app, 'br0');
		await press(app, KEYS.enter);
		await waitForFrame(app, 'running: Detach veth_ns1_br0');
		await press(app, 'k');
		release();
		await waitForFrame(app, /typed ahead, not used: k \(only a k typed now keeps it\)/);
		expect(app.lastFrame()).not.toContain('✓ kept');
		// The countdown still asks.
		await press(app, 'k');
		await waitForFrame(app, '✓ kept: Detach veth_ns1_br0');
	});

	it('after a failed plan the keys typed ahead are not used, and the status says so', async () => {
		const {app, release} = await startRun([{argv: ['ip', 'netns', 'add', 'ns3'], result: {exitCode: 1, stderr: 'File exists'}}]);
		await press(app, 'b');
		release();
		await waitForFrame(app, /Create namespace ns3 failed/);
		await waitForFrame(app, /typed ahead, not used: b \(the change failed\)/);
		expect(app.lastFrame()).not.toContain('Add a bridge');
	});
});

describe('several keys in one read (over SSH, or while the app was busy)', () => {
	it('each acts on the panes in turn: jj moves down twice', async () => {
		const {app} = await startApp();
		await press(app, 'jj');
		await waitForFrame(app, /›ns2 /);
	});

	it('after the key that opens a form, the rest of the read is not fed to it, and the status says so', async () => {
		const {app, system} = await startApp();
		await press(app, `nns3${KEYS.enter}`);
		const frame = await waitForFrame(app, /typed ahead, not used: n s 3 Enter \(n opened a form\)/);
		expect(frame).toContain('New namespace');
		expect(system.calls).toEqual([]);
	});

	it('keys in the same read as the Enter that submits a form wait for the run, not typed into the closing form', async () => {
		const {app, system} = await startApp({expected: NEW_NS3});
		const {release} = slowRuns(system);
		await press(app, 'n');
		await waitForFrame(app, 'New namespace');
		await press(app, 'ns3');
		await waitForFrame(app, 'ip -n ns3 link set dev lo up');
		await press(app, `${KEYS.enter}b`);
		await waitForFrame(app, /typed ahead: b/);
		release();
		await waitForFrame(app, 'Add a bridge');
	});

	it('keys in one read during a run are held each, in order', async () => {
		const {app, release} = await startRun();
		await press(app, 'kk');
		await waitForFrame(app, /typed ahead: k k/);
		release();
		await waitForFrame(app, /›ns1 /);
	});
});

describe('a paste on the panes', () => {
	it('is not taken as keys (a q in it would quit): the status says so', async () => {
		const {app, system} = await startApp();
		await press(app, 'jjq and more text');
		await waitForFrame(app, /typed ahead, not used: j j q/);
		expect(app.lastFrame()).toContain('Namespaces (3)');
		expect(system.calls).toEqual([]);
	});
});
