// A server as a System: what the UI and plans ask of this machine, asked of a server over its SSH master
// (ssh-transport.ts). Plans' argv run there unchanged; reads go through remote-read.ts; the live watch is
// one `ip monitor` on the server, on a terminal there so that it ends with its connection.
import {parseMonitorLine} from '../model/monitor.js';
import type {CountersByIndex} from '../model/traffic/counters.js';
import {HOST_ID, type Netns, type NetnsPlace} from '../model/types.js';
import {accessFromCaps, effectiveCaps, type Access} from './access.js';
import {copyToClipboard} from './clipboard.js';
import {helperCounters} from './counters-reader.js';
import {readEvidence, readNamespaceFacts} from './diagnosis-read.js';
import {inNamespace, namedLocation} from './netns-location.js';
import {frameServer, type FrameServer} from './frame-server.js';
import {runHelperArgv} from './remote-helper.js';
import {REMOTE_HOST, helperFits, parseNetnsList, readOneWithIp, readRemoteWorld, readWithHelper, type RemoteReadOptions} from './remote-read.js';
import {runCommand} from './runner.js';
import {mapLimited} from './snapshot.js';
import type {SshSession} from '../model/ssh-session.js';
import type {GuardJobs} from './revert-job.js';
import {keepConnected} from './ssh-keeper.js';
import type {SshHost} from './ssh-transport.js';
import type {System} from './system.js';
import {MONITOR_ARGV} from './watch.js';

/** What the server lets its user do, from the capabilities its commands run with (sudo's, with --sudo). */
export async function remoteAccess(host: SshHost): Promise<Access> {
	const status = await host.run(['cat', '/proc/self/status']);
	if (status.exitCode !== 0) return {canChange: false, reason: `read-only: ${host.problem(status)}`};
	const access = accessFromCaps(effectiveCaps(status.stdout));
	return access.canChange ? access : {canChange: false, reason: `read-only on ${host.dest}: not root there (try --sudo)`};
}

export interface RemoteGuard {
	/** The connection as the server sees it (remoteSession): the path the lockout guard protects. */
	readonly session?: SshSession;
	/** The revert jobs on the server (remoteGuardJobs); absent without a helper for its CPU. */
	readonly jobs?: GuardJobs;
}

/** A connected server as a System. `access` from remoteAccess. */
/** `lab`: the server is one of `nsdeck lab fleet`'s, inside its sandbox. */
export function createRemoteSystem(host: SshHost, access: Access, options: RemoteReadOptions, guard: RemoteGuard = {}, lab = false): System {
	const connection = keepConnected(host);
	// While the master is down a read fails at once with the reason, instead of each trying ssh anew.
	const reachable = (): void => {
		if (!connection.state().up) throw new Error(`${host.dest}: disconnected`);
	};
	const list = async (): Promise<NetnsPlace[]> => {
		reachable();
		const listed = await host.run(['ip', '-j', 'netns', 'list']);
		if (listed.exitCode !== 0) throw new Error(host.problem(listed));
		connection.noteRead();
		return [REMOTE_HOST, ...parseNetnsList(listed.stdout).map(namedLocation)];
	};
	const placeOf = async (id: string): Promise<NetnsPlace | undefined> => (id === HOST_ID ? REMOTE_HOST : (await list()).find((p) => p.id === id));
	// Whether the helper fits is asked once per server: the CPU does not change while connected.
	let fits: Promise<boolean> | undefined;
	/** A read with the helper worked here: it fits, and is cached on the server (what --serve runs). */
	let helperRan = false;
	/** With the helper, in one session; undefined without one that fits, or when it failed (then ip reads). */
	const readWithHelperHere = async (places: readonly NetnsPlace[], onBatch?: (batch: readonly Netns[]) => void): Promise<Netns[] | undefined> => {
		const {helper, upload} = options;
		if (!helper) return undefined;
		reachable();
		fits ??= options.fits === undefined ? helperFits(host, helper).catch(() => false) : Promise.resolve(options.fits);
		const read = (await fits) ? await readWithHelper(host, helper, upload, places, onBatch) : undefined;
		helperRan ||= read !== undefined;
		return read;
	};
	// The live rates: one helper `--serve` on the server for as long as they show, asked once a second (no
	// process started per reading, there or here). Only where a read with the helper worked; after three
	// readings in a row without an answer, none until the connection is made again.
	let served: FrameServer | undefined;
	let misses = 0;
	connection.onBack(() => (misses = 0));
	const readCounters = async (id: string): Promise<CountersByIndex | undefined> => {
		const {helper} = options;
		if (!helper || !helperRan || misses >= 3 || !connection.state().up) return undefined;
		served ??= frameServer(() => host.piped(runHelperArgv(helper, ['--serve', '/run/netns'])), 5_000);
		const counters = await helperCounters(served)(id === HOST_ID ? REMOTE_HOST : namedLocation(id));
		misses = counters ? 0 : misses + 1;
		return counters;
	};
	return {
		lab,
		host: host.dest,
		connection,
		access,
		sshSession: guard.session,
		guard: guard.jobs,
		async readWorld() {
			reachable();
			const read = await readRemoteWorld(host, options);
			if (!read.world) throw new Error(read.problem ?? `${host.dest}: cannot read`);
			helperRan ||= read.reader === 'helper';
			connection.noteRead();
			return read.world;
		},
		async readNamespace(id) {
			// A change's read is on its way to the screen: read the named namespace straight away (one round
			// trip, not two) and list only when the read fails, to tell a namespace gone from one unreadable.
			if (id === HOST_ID) return (await readWithHelperHere([REMOTE_HOST]))?.[0] ?? readOneWithIp(host, REMOTE_HOST, {lostThrows: true});
			reachable();
			const read = await readOneWithIp(host, namedLocation(id), {lostThrows: true});
			if (!read.error) return read;
			return (await list()).some((p) => p.id === id) ? read : undefined;
		},
		listNamespaces: async () => ({places: await list(), unseen: {}}),
		async readNamespaces(ids, {onBatch} = {}) {
			// The server's namespaces are its named ones: read from the ids, not from a list asked again (the
			// app has just listed them; over a far link a round trip is what the rest of the screen waits for).
			reachable();
			const wanted = ids.map((id) => (id === HOST_ID ? REMOTE_HOST : namedLocation(id)));
			// With the helper, all of them in one session (1,000 namespaces: ~1 s, where one ip session each
			// took ~40 s and started 1,000 ssh clients here); without it, or if it fails, with ip.
			const read =
				(wanted.length > 1 ? await readWithHelperHere(wanted, onBatch) : undefined) ??
				(await mapLimited(wanted, 4, async (place) => {
					const netns = await readOneWithIp(host, place, {lostThrows: true});
					onBatch?.([netns]);
					return netns;
				}));
			if (!read.some((n) => n.error)) return read;
			// A read that failed: gone meanwhile (left out) or there but unreadable (kept, with its error).
			const listed = new Set((await list()).map((p) => p.id));
			return read.filter((n) => !n.error || listed.has(n.id));
		},
		watch(listener) {
			const stop = new AbortController();
			const monitor = (): void => {
				void host.stream([...MONITOR_ARGV], {
					tty: true,
					signal: stop.signal,
					timeoutMs: 2 ** 31 - 1,
					onLine: (line) => {
						const event = parseMonitorLine(line);
						if (!event) return;
						// The server's nsids are not named here: a change elsewhere lists and reads again.
						if (event.source === 'current') listener({type: 'namespaces', ids: [HOST_ID]});
						else listener({type: 'nsid', nsid: event.source});
					},
				});
			};
			monitor();
			// Back after a lost connection: the monitor ended with it, and anything may have changed meanwhile.
			const unhear = connection.onBack(() => {
				if (stop.signal.aborted) return;
				monitor();
				listener({type: 'list'});
				void list().then(
					(places) => listener({type: 'namespaces', ids: places.map((p) => p.id)}),
					() => undefined,
				);
			});
			return () => {
				unhear();
				stop.abort();
			};
		},
		run: (argv, runOptions) => host.run(argv, runOptions),
		readCounters,
		stopCounters() {
			served?.close();
			served = undefined;
		},
		// The ping diagnosis's sysctls and firewall, and the detail's, read on the server as they are here.
		readEvidence: (world, nsId, target, earlier) => readEvidence((argv, o) => host.run(argv, o), world, nsId, target, earlier),
		readNamespaceFacts: (ns) => readNamespaceFacts((argv, o) => host.run(argv, o), ns),
		async readForwarding(id) {
			const place = await placeOf(id);
			if (!place) throw new Error(`namespace ${id} no longer exists on ${host.dest}`);
			const result = await host.run(inNamespace(place, ['cat', '/proc/sys/net/ipv4/ip_forward', '/proc/sys/net/ipv6/conf/all/forwarding']));
			const [v4, v6] = result.stdout.split('\n').map((l) => l.trim() === '1');
			return {4: v4 ?? false, 6: v6 ?? false};
		},
		stream: (argv, streamOptions) => host.stream(argv, streamOptions),
		copyToClipboard: (text) => copyToClipboard(text, runCommand),
	};
}
