// Every namespace on a server, in the shapes real servers have, built inside the sandbox (its own PID
// namespace and /proc, so only the sandbox's processes are seen): a namespace only a process holds, a
// Docker-style bind mount outside /run/netns with a container's cgroup and config file, one both named and
// held, and one named `host`.
import {spawn, type ChildProcess} from 'node:child_process';
import {mkdirSync, readlinkSync, rmSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {render} from 'ink-testing-library';
import {afterEach, beforeAll, beforeEach, describe, expect, it, vi} from 'vitest';
import {App} from '../../source/app.js';
import {labelText} from '../../source/model/netns-label.js';
import {buildTopology, linkKey, namespacesOfHostNsid} from '../../source/model/topology.js';
import {HOST_NETNS_PATH} from '../../source/plans/plan.js';
import {ipIn} from '../../source/plans/plan.js';
import {pingArgv} from '../../source/plans/exec-commands.js';
import {createDiscoverer, discoverNamespaces} from '../../source/system/discover.js';
import {runCommand, runningChildren} from '../../source/system/runner.js';
import {readWorld} from '../../source/system/snapshot.js';
import {createRealSystem} from '../../source/system/system.js';
import {startWatch, type WorldChange} from '../../source/system/watch.js';
import {waitForFrame} from '../support/ink.js';
import {untilTheMonitorListens} from '../support/monitor.js';
import {buildLabScenario, requireSandbox, resetWorld, sh} from '../support/sandbox.js';

const BUNDLE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'nsdeck.js');
const CONTAINER_ID = '3f2a1b4c5d6e7f80912a3b4c5d6e7f80912a3b4c5d6e7f80912a3b4c5d6e7f80';
const DOCKER_NETNS = '/run/docker/netns';
const RUNTIME_FILES = '/run/nsdeck-test-runtime';
const roots = {docker: `${RUNTIME_FILES}/docker`, containerd: `${RUNTIME_FILES}/containerd`, crio: `${RUNTIME_FILES}/crio`};

beforeAll(requireSandbox);
beforeEach(resetWorld);

const children: ChildProcess[] = [];
const cleanups: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
	for (const undo of cleanups.splice(0).reverse()) await undo();
	for (const child of children.splice(0)) child.kill('SIGKILL');
	rmSync(RUNTIME_FILES, {recursive: true, force: true});
});

const ourNamespace = (): string => readlinkSync('/proc/self/ns/net');

/** `argv` started in a namespace of its own (as `unshare --net sleep …`); resolves once it is inside. */
async function holdNamespace(argv: readonly string[] = ['unshare', '--net', '--', 'sleep', '1000']): Promise<number> {
	const child = spawn(argv[0], argv.slice(1), {stdio: 'ignore'});
	children.push(child);
	const pid = child.pid;
	if (pid === undefined) throw new Error(`${argv.join(' ')} did not start`);
	await vi.waitFor(() => expect(readlinkSync(`/proc/${pid}/ns/net`)).not.toBe(ourNamespace()), {timeout: 3000});
	// unshare execs the command once the namespace is made: wait for it, so the label names it.
	await vi.waitFor(() => expect(readlinkSync(`/proc/${pid}/exe`)).toMatch(/sleep$/), {timeout: 3000});
	return pid;
}

/** What a container runtime leaves: the process's cgroup path (bind-mounted over /proc/PID/cgroup, as runtimes mask /proc files) and Docker's config. */
async function dressAsDockerContainer(pid: number, name: string): Promise<void> {
	mkdirSync(`${roots.docker}/${CONTAINER_ID}`, {recursive: true});
	writeFileSync(`${roots.docker}/${CONTAINER_ID}/config.v2.json`, JSON.stringify({ID: CONTAINER_ID, Name: `/${name}`}));
	const cgroup = `${RUNTIME_FILES}/cgroup-${pid}`;
	writeFileSync(cgroup, `0::/system.slice/docker-${CONTAINER_ID}.scope\n`);
	await sh('mount', '--bind', cgroup, `/proc/${pid}/cgroup`);
	cleanups.push(() => runCommand(['umount', `/proc/${pid}/cgroup`]));
}

describe('discovery', () => {
	it('finds a namespace only a process holds, labels it, resolves its veth both ways, and changes and pings in it', async () => {
		const pid = await holdNamespace();
		const id = `/proc/${pid}/ns/net`;
		await sh('ip', 'link', 'add', 'name', 'hv0', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', id);
		await sh('ip', 'addr', 'add', '10.70.0.1/24', 'dev', 'hv0');
		await sh('ip', 'link', 'set', 'dev', 'hv0', 'up');

		const place = discoverNamespaces({roots}).places.find((p) => p.id === id);
		expect(place).toMatchObject({kind: 'process', path: id, label: {processes: 1, main: {pid, command: 'sleep'}}});
		expect(labelText(place?.label)).toBe(`sleep ${pid}`);

		// A change, planned as it will run: nsenter into the namespace, which has no name.
		for (const argv of [ipIn(id, 'addr', 'add', '10.70.0.2/24', 'dev', 'eth0'), ipIn(id, 'link', 'set', 'dev', 'eth0', 'up'), ipIn(id, 'link', 'set', 'dev', 'lo', 'up')]) {
			expect(argv.slice(0, 2)).toEqual(['nsenter', `--net=${id}`]);
			await sh(...argv);
		}
		const world = await readWorld(runCommand);
		const topology = buildTopology(world);
		const held = world.namespaces.find((n) => n.id === id);
		const host = world.namespaces.find((n) => n.id === 'host');
		const eth0 = held?.links.find((l) => l.name === 'eth0');
		const hv0 = host?.links.find((l) => l.name === 'hv0');
		expect(eth0?.addresses.map((a) => a.cidr)).toContain('10.70.0.2/24');
		expect(topology.peers.get(linkKey('host', hv0?.ifindex ?? -1))).toMatchObject({ns: id, name: 'eth0'});
		expect(topology.peers.get(linkKey(id, eth0?.ifindex ?? -1))).toMatchObject({ns: 'host', name: 'hv0'});

		const ping = await runCommand(pingArgv({ns: id, target: '10.70.0.1', family: 4, count: 1, interval: 1}), {timeoutMs: 10_000});
		expect(ping.exitCode).toBe(0);
		expect(ping.stdout).toContain('1 received');
	});

	it('finds a Docker-style bind mount outside /run/netns once, named by the container its cgroup names', async () => {
		const pid = await holdNamespace();
		mkdirSync(DOCKER_NETNS, {recursive: true});
		const mount = `${DOCKER_NETNS}/${CONTAINER_ID.slice(0, 12)}`;
		writeFileSync(mount, '');
		await sh('mount', '--bind', `/proc/${pid}/ns/net`, mount);
		cleanups.push(() => {
			rmSync('/run/docker', {recursive: true, force: true});
		});
		cleanups.push(() => runCommand(['umount', mount]));
		await dressAsDockerContainer(pid, 'web');

		const places = discoverNamespaces({roots}).places;
		const ours = places.filter((p) => p.identity?.ino === Number(/\d+/.exec(readlinkSync(`/proc/${pid}/ns/net`))?.[0]));
		expect(ours).toHaveLength(1);
		expect(ours[0]).toMatchObject({id: mount, kind: 'mounted', label: {container: {runtime: 'docker', id: CONTAINER_ID, name: 'web'}}});
		expect(labelText(ours[0].label)).toBe('docker web');
	});

	it('lists a namespace both named and held by a process once, under its name, with the process as its label', async () => {
		await sh('ip', 'netns', 'add', 'both');
		const pid = await holdNamespace(['ip', 'netns', 'exec', 'both', 'sleep', '1000']);
		const places = discoverNamespaces({roots}).places;
		expect(places.filter((p) => p.kind !== 'host').map((p) => p.id)).toEqual(['both']);
		expect(places.find((p) => p.id === 'both')?.label?.main).toEqual({pid, command: 'sleep'});
	});

	it('remembers processes between scans (as the app does every second), and still sees namespaces come and go', async () => {
		const discover = createDiscoverer({roots});
		const ids = (): string[] => discover().places.map((p) => p.id);
		expect(ids()).toEqual(['host']);
		expect(ids()).toEqual(['host']);
		const pid = await holdNamespace();
		expect(ids()).toEqual(['host', `/proc/${pid}/ns/net`]);
		// Seen twice now, and trusted: its label still comes from what it is.
		expect(discover().places[1]?.label?.main).toEqual({pid, command: 'sleep'});
		children.find((c) => c.pid === pid)?.kill('SIGKILL');
		await vi.waitFor(() => expect(ids()).toEqual(['host']), {timeout: 3000});
		expect(discover()).toEqual(discoverNamespaces({roots}));
	});

	it('does not count nsdeck\'s own children as living where they look (the helper, nsenter … ip, ping)', async () => {
		await sh('ip', 'netns', 'add', 'looked');
		const running = runCommand(['ip', 'netns', 'exec', 'looked', 'sleep', '2']);
		await vi.waitFor(() => expect(discoverNamespaces({roots}).places.find((p) => p.id === 'looked')?.label?.main?.command).toBe('sleep'), {timeout: 3000});
		expect(discoverNamespaces({roots, ignore: runningChildren}).places.find((p) => p.id === 'looked')?.label).toBeUndefined();
		await running;
	});

	it('keeps a namespace named host apart from the host, in show --json too', async () => {
		await sh('ip', 'netns', 'add', 'host');
		await sh('ip', '-n', 'host', 'link', 'add', 'name', 'impostor', 'type', 'veth', 'peer', 'name', 'impostor1');
		const shown = JSON.parse(await sh(process.execPath, BUNDLE, 'show', '--json')) as {
			namespaces: Array<{id: string; kind: string; nsdeck: {name: string; reach: string; identity: {ino: number} | null}; links: Array<{ifname: string}>}>;
		};
		const [host, named] = [shown.namespaces.find((n) => n.kind === 'host'), shown.namespaces.find((n) => n.kind === 'named')];
		expect(host).toMatchObject({id: 'host', nsdeck: {reach: ''}});
		// Quoted wherever it is named, so it cannot be read as the host.
		expect(named).toMatchObject({id: '/run/netns/host', nsdeck: {name: '"host"', reach: 'nsenter --net=/run/netns/host'}});
		expect(host?.nsdeck.identity?.ino).not.toBe(named?.nsdeck.identity?.ino);
		expect(host?.links.map((l) => l.ifname)).not.toContain('impostor');
		expect(named?.links.map((l) => l.ifname)).toContain('impostor');
	});

	it("run inside another namespace, lists PID 1's apart by the path plans name the host by (so the forms can refuse)", async () => {
		await sh('ip', 'netns', 'add', 'elsewhere');
		const shown = JSON.parse(await sh('ip', 'netns', 'exec', 'elsewhere', process.execPath, BUNDLE, 'show', '--json')) as {namespaces: Array<{id: string; path: string}>};
		expect(shown.namespaces.map((n) => n.path)).toContain(HOST_NETNS_PATH);
	});

	it('shows a namespace started, and drops one stopped, while the app runs', async () => {
		const staying = await holdNamespace();
		const system = createRealSystem({lab: true, discover: (ignore) => discoverNamespaces({roots, ignore})});
		// Wide enough for the label beside the name.
		const app = render(<App system={system} size={{columns: 200, rows: 40}} />);
		cleanups.push(() => app.unmount());
		await waitForFrame(app, `pid ${staying}`, 5000);
		const started = await holdNamespace();
		await dressAsDockerContainer(started, 'fresh');
		await waitForFrame(app, `pid ${started} docker fresh`, 3000);
		const child = children.find((c) => c.pid === staying);
		child?.kill('SIGKILL');
		await vi.waitFor(() => expect(app.lastFrame()).not.toContain(`pid ${staying} `), {timeout: 3000});
		expect(app.lastFrame()).toContain(`pid ${started} docker fresh`);
	});
});

describe('the watcher, on a namespace without a name', () => {
	it('hears a change inside it by the host nsid, which its veth turns into the namespace', async () => {
		const pid = await holdNamespace();
		const id = `/proc/${pid}/ns/net`;
		await sh('ip', 'link', 'add', 'name', 'hv1', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', id);
		const changes: WorldChange[] = [];
		const stop = startWatch((c) => changes.push(c), {runner: runCommand, canChange: false});
		cleanups.push(stop);
		await untilTheMonitorListens(changes);
		await sh('nsenter', `--net=${id}`, 'ip', 'addr', 'add', '10.71.0.2/24', 'dev', 'eth0');
		const world = await readWorld(runCommand);
		const hv1 = world.namespaces.find((n) => n.kind === 'host')?.links.find((l) => l.name === 'hv1');
		const nsid = hv1?.peerHint?.netnsid;
		expect(nsid).toBeDefined();
		await vi.waitFor(() => expect(changes).toContainEqual({type: 'nsid', nsid}), {timeout: 5000});
		expect(namespacesOfHostNsid(world, buildTopology(world), nsid ?? -1)).toEqual([id]);
	});
});

describe("the lab's containers scenario", () => {
	it("has Docker's and Mininet's shapes: namespaces mounted and held, every veth resolved both ways, pings across each bridge", async () => {
		await buildLabScenario('containers');
		const world = await readWorld(runCommand);
		const kinds = world.namespaces.map((n) => `${n.kind} ${n.id}`);
		expect(kinds.filter((k) => k.startsWith('mounted'))).toEqual(['mounted /run/docker/netns/4f1c9a7e2b3d', 'mounted /run/docker/netns/9e8d7c6b5a41']);
		expect(kinds.filter((k) => k.startsWith('process'))).toHaveLength(2);
		expect(world.namespaces.filter((n) => n.kind !== 'host').every((n) => n.label?.main?.command === 'sleep')).toBe(true);
		const topology = buildTopology(world);
		const host = world.namespaces.find((n) => n.kind === 'host');
		for (const port of ['veth1a2b3c4', 'veth5d6e7f8', 's1-eth1', 's1-eth2']) {
			const link = host?.links.find((l) => l.name === port);
			const peer = topology.peers.get(linkKey('host', link?.ifindex ?? -1));
			expect(peer, port).toBeDefined();
			expect(topology.peers.get(linkKey(peer?.ns ?? '', peer?.ifindex ?? -1)), `${port}'s other end`).toMatchObject({ns: 'host', name: port});
		}
		const docker = world.namespaces.find((n) => n.id === '/run/docker/netns/4f1c9a7e2b3d')?.id ?? '';
		const h1 = world.namespaces.find((n) => n.links.some((l) => l.name === 'h1-eth0'))?.id ?? '';
		for (const [from, to] of [
			[docker, '172.17.0.3'],
			[h1, '10.0.0.2'],
		]) {
			const ping = await runCommand(pingArgv({ns: from, target: to, family: 4, count: 1, interval: 1}), {timeoutMs: 10_000});
			expect(ping.stdout, `${from} → ${to}`).toContain('1 received');
		}
	});
});
