// Servers for the SSH tests: each a "machine" of its own inside the sandbox (its own network, mount and
// PID namespaces, its own /run and /root), running Debian's sshd on a veth to the sandbox's host, reached
// with a key made for the test and known_hosts written for it. sshd's privilege separation drops to its
// own user (setgroups, setuid): the sandbox maps a uid range when started by real root
// (source/system/sandbox-users.ts), and these tests need that.
import {mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {streamCommand} from '../../source/system/runner.js';
import {mapsManyUsers} from '../../source/system/sandbox-users.js';
import {childrenOf} from '../../source/system/children-of.js';
import {requireSandbox, sh} from './sandbox.js';

export interface TestServer {
	/** Its alias in the fleet's ssh_config (h1, h2, …). */
	readonly name: string;
	/** The sandbox's named namespace that holds its network (fleet-h1). */
	readonly netns: string;
	readonly address: string;
	/** The PID of its sshd, the first process of its PID namespace. */
	readonly pid: number;
	/** Its processes other than the listening sshd (sessions, commands nsdeck left). */
	readonly processes: () => Array<{pid: number; command: string}>;
	/** argv that runs a command on this machine directly (not over SSH): its net, mount and PID namespaces. */
	readonly inside: (argv: readonly string[]) => string[];
}

export interface TestFleet {
	readonly dir: string;
	/** The ssh_config that names every server (pass it with --ssh-config). */
	readonly config: string;
	readonly servers: readonly TestServer[];
	stop(): Promise<void>;
}

/** sshd, as the first process of a machine: its own /run (netns, sshd's chroot) and /root (the cache). */
const MACHINE = [
	'mount -t tmpfs -o mode=755 fleet-run /run && mkdir -p /run/netns /run/sshd',
	'mount -t tmpfs -o mode=700 fleet-root /root',
	'ip link set lo up',
	'exec /usr/sbin/sshd -D -e -f "$1"',
].join(' && ');

function sshdConfig(dir: string, address: string): string {
	return [
		`ListenAddress ${address}:22`,
		`HostKey ${dir}/host_key`,
		`AuthorizedKeysFile ${dir}/authorized_keys`,
		'StrictModes no',
		'UsePAM no',
		'PidFile none',
		'PermitRootLogin prohibit-password',
		'LogLevel INFO',
		// Port 2222 (alias NAME-noip) is the same server with nothing on PATH: a server without ip.
		`ListenAddress ${address}:2222`,
		'Match LocalPort 2222',
		'  SetEnv PATH=/nowhere',
		'',
	].join('\n');
}

/** Start `names.length` servers (h1 at 10.231.1.2, h2 at 10.231.2.2, …) and write the client's config. */
export async function startFleet(names: readonly string[]): Promise<TestFleet> {
	requireSandbox();
	if (!mapsManyUsers()) throw new Error('sshd needs a sandbox with a uid range: run the tests as root (sshd drops to its own user)');
	const dir = mkdtempSync(join(tmpdir(), 'nsdeck-sshd-'));
	await sh('ssh-keygen', '-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'host_key'));
	await sh('ssh-keygen', '-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'user_key'));
	await sh('ssh-keygen', '-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'stranger_key'));
	writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'user_key.pub')));
	const hostKey = readFileSync(join(dir, 'host_key.pub'), 'utf8').trim().split(' ').slice(0, 2).join(' ');
	const stops: AbortController[] = [];
	const servers: TestServer[] = [];
	const config: string[] = [];
	const known: string[] = [];
	try {
		for (const [i, name] of names.entries()) {
			const netns = `fleet-${name}`;
			const address = `10.231.${i + 1}.2`;
			await sh('ip', 'netns', 'add', netns);
			await sh('ip', 'link', 'add', `fl-${name}`, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', netns);
			await sh('ip', 'addr', 'add', `10.231.${i + 1}.1/24`, 'dev', `fl-${name}`);
			await sh('ip', 'link', 'set', `fl-${name}`, 'up');
			await sh('ip', '-n', netns, 'addr', 'add', `${address}/24`, 'dev', 'eth0');
			await sh('ip', '-n', netns, 'link', 'set', 'eth0', 'up');
			writeFileSync(join(dir, `sshd_${name}`), sshdConfig(dir, address));
			const stop = new AbortController();
			stops.push(stop);
			let started: (pid: number) => void = () => {};
			let failed: (error: Error) => void = () => {};
			const listening = new Promise<number>((resolve, reject) => ((started = resolve), (failed = reject)));
			let outer = 0;
			const argv = ['nsenter', `--net=/run/netns/${netns}`, 'unshare', '--mount', '--propagation', 'private', '--pid', '--fork', '--kill-child', '--mount-proc', '--', 'sh', '-c', MACHINE, 'sh', join(dir, `sshd_${name}`)];
			void streamCommand(argv, {
				signal: stop.signal,
				timeoutMs: 3_600_000,
				onStart: (pid) => (outer = pid),
				onLine: (line) => {
					if (/Server listening on/.test(line)) started(firstProcess(outer));
				},
			}).then((result) => failed(new Error(`sshd for ${name} ended: ${result.stderr || result.failure}`)));
			const pid = await listening;
			const pidNs = readlinkSync(`/proc/${pid}/ns/pid`);
			servers.push({
				name,
				netns,
				address,
				pid,
				processes: () => processesIn(pidNs).filter((p) => p.pid !== pid),
				inside: (command) => ['nsenter', '-t', String(pid), '--net', '--mount', '--pid', '--', ...command],
			});
			config.push(`Host ${name}`, `  HostName ${address}`, '  User root');
			// The same server, reached with a key it does not know, and with no ip on PATH.
			config.push(`Host ${name}-badkey`, `  HostName ${address}`, '  User root', `  IdentityFile ${dir}/stranger_key`);
			config.push(`Host ${name}-newkey`, `  HostName ${address}`, '  User root', '  UserKnownHostsFile /dev/null');
			config.push(`Host ${name}-noip`, `  HostName ${address}`, '  Port 2222', '  User root');
			known.push(`${address} ${hostKey}`, `[${address}]:2222 ${hostKey}`);
		}
	} catch (error) {
		for (const s of stops) s.abort();
		rmSync(dir, {recursive: true, force: true});
		throw error;
	}
	// IdentityFile lines add up: the stranger's aliases must not get the known key too.
	config.push('Host * !*-badkey', `  IdentityFile ${dir}/user_key`, 'Host *', '  IdentitiesOnly yes', `  UserKnownHostsFile ${dir}/known_hosts`, '  GlobalKnownHostsFile /dev/null', '  StrictHostKeyChecking yes', '  ConnectTimeout 5', '');
	writeFileSync(join(dir, 'known_hosts'), known.join('\n') + '\n');
	writeFileSync(join(dir, 'ssh_config'), config.join('\n'));
	return {
		dir,
		config: join(dir, 'ssh_config'),
		servers,
		async stop() {
			for (const s of stops) s.abort();
			for (const server of servers) {
				await sh('ip', 'netns', 'del', server.netns);
				await sh('ip', 'link', 'del', `fl-${server.name}`).catch(() => '');
			}
			rmSync(dir, {recursive: true, force: true});
		},
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
