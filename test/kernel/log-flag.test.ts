// `--log FILE` is checked before anything runs: a bad path is one clear line and exit status 2. Each line
// it gets is the command as shell text, then its start time, exit status and duration.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {createServer, type Server} from 'node:net';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {BUNDLE, startInTmux} from '../support/tmux.js';
import {requireSandbox} from '../support/sandbox.js';

const FIFO = join(tmpdir(), `nsdeck-log-fifo-${process.pid}`);
const SOCKET = join(tmpdir(), `nsdeck-log-socket-${process.pid}`);
let listening: Server | undefined;
beforeAll(async () => {
	spawnSync('mkfifo', [FIFO]);
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(SOCKET, resolve));
	listening = server;
});
afterAll(() => {
	rmSync(FIFO, {force: true});
	listening?.close();
	rmSync(SOCKET, {force: true});
});

describe('nsdeck --log', () => {
	it.each([
		['in a directory that does not exist', '/nonexistent-nsdeck-dir/commands.log', /ENOENT/],
		['that is a directory', '/tmp', /EISDIR/],
		// Issue 26: opening a FIFO with no reader blocked nsdeck at start for ever, deaf to SIGTERM.
		['that is a FIFO', FIFO, /not a regular file/],
		['that is a device', '/dev/null', /not a regular file/],
		['that is a socket', SOCKET, /not a regular file/],
	])('refuses a log %s, before any change can start', (_what, path, reason) => {
		requireSandbox();
		const result = spawnSync(process.execPath, [BUNDLE, '--log', path, 'lab', '--show'], {encoding: 'utf8', timeout: 20_000, killSignal: 'SIGKILL'});
		expect(result.status).toBe(2);
		expect(result.stdout).toBe('');
		const lines = result.stderr.trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(new RegExp(`^nsdeck: cannot write the log ${path}: `));
		expect(lines[0]).toMatch(reason);
	});

	it('writes each command with its ISO start time, exit status and duration; x and pings too', async () => {
		requireSandbox();
		const dir = mkdtempSync(join(tmpdir(), 'nsdeck-log-'));
		const log = join(dir, 'commands.log');
		const t = await startInTmux(['env', '-u', 'NSDECK_SANDBOX', process.execPath, BUNDLE, '--log', log, 'lab', 'pair'], 80, 24);
		try {
			await t.waitFor('Namespaces (3)');
			await t.keys('n');
			await t.waitFor('New namespace');
			await t.type('ns9');
			await t.keys('Enter');
			await t.waitFor('✓ Create namespace ns9');
			await t.keys('g');
			await t.waitFor('›host');
			await t.keys('j');
			await t.waitFor('Interfaces in client');
			await t.keys('x');
			await t.waitFor('Run one command in client');
			await t.type('ip link show dev nothere');
			await t.keys('Enter');
			await t.waitFor('✗ exit status 1');
			await t.keys('Escape');
			await t.waitFor('Interfaces in client');
			await t.keys('p');
			await t.waitFor('Ping from client');
			await t.keys('Tab', 'Tab');
			await t.keys('BSpace');
			await t.type('1');
			await t.keys('Enter');
			await t.waitFor('✓ 1 sent, 1 received');
			await t.keys('Escape');
			await t.waitFor('Interfaces in client');
			await t.keys('q');
			await new Promise((resolve) => setTimeout(resolve, 300));
			const lines = readFileSync(log, 'utf8').trimEnd().split('\n');
			const iso = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z';
			const took = '\\d+(?: ms|\\.\\d s)';
			expect(lines.find((l) => l.includes('ip netns add ns9'))).toMatch(new RegExp(`^ip netns add ns9  # ${iso} exit 0, ${took}$`));
			expect(lines.find((l) => l.includes('nothere'))).toMatch(new RegExp(`^# failed: ip netns exec client ip link show dev nothere  # ${iso} exit 1, ${took} \\(Device "nothere" does not exist\\.\\)$`));
			expect(lines.find((l) => l.includes('ping'))).toMatch(new RegExp(`^# looked: ip netns exec client ping -n -c 1 -i 1 -W 2 10\\.0\\.0\\.2  # ${iso} exit 0, ${took}$`));
		} finally {
			await t.kill();
			rmSync(dir, {recursive: true, force: true});
		}
	});
});

