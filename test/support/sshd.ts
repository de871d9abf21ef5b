// Servers for the SSH tests: each a "machine" of its own inside the sandbox (its own network, mount and
// PID namespaces, its own /run and /root), running Debian's sshd on a veth to the sandbox's host, reached
// with a key made for the test and known_hosts written for it. sshd's privilege separation drops to its
// own user (setgroups, setuid): the sandbox maps a uid range when started by real root
// (source/system/sandbox-users.ts), and these tests need that.
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {mapsManyUsers} from '../../source/system/sandbox-users.js';
import {sshdConfig, startMachine} from '../../source/system/ssh-machine.js';
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

/** Port 2222 (alias NAME-noip) is the same server with nothing on PATH: a server without ip. */
const noIpPort = (address: string): string[] => [`ListenAddress ${address}:2222`, 'Match LocalPort 2222', '  SetEnv PATH=/nowhere'];

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
			writeFileSync(join(dir, `sshd_${name}`), sshdConfig(dir, address, noIpPort(address)));
			const stop = new AbortController();
			stops.push(stop);
			const machine = await startMachine(netns, join(dir, `sshd_${name}`), stop.signal);
			servers.push({name, netns, address, ...machine});
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
