// The app on a remote host of 1,000 namespaces, in a sandbox (`nsdeck sandbox -- node bench/remote.mjs`):
// Debian's sshd runs on the sandbox's loopback (127.0.0.1), in the sandbox's own network and with the same
// /run/netns, so the server's world is the very world the local app reads (bench/world.mjs). sshd gets a
// mount namespace with its own /root (the helper's cache on the "server") and a PID namespace that ends
// with it. Measured, in turn: the local first frame and `--host` first frame (medians), the most SSH
// connections (TCP to port 22) and ssh processes at once while the remote app reads, and how long a
// change made on the server takes to show in the remote app. Prints one line, `REMOTE {json}`, which
// bench/run.mjs puts in its report. sshd needs a uid range (privilege separation): run as root.
import {spawn, spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {PtyApp} from './pty.mjs';
import {untilQuiet} from './quiet.mjs';
import {buildWorld} from './world.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'nsdeck.js');
const N = Number(process.env.REMOTE_N ?? 1000);
const STARTS = Number(process.env.REMOTE_STARTS ?? 5);
/** How long to wait for idle CPUs before each start at most (untilQuiet's 60 s by default; less on a busy machine). */
const QUIET_MS = Number(process.env.REMOTE_QUIET_MS ?? 60_000);
const quiet = () => untilQuiet({timeoutMs: QUIET_MS});
const step = (what) => process.stderr.write(`remote: ${what}\n`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const must = (argv) => {
	const result = spawnSync(argv[0], argv.slice(1), {encoding: 'utf8'});
	if (result.status !== 0) throw new Error(`${argv.join(' ')}: ${result.stderr}`);
};
/**
 * The host's data on screen, locally or on the server: its bridge br0 (bench/world.mjs). Not run.mjs's
 * "Interfaces in host (N)": the remote app draws the placeholder "(0)" first, and ink then rewrites only
 * the count, so the heading never appears whole.
 */
const hostShown = /\bbr0\b/;

/** sshd on 127.0.0.1:22 with keys made here; resolves once it listens, with its process and ssh_config. */
async function startServer(dir) {
	for (const key of ['host_key', 'user_key']) must(['ssh-keygen', '-q', '-t', 'ed25519', '-N', '', '-f', join(dir, key)]);
	writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'user_key.pub')));
	const sshd = ['ListenAddress 127.0.0.1:22', `HostKey ${dir}/host_key`, `AuthorizedKeysFile ${dir}/authorized_keys`, 'StrictModes no', 'UsePAM no', 'PidFile none', 'PermitRootLogin prohibit-password', ''];
	writeFileSync(join(dir, 'sshd_config'), sshd.join('\n'));
	const hostKey = readFileSync(join(dir, 'host_key.pub'), 'utf8').trim().split(' ').slice(0, 2).join(' ');
	writeFileSync(join(dir, 'known_hosts'), `127.0.0.1 ${hostKey}\n`);
	const config = ['Host server', '  HostName 127.0.0.1', '  User root', `  IdentityFile ${dir}/user_key`, '  IdentitiesOnly yes', `  UserKnownHostsFile ${dir}/known_hosts`, '  GlobalKnownHostsFile /dev/null', '  StrictHostKeyChecking yes', ''];
	writeFileSync(join(dir, 'ssh_config'), config.join('\n'));
	// --propagation slave: the world's /run/netns mounts stay visible; /root is the server's own (its cache).
	const script = 'mount -t tmpfs -o mode=700 bench-root /root && mkdir -p /run/sshd && exec /usr/sbin/sshd -D -e -f "$1"';
	const child = spawn('unshare', ['--mount', '--propagation', 'slave', '--pid', '--fork', '--kill-child', '--mount-proc', '--', 'sh', '-c', script, 'sh', join(dir, 'sshd_config')], {stdio: ['ignore', 'ignore', 'pipe']});
	let log = '';
	await new Promise((resolve, reject) => {
		child.stderr.on('data', (chunk) => {
			log += chunk;
			if (log.includes('Server listening on')) resolve();
		});
		child.on('exit', () => reject(new Error(`sshd ended: ${log}`)));
	});
	return {child, config: join(dir, 'ssh_config')};
}

/** Established TCP connections from a client to port 22 (/proc/net/tcp, no process spawned to look). */
function sshConnections() {
	return readFileSync('/proc/net/tcp', 'utf8')
		.split('\n')
		.slice(1)
		.filter((line) => {
			const [, , remote, state] = line.trim().split(/\s+/);
			return state === '01' && remote?.endsWith(':0016');
		}).length;
}

/** ssh client processes in the sandbox (the master and the commands it multiplexes). */
function sshProcesses() {
	let count = 0;
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'ssh') count++;
		} catch {
			// Gone meanwhile.
		}
	}
	return count;
}

/** Samples connections and ssh processes every 50 ms until stopped; the most of each. */
function sampleSsh() {
	const most = {connections: 0, processes: 0};
	const timer = setInterval(() => {
		most.connections = Math.max(most.connections, sshConnections());
		most.processes = Math.max(most.processes, sshProcesses());
	}, 50);
	return () => (clearInterval(timer), most);
}

/** Milliseconds from the first frame with the host's data, for the app started with `argv`. */
async function firstFrame(argv) {
	const app = new PtyApp(argv, {columns: 120, rows: 40});
	const took = (await app.waitFor(hostShown, 0, 60_000).catch(async (error) => {
		await app.stop();
		throw new Error(`${argv.join(' ')}: ${error.message}; headings seen: ${JSON.stringify([...new Set(app.output.match(/Interfaces in [^│]{0,40}/g))])}`);
	})) - app.started;
	await app.quiet(300, 3000);
	await app.stop();
	return took;
}

/** Milliseconds from a change made on the server (argv) to the frame that shows it. */
async function timeChange(app, argv) {
	const from = app.output.length;
	const t0 = performance.now();
	must(argv);
	return (await app.waitFor('DOWN', from, 10_000)) - t0;
}

async function measure(dir) {
	buildWorld(N);
	step('world built');
	const server = await startServer(dir);
	try {
		const local = [bundle];
		const remote = [bundle, '--host', 'server', '--ssh-config', server.config];
		await quiet();
		// The first starts fill Node's compile cache and the server's helper cache (the upload).
		await firstFrame(local);
		await firstFrame(remote);
		step('first starts done');
		const localStarts = [];
		const remoteStarts = [];
		let most = {connections: 0, processes: 0};
		for (let i = 0; i < STARTS; i++) {
			await quiet();
			localStarts.push(await firstFrame(local));
			await quiet();
			const stop = sampleSsh();
			remoteStarts.push(await firstFrame(remote));
			const seen = stop();
			most = {connections: Math.max(most.connections, seen.connections), processes: Math.max(most.processes, seen.processes)};
		}
		step(`starts: local ${localStarts.map(Math.round)}, remote ${remoteStarts.map(Math.round)}`);
		// The app on the server, all its namespaces read; then a link set down there, in the host and in the last namespace.
		await quiet();
		const stop = sampleSsh();
		const app = new PtyApp(remote, {columns: 120, rows: 40});
		await app.waitFor(hostShown);
		await app.waitFor(/reading \d+\/\d+/, 0, 5000).catch(() => undefined);
		await app.quiet(1500, 5000);
		app.write('g');
		await app.quiet(500, 3000);
		step('app open');
		const changeHost = await timeChange(app, ['ip', 'link', 'set', 'v1_br', 'down']);
		app.write('G');
		await app.quiet(500, 3000);
		const changeInside = await timeChange(app, ['ip', '-n', `ns${N}`, 'link', 'set', `v${N}`, 'down']);
		await app.quiet(500, 3000);
		const open = stop();
		await app.stop();
		return {
			n: N,
			starts: STARTS,
			localFrame: median(localStarts),
			remoteFrame: median(remoteStarts),
			localFrames: localStarts.map(Math.round),
			remoteFrames: remoteStarts.map(Math.round),
			connections: Math.max(most.connections, open.connections),
			sshProcesses: Math.max(most.processes, open.processes),
			changeHost,
			changeInside,
		};
	} finally {
		// SIGKILL: unshare may pass SIGTERM on to sshd, the first process of its PID namespace, and wait; killed,
		// it takes sshd with it (--kill-child).
		server.child.kill('SIGKILL');
	}
}

const dir = mkdtempSync(join(tmpdir(), 'nsdeck-bench-ssh-'));
try {
	console.log(`REMOTE ${JSON.stringify(await measure(dir))}`);
} finally {
	rmSync(dir, {recursive: true, force: true});
}
// Nothing of the server may keep this process alive (its stderr pipe): the bench waits for it to end.
process.exit(0);
