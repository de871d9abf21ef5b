// `nsdeck lab fleet`: servers to try `--host` on without servers. Inside the sandbox, two machines
// (ssh-machine.ts: their own network, mount and PID namespaces), each running Debian's sshd, on an underlay
// (bridge under0 in the sandbox's host, 192.168.50.0/24), joined by a VXLAN overlay (VNI 42, port 4789):
// on each server vx0 is a port of bridge br0 with namespace web behind it (10.42.0.1 on h1, 10.42.0.2 on
// h2), so web on h1 pings web on h2 across the tunnel. The client's keys, known_hosts and ssh_config are
// in a private directory; stop() ends the servers and removes them, the underlay and that directory.
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {errorText, type Runner} from './runner.js';
import {mapsManyUsers} from './sandbox-users.js';
import {sshdConfig, startMachine, type Machine} from './ssh-machine.js';

export const FLEET_SCENARIO = {name: 'fleet', description: 'servers h1 and h2, each with its own sshd, a VXLAN between them; the app on both'} as const;

export interface FleetLab {
	/** The ssh_config naming h1 and h2 (nsdeck --ssh-config). */
	readonly config: string;
	readonly hosts: readonly string[];
	readonly machines: readonly Machine[];
	stop(): Promise<void>;
}

const SERVERS = ['h1', 'h2'] as const;
const UNDERLAY = '192.168.50';

export async function buildFleetLab(run: Runner): Promise<FleetLab> {
	if (!mapsManyUsers()) throw new Error("the fleet lab runs sshd, whose privilege separation needs a uid range: start it as root");
	const must = async (argv: readonly string[]): Promise<void> => {
		const result = await run(argv);
		if (result.exitCode !== 0) throw new Error(`${argv.join(' ')}: ${errorText(result)}`);
	};
	const dir = mkdtempSync(join(tmpdir(), 'nsdeck-fleet-'));
	// The keys go even when nsdeck exits without stop() (cli.tsx's fail()); the rest ends with the sandbox.
	const removeDir = (): void => rmSync(dir, {recursive: true, force: true});
	process.once('exit', removeDir);
	const stops: AbortController[] = [];
	const stop = async (): Promise<void> => {
		for (const s of stops) s.abort();
		// Each may be missing (a build that failed half way): what is there goes, the rest is no error.
		for (const name of SERVERS) await run(['ip', 'netns', 'del', `server-${name}`]);
		await run(['ip', 'link', 'del', 'under0']);
		process.off('exit', removeDir);
		removeDir();
	};
	try {
		for (const key of ['host_key', 'user_key']) await must(['ssh-keygen', '-q', '-t', 'ed25519', '-N', '', '-C', 'nsdeck-fleet', '-f', join(dir, key)]);
		writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'user_key.pub')));
		const hostKey = readFileSync(join(dir, 'host_key.pub'), 'utf8').trim().split(' ').slice(0, 2).join(' ');
		// The underlay: one L2 segment in the sandbox's host, where the client (nsdeck) is too.
		await must(['ip', 'link', 'add', 'under0', 'type', 'bridge']);
		await must(['ip', 'addr', 'add', `${UNDERLAY}.254/24`, 'dev', 'under0']);
		await must(['ip', 'link', 'set', 'under0', 'up']);
		const machines: Machine[] = [];
		const config: string[] = [];
		for (const [i, name] of SERVERS.entries()) {
			const address = `${UNDERLAY}.${i + 1}`;
			const netns = `server-${name}`;
			await must(['ip', 'netns', 'add', netns]);
			await must(['ip', 'link', 'add', `to-${name}`, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', netns]);
			await must(['ip', 'link', 'set', `to-${name}`, 'master', 'under0', 'up']);
			await must(['ip', '-n', netns, 'addr', 'add', `${address}/24`, 'dev', 'eth0']);
			await must(['ip', '-n', netns, 'link', 'set', 'eth0', 'up']);
			writeFileSync(join(dir, `sshd_${name}`), sshdConfig(dir, address));
			const signal = new AbortController();
			stops.push(signal);
			machines.push(await startMachine(netns, join(dir, `sshd_${name}`), signal.signal));
			config.push(`Host ${name}`, `  HostName ${address}`, '  User root');
		}
		for (const [i, machine] of machines.entries()) await overlay(machine, i, must);
		config.push('Host *', `  IdentityFile ${dir}/user_key`, '  IdentitiesOnly yes', `  UserKnownHostsFile ${dir}/known_hosts`, '  GlobalKnownHostsFile /dev/null', '  StrictHostKeyChecking yes', '');
		writeFileSync(join(dir, 'known_hosts'), SERVERS.map((_n, i) => `${UNDERLAY}.${i + 1} ${hostKey}`).join('\n') + '\n');
		writeFileSync(join(dir, 'ssh_config'), config.join('\n'));
		return {config: join(dir, 'ssh_config'), hosts: SERVERS, machines, stop};
	} catch (error) {
		await stop();
		throw error;
	}
}

/** Server i's end of the overlay: vx0 toward the other server, bridged with namespace web's veth. */
async function overlay(machine: Machine, i: number, must: (argv: readonly string[]) => Promise<void>): Promise<void> {
	const other = `${UNDERLAY}.${2 - i}`;
	const on = (...argv: string[]): Promise<void> => must(machine.inside(argv));
	await on('ip', 'link', 'add', 'vx0', 'type', 'vxlan', 'id', '42', 'remote', other, 'dstport', '4789', 'dev', 'eth0');
	await on('ip', 'link', 'add', 'br0', 'type', 'bridge');
	await on('ip', 'link', 'set', 'vx0', 'master', 'br0', 'up');
	await on('ip', 'link', 'set', 'br0', 'up');
	await on('ip', 'netns', 'add', 'web');
	await on('ip', 'link', 'add', 'to-web', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', 'web');
	await on('ip', 'link', 'set', 'to-web', 'master', 'br0', 'up');
	await on('ip', '-n', 'web', 'addr', 'add', `10.42.0.${i + 1}/24`, 'dev', 'eth0');
	await on('ip', '-n', 'web', 'link', 'set', 'eth0', 'up');
	await on('ip', '-n', 'web', 'link', 'set', 'lo', 'up');
}
