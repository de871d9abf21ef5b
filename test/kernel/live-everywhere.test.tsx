// Every listed namespace is live, whatever holds it (issue 28): a veth moved into a namespace only a
// process holds, or one only a mount holds, is resolved on screen without selecting anything. The host
// has no nsid for such a namespace until the veth gives it one, so `ip monitor` in the host never heard it.
import {spawn, type ChildProcess} from 'node:child_process';
import {mkdirSync, readlinkSync, rmSync, writeFileSync} from 'node:fs';
import {render} from 'ink-testing-library';
import {afterEach, beforeAll, beforeEach, describe, expect, it, vi} from 'vitest';
import {App} from '../../source/app.js';
import {runCommand} from '../../source/system/runner.js';
import {createRealSystem} from '../../source/system/system.js';
import {settle} from '../support/ink.js';
import {requireSandbox, resetWorld, sh} from '../support/sandbox.js';

beforeAll(requireSandbox);
beforeEach(resetWorld);

const MOUNTS = '/run/nsdeck-live-test';
let children: ChildProcess[] = [];
let cleanups: Array<() => unknown> = [];
afterEach(async () => {
	for (const f of cleanups.reverse()) await f();
	for (const child of children) child.kill('SIGKILL');
	children = [];
	cleanups = [];
	rmSync(MOUNTS, {recursive: true, force: true});
});

/** A namespace only `sleep` holds; resolves with its PID once sleep runs inside it. */
async function holdNamespace(): Promise<number> {
	const ours = readlinkSync('/proc/self/ns/net');
	const child = spawn('unshare', ['--net', '--', 'sleep', '1000'], {stdio: 'ignore'});
	children.push(child);
	const pid = child.pid;
	if (pid === undefined) throw new Error('unshare did not start');
	await vi.waitFor(() => expect(readlinkSync(`/proc/${pid}/exe`)).toMatch(/sleep$/), {timeout: 3000});
	expect(readlinkSync(`/proc/${pid}/ns/net`)).not.toBe(ours);
	return pid;
}

/** The app over the real system, wide enough that a relation is not cut. */
async function start() {
	const app = render(<App system={createRealSystem({lab: true})} size={{columns: 160, rows: 40}} />);
	cleanups.push(app.unmount);
	await settle();
	return app;
}

/** Poll the rendered frame until it matches, at most `ms` after the change that should show. */
async function shownWithin(app: ReturnType<typeof render>, pattern: RegExp, ms: number): Promise<void> {
	await vi.waitFor(() => expect(app.lastFrame() ?? '').toMatch(pattern), {timeout: ms, interval: 10});
}

describe('live in every listed namespace', () => {
	it('resolves a veth whose peer moves into a process-held namespace, both ends, within 1 s', {timeout: 30_000}, async () => {
		const pid = await holdNamespace();
		const app = await start();
		await shownWithin(app, new RegExp(`sleep ${pid}.*\\s0/1 up`), 5000);
		await sh('ip', 'link', 'add', 'hv1', 'type', 'veth', 'peer', 'name', 'pv1', 'netns', `/proc/${pid}/ns/net`);
		// The host's end names its peer, and the held namespace counts its new link: nothing was selected.
		await shownWithin(app, new RegExp(`hv1\\s+veth\\s.*→ pid ${pid}/pv1`), 1000);
		await shownWithin(app, new RegExp(`sleep ${pid}.*\\s0/2 up`), 1000);
		// A change inside, with no link that moved: heard there too.
		await sh('nsenter', `--net=/proc/${pid}/ns/net`, 'ip', 'link', 'set', 'lo', 'up');
		await shownWithin(app, new RegExp(`sleep ${pid}.*\\s1/2 up`), 1000);
	});

	it('follows a veth end moved between two process-held namespaces, from the host’s end too', {timeout: 30_000}, async () => {
		const [first, second] = [await holdNamespace(), await holdNamespace()];
		await sh('ip', 'link', 'add', 'hv3', 'type', 'veth', 'peer', 'name', 'pv3', 'netns', `/proc/${first}/ns/net`);
		const app = await start();
		await shownWithin(app, new RegExp(`hv3\\s+veth\\s.*→ pid ${first}/pv3`), 5000);
		// The host hears nothing: only its end's link_netnsid changes.
		await sh('nsenter', `--net=/proc/${first}/ns/net`, 'ip', 'link', 'set', 'pv3', 'netns', `/proc/${second}/ns/net`);
		await shownWithin(app, new RegExp(`hv3\\s+veth\\s.*→ pid ${second}/pv3`), 1000);
	});

	it('resolves a veth moved into a mounted namespace within 1 s', {timeout: 30_000}, async () => {
		const pid = await holdNamespace();
		mkdirSync(MOUNTS, {recursive: true});
		const mount = `${MOUNTS}/pod`;
		writeFileSync(mount, '');
		await sh('mount', '--bind', `/proc/${pid}/ns/net`, mount);
		cleanups.push(() => runCommand(['umount', mount]));
		await sh('ip', 'link', 'add', 'hv2', 'type', 'veth', 'peer', 'name', 'pv2');
		const app = await start();
		await shownWithin(app, /hv2\s+veth\s.*→ pv2/, 5000);
		await sh('ip', 'link', 'set', 'pv2', 'netns', mount);
		await shownWithin(app, /hv2\s+veth\s.*→ pod\/pv2/, 1000);
	});
});
