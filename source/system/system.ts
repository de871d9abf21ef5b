// The System is everything the UI may ask of the machine. The real one runs `ip`; UI tests use a fake.
import {statSync} from 'node:fs';
import {onPath} from './programs.js';
import {captureFiles, type CaptureFiles} from './capture-files.js';
import type {KernelState, NamespaceState} from '../model/kernel-state.js';
import type {NamespaceListing, Netns, NetnsIdentity, NetnsPlace, World} from '../model/types.js';
import {readLinkNames, readNamespaceState, type LinkNow} from './kernel-read.js';
import {parseSshConnection, type SshSession} from '../model/ssh-session.js';
import {detectAccess, type Access} from './access.js';
import {runCommand, runInTerminal, runningChildren, streamCommand, type CommandResult, type RunOptions, type Runner, type StreamOptions} from './runner.js';
import {createDiscoverer} from './discover.js';
import {NETNS_DIR, hostLocation, inNamespace, type NetnsLocation} from './netns-location.js';
import {helperLocation, readMany, readMissingNames, readNamespace, readWorld} from './snapshot.js';
import {countersWithIp, helperCounters} from './counters-reader.js';
import {frameServer, localServe, type FrameServer} from './frame-server.js';
import type {CountersByIndex} from '../model/traffic/counters.js';
import {parseQdiscs, type Qdisc} from '../model/traffic/qdisc.js';
import {parseEchoCounters, type EchoCounters} from '../model/tutorial/icmp-counters.js';
import {HOST_ID} from '../model/types.js';
import {findNetdump} from './netdump-binary.js';
import {startWatch, type ChangeListener, type Unwatch} from './watch.js';
import {backgroundSlot} from './background-slot.js';
import {copyToClipboard, type CopyOutcome} from './clipboard.js';
import {kindsThisKernelCannotMake, type KindVerdicts} from './link-kind-probe.js';
import type {MadeKind} from '../model/world-file/types.js';
import {readEvidence, readNamespaceFacts} from './diagnosis-read.js';
import type {Evidence, NamespaceFacts} from '../model/diagnosis/evidence.js';
import {guardJobs, type GuardJobs} from './revert-job.js';
import type {Connection} from './ssh-keeper.js';

export type {ChangeListener, WorldChange} from './watch.js';

export interface System {
	/** True inside `nsdeck lab`: the world is a throwaway sandbox. */
	readonly lab: boolean;
	readonly access: Access;
	/** The SSH session nsdeck runs in, from SSH_CONNECTION: the lockout guard protects its path. */
	readonly sshSession?: SshSession;
	/** The server this System reaches over SSH (`nsdeck --host DEST`); undefined for this machine. */
	readonly host?: string;
	/** That server's connection: lost, and made again with backoff (ssh-keeper.ts). */
	readonly connection?: Connection;
	/** The SSH guard's revert jobs, which outlive nsdeck (revert-job.ts); absent without the helper. */
	readonly guard?: GuardJobs;
	/** Set when namespaces are read one `ip` at a time (no usable helper): what to tell the user. */
	readonly slowReader?: string;
	readWorld(): Promise<World>;
	/** Read one namespace again; undefined when it no longer exists. */
	readNamespace(id: string): Promise<Netns | undefined>;
	/** Every namespace, the host first, found but not read (discover.ts): cheap, for the first frame. */
	listNamespaces(): Promise<NamespaceListing>;
	/** Read many namespaces (ids that vanished are left out). */
	readNamespaces(ids: readonly string[], options?: ReadManyOptions): Promise<readonly Netns[]>;
	/** Report changes made by anyone (ip monitor, /run/netns) until the returned function is called. */
	watch(listener: ChangeListener): () => void;
	/**
	 * What a plan may change in these namespaces, exactly as ip prints it (kernel-read.ts): read before and
	 * after a plan, and after its rollback or undo. Absent in UI tests' fake system.
	 */
	readKernel?(ids: readonly string[]): Promise<KernelState>;
	/** A namespace's links right now; undefined when it is gone or is not the namespace `identity` names. */
	linksNow?(id: string, identity?: NetnsIdentity): Promise<readonly LinkNow[] | undefined>;
	/** Run one command of a plan. */
	run(argv: readonly string[], options?: RunOptions): Promise<CommandResult>;
	/** Whether IPv4 and IPv6 forwarding are on in a namespace. */
	readForwarding(id: string): Promise<{4: boolean; 6: boolean}>;
	/**
	 * Sysctls and firewalls of the namespaces a ping crosses (diagnosis-read.ts); given the reading from
	 * before the ping, the firewall counters can be compared.
	 */
	readEvidence?(world: World, nsId: string, target: string, earlier?: Evidence): Promise<Evidence>;
	/** A namespace's interface sysctls and firewall, for the detail view. */
	readNamespaceFacts?(ns: Netns): Promise<NamespaceFacts>;
	/** Send text to the clipboard of the terminal the user sits at (OSC 52), the way tmux allows, or say why not. */
	copyToClipboard(text: string): Promise<CopyOutcome>;
	/** Which of these link kinds this kernel cannot make, each with why (link-kind-probe.ts); asked once per run. */
	cannotMake?(kinds: readonly MadeKind[]): Promise<KindVerdicts>;
	/** The links' counters of a namespace (ip -s link); undefined when they could not be read. */
	readCounters?(id: string): Promise<CountersByIndex | undefined>;
	/** Every qdisc of a namespace, as `tc -j qdisc show` prints them; undefined when tc could not say. */
	readQdiscs?(id: string): Promise<readonly Qdisc[] | undefined>;
	/** A namespace's echo counters (/proc/net/snmp read inside it), for tutorials' `echoed` checks. */
	readEchoCounters?(id: string): Promise<EchoCounters | undefined>;
	/** End the helper that readCounters (and single reads) keep running; the next read starts it again. */
	stopCounters?(): void;
	/** Run a command that only looks (ping, x), handing over each output line as it arrives. */
	stream?(argv: readonly string[], options: StreamOptions): Promise<CommandResult>;
	/** Where C's pcap files go, and whether tcpdump is here; absent where nsdeck does not capture (over SSH). */
	readonly captures?: CaptureFiles;
	/** Run a program attached to the terminal (a shell); resolves with its exit status. */
	attach?(argv: readonly string[], env: Readonly<Record<string, string>>): Promise<number>;
}

export interface ReadManyOptions {
	/** Hears each group as it lands, so the screen fills in while a large world loads. */
	readonly onBatch?: (batch: readonly Netns[]) => void;
	/** Namespaces already read (e.g. the host): they help resolve veth peers without extra reads. */
	readonly known?: readonly Netns[];
}

export interface RealSystemOptions {
	readonly lab: boolean;
	readonly runner?: Runner;
	/** The nsdeck-netdump helper for bulk reads; found beside the bundle unless given, none when false. */
	readonly netdump?: string | false;
	/** Finds the namespaces, not counting the processes in `ignore`; discover.ts unless given (tests). */
	readonly discover?: (ignore: ReadonlySet<number>) => NamespaceListing;
}

/** Still there, and still the same namespace (a PID or a mount path can come to mean another one). */
function stillThere(place: NetnsPlace): boolean {
	if (place.kind === 'host') return true;
	try {
		const stat = statSync(place.path);
		return place.identity === undefined || (stat.dev === place.identity.dev && stat.ino === place.identity.ino);
	} catch {
		return false;
	}
}

export function createRealSystem({lab, runner = runCommand, netdump: helper, discover = createDiscoverer()}: RealSystemOptions): System {
	// Reads and the watcher take turns (background-slot.ts); plans run when the user says so.
	const read: Runner = (argv, options) => backgroundSlot(() => runner(argv, options));
	const access = detectAccess();
	const netdump = helper === false ? undefined : (helper ?? findNetdump());
	// The places of the last listing: reads of single namespaces find their path here.
	let places = new Map<string, NetnsPlace>();
	// The running watcher hears exactly the namespaces of the last listing.
	let watcher: Unwatch | undefined;
	const watchSystem = (listener: ChangeListener, run: Runner): (() => void) => {
		const unwatch = startWatch(listener, {runner: run, canChange: lab && access.canChange, netdump, everyNamespace: true});
		watcher = unwatch;
		unwatch.listed([...places.values()]);
		return () => {
			if (watcher === unwatch) watcher = undefined;
			unwatch();
		};
	};
	const list = (): NamespaceListing => {
		// What nsdeck itself runs (reads, plans, ping, x) enters namespaces to look: not who lives there.
		const listing = discover(runningChildren);
		places = new Map(listing.places.map((p) => [p.id, p]));
		watcher?.listed(listing.places);
		return listing;
	};
	/** Where `id` is, if it still exists; listed again when it is new to us. */
	const placeOf = (id: string): NetnsPlace | undefined => {
		const place = places.get(id) ?? (list(), places.get(id));
		return place && stillThere(place) ? place : undefined;
	};
	// Counters and single reads after the first, from one helper for nsdeck's life (frame-server.ts). The
	// first frame's read starts a helper of its own: nsdeck's main thread is busy then, and a request on a
	// pipe would wait for it (~10 ms).
	let server: FrameServer | undefined;
	let firstSingle = true;
	const served = (helper: string): FrameServer => (server ??= frameServer(localServe(helper, NETNS_DIR), 5_000));
	const singleServer = (): FrameServer | undefined => {
		const first = firstSingle;
		firstSingle = false;
		return netdump && !first ? served(netdump) : undefined;
	};
	const withIp = countersWithIp(runner);
	return {
		lab,
		access,
		sshSession: parseSshConnection(process.env.SSH_CONNECTION),
		guard: guardJobs(netdump, runner),
		slowReader: netdump ? undefined : 'reading each namespace with ip (no nsdeck-netdump: slower at scale)',
		readWorld: () => readWorld(read, netdump, list().places),
		async readNamespace(id) {
			const place = placeOf(id);
			return place ? readNamespace(read, place, netdump, singleServer()) : undefined;
		},
		listNamespaces: async () => list(),
		async readNamespaces(ids, {onBatch, known = []} = {}) {
			const wanted = new Set(ids);
			const host = wanted.has(HOST_ID) ? [await readNamespace(read, places.get(HOST_ID) ?? hostLocation, netdump, singleServer())] : [];
			if (host.length > 0) onBatch?.(host);
			const others = ids.filter((id) => id !== HOST_ID).flatMap((id) => placeOf(id) ?? []);
			const fresh = await readMany(read, others, onBatch, netdump);
			const all = [...host, ...fresh];
			// Names for ambiguous peers, judged against what was read here.
			const context = known.filter((n) => !wanted.has(n.id));
			const withNames = (await readMissingNames(read, {namespaces: [...all, ...context]})).namespaces.slice(0, all.length);
			const changed = withNames.filter((n, i) => n !== all[i]);
			if (changed.length > 0) onBatch?.(changed);
			return withNames;
		},
		watch: (listener) => watchSystem(listener, read),
		run: (argv, options) => runner(argv, options),
		async readKernel(ids) {
			const states = await Promise.all(ids.map(async (id) => {
				const place = id === HOST_ID ? (places.get(HOST_ID) ?? hostLocation) : placeOf(id);
				// A namespace that cannot be read is left out (as a gone one): the plan still runs, unchecked there.
				return place ? readNamespaceState(runner, place).catch(() => undefined) : undefined;
			}));
			return new Map(states.flatMap((s): Array<[string, NamespaceState]> => (s ? [[s.id, s]] : [])));
		},
		async linksNow(id, identity) {
			const place = id === HOST_ID ? (places.get(HOST_ID) ?? hostLocation) : placeOf(id);
			if (!place || (identity && place.identity && !stillThere({...place, identity}))) return undefined;
			return readLinkNames(runner, place);
		},
		async readForwarding(id) {
			const place = placeOf(id);
			if (!place) throw new Error(`namespace ${id} no longer exists`);
			return readForwarding(runner, place);
		},
		readEvidence: (world, nsId, target, earlier) => readEvidence(runner, world, nsId, target, earlier),
		readNamespaceFacts: (ns) => readNamespaceFacts(runner, ns),
		async readCounters(id) {
			const place = placeOf(id);
			if (!place) return undefined;
			if (!netdump) return withIp(place);
			return (await helperCounters(served(netdump))(helperLocation(place))) ?? withIp(place);
		},
		async readQdiscs(id) {
			const place = placeOf(id);
			if (!place) return undefined;
			const result = await read(inNamespace(place, ['tc', '-j', 'qdisc', 'show']), {timeoutMs: 5_000});
			return result.exitCode === 0 ? parseQdiscs(result.stdout) : undefined;
		},
		async readEchoCounters(id) {
			const place = placeOf(id);
			if (!place) return undefined;
			const result = await read(inNamespace(place, ['cat', '/proc/net/snmp']), {timeoutMs: 5_000});
			return result.exitCode === 0 ? parseEchoCounters(result.stdout) : undefined;
		},
		stopCounters() {
			server?.close();
			server = undefined;
		},
		stream: streamCommand,
		captures: captureFiles(),
		attach: async (argv, env) => runInTerminal(argv, env),
		copyToClipboard: (text) => copyToClipboard(text, runner),
		cannotMake: (kinds) => kindsThisKernelCannotMake(kinds, runner),
	};
}

/** /proc/sys/net shows the namespace of the process reading it, so read it from inside with nsenter. */
async function readForwarding(runner: Runner, location: NetnsLocation): Promise<{4: boolean; 6: boolean}> {
	const files = ['/proc/sys/net/ipv4/ip_forward', '/proc/sys/net/ipv6/conf/all/forwarding'];
	const result = await runner(inNamespace(location, ['cat', ...files]));
	const [v4, v6] = result.stdout.split('\n').map((l) => l.trim() === '1');
	return {4: v4 ?? false, 6: v6 ?? false};
}

/** The tools nsdeck cannot work without, and the Debian package of each. */
const REQUIRED: ReadonlyArray<readonly [string, string]> = [
	['ip', 'iproute2'],
	['nsenter', 'util-linux'],
];

/**
 * Looks for each required program on PATH without starting a process (a spawn at start-up costs more
 * than the check is worth); says which package brings a missing one.
 */
export function checkToolsInstalled(path = process.env.PATH ?? ''): string | undefined {
	for (const [program, pkg] of REQUIRED) {
		if (!onPath(program, path)) return `needs the \`${program}\` command: install ${pkg} (apt-get install ${pkg})`;
	}
	return undefined;
}
