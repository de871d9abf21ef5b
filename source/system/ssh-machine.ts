// A server for the fleet lab and the SSH tests: a "machine" of its own inside the sandbox (its own network,
// mount and PID namespaces, its own /run and /root) running Debian's sshd as its first process. sshd's
// privilege separation drops to its own user (setgroups, setuid): the sandbox must map a uid range, which
// it does when started by real root (sandbox-users.ts).
import {readFileSync, readdirSync, readlinkSync} from 'node:fs';
import {childrenOf} from './children-of.js';
import {streamCommand} from './runner.js';

/** sshd, as the first process of a machine: its own /run (netns, sshd's chroot) and /root (the cache). */
const MACHINE = [
	'mount -t tmpfs -o mode=755 fleet-run /run && mkdir -p /run/netns /run/sshd',
	'mount -t tmpfs -o mode=700 fleet-root /root',
	'ip link set lo up',
	'exec /usr/sbin/sshd -D -e -f "$1"',
].join(' && ');

/** sshd's config for a machine listening on `address`, keys in `dir`; `extra` lines go at its end. */
export function sshdConfig(dir: string, address: string, extra: readonly string[] = []): string {
	return [
		`ListenAddress ${address}:22`,
		`HostKey ${dir}/host_key`,
		`AuthorizedKeysFile ${dir}/authorized_keys`,
		'StrictModes no',
		'UsePAM no',
		'PidFile none',
		'PermitRootLogin prohibit-password',
		'LogLevel INFO',
		...extra,
		'',
	].join('\n');
}

export interface Machine {
	/** The PID of its sshd, the first process of its PID namespace. */
	readonly pid: number;
	/** Its processes other than the listening sshd (sessions, commands left behind). */
	readonly processes: () => Array<{pid: number; command: string}>;
	/** argv that runs a command on this machine directly (not over SSH): its net, mount and PID namespaces. */
	readonly inside: (argv: readonly string[]) => string[];
}

/** Starts sshd with `configFile` in a machine whose network is the named namespace `netns`; ends on `signal`. */
export async function startMachine(netns: string, configFile: string, signal: AbortSignal): Promise<Machine> {
	let started: (pid: number) => void = () => {};
	let failed: (error: Error) => void = () => {};
	const listening = new Promise<number>((resolve, reject) => ((started = resolve), (failed = reject)));
	let outer = 0;
	const argv = ['nsenter', `--net=/run/netns/${netns}`, 'unshare', '--mount', '--propagation', 'private', '--pid', '--fork', '--kill-child', '--mount-proc', '--', 'sh', '-c', MACHINE, 'sh', configFile];
	void streamCommand(argv, {
		signal,
		timeoutMs: 24 * 3_600_000,
		onStart: (pid) => (outer = pid),
		onLine: (line) => {
			if (/Server listening on/.test(line)) started(firstProcess(outer));
		},
	}).then((result) => failed(new Error(`sshd in ${netns} ended: ${result.stderr || result.failure}`)));
	const pid = await listening;
	const pidNs = readlinkSync(`/proc/${pid}/ns/pid`);
	return {
		pid,
		processes: () => processesIn(pidNs).filter((p) => p.pid !== pid),
		inside: (command) => ['nsenter', '-t', String(pid), '--net', '--mount', '--pid', '--', ...command],
	};
}

/** The machine's first process: the child that `unshare --fork` (setpriv → nsenter → unshare) made. */
function firstProcess(outer: number): number {
	const [first] = childrenOf(outer);
	if (first === undefined) throw new Error('no first process under unshare');
	return first;
}

/** Processes whose PID namespace is `pidNs`, as seen from the sandbox. */
function processesIn(pidNs: string): Array<{pid: number; command: string}> {
	const found: Array<{pid: number; command: string}> = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			if (readlinkSync(`/proc/${entry}/ns/pid`) !== pidNs) continue;
			found.push({pid: Number(entry), command: readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim()});
		} catch {
			// Gone meanwhile.
		}
	}
	return found;
}
