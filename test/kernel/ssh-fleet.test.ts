// `nsdeck --host h1 --host h2`: two servers in one app, in a real terminal, against two real sshd servers
// joined by a VXLAN. The namespaces pane lists both under their names; a change made on h2's namespace
// lands on h2 only; the map draws the tunnel between the two servers; nothing is left on either server
// after a quit or a SIGKILL.
import {mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {requireSandbox, sh} from '../support/sandbox.js';
import {startFleet, type TestFleet, type TestServer} from '../support/sshd.js';
import {BUNDLE, startInTmux, type Tmux} from '../support/tmux.js';

let fleet: TestFleet;
let h1: TestServer;
let h2: TestServer;
let app: Tmux | undefined;
let logDir: string | undefined;
beforeAll(async () => {
	requireSandbox();
	fleet = await startFleet(['h1', 'h2']);
	[h1, h2] = fleet.servers as [TestServer, TestServer];
	await sh(...h1.inside(['ip', 'netns', 'add', 'red']));
	await sh(...h2.inside(['ip', 'netns', 'add', 'blue']));
	// The overlay: VNI 42 between the servers' eth0 addresses, each end pointing at the other.
	await sh(...h1.inside(['ip', 'link', 'add', 'vx0', 'type', 'vxlan', 'id', '42', 'remote', h2.address, 'dev', 'eth0', 'dstport', '4789']));
	await sh(...h2.inside(['ip', 'link', 'add', 'vx1', 'type', 'vxlan', 'id', '42', 'remote', h1.address, 'dev', 'eth0', 'dstport', '4789']));
}, 60_000);
afterAll(async () => {
	await app?.kill();
	await fleet?.stop();
	if (logDir) rmSync(logDir, {recursive: true, force: true});
});

const namesOn = async (server: TestServer): Promise<string[]> => (await sh(...server.inside(['ls', '/run/netns']))).split('\n').filter(Boolean).sort();
const open = (extra: readonly string[] = []): Promise<Tmux> =>
	startInTmux([process.execPath, BUNDLE, '--host', 'h1', '--host', 'h2', '--ssh-config', fleet.config, ...extra], 80, 24);

describe('two servers in one app', () => {
	it('lists both, changes h2 alone, draws the tunnel between them, and leaves nothing on quit', async () => {
		logDir = mkdtempSync(join(tmpdir(), 'nsdeck-fleet-log-'));
		const logFile = join(logDir, 'log.sh');
		app = await open(['--log', logFile]);
		await app.waitFor('on h1 over ssh', 20_000);
		const both = await app.waitFor(/▾ h1[\s\S]*red[\s\S]*▾ h2[\s\S]*blue/, 20_000);
		expect(both).toMatch(/Namespaces/);
		// Down past h1's namespaces: the selection, and the world the app changes, are h2's.
		for (let i = 0; i < 3; i++) await app.keys('Down');
		await app.waitFor('on h2 over ssh');
		await app.keys('n');
		await app.waitFor('New namespace');
		await app.type('made-on-h2');
		await app.waitFor('It will run on h2 (ssh h2 -- …):');
		await app.keys('Enter');
		await vi.waitFor(async () => expect(await namesOn(h2), await app!.screen()).toEqual(['blue', 'made-on-h2']), {timeout: 10_000});
		expect(await namesOn(h1)).toEqual(['red']);
		await app.waitFor(/▾ h2[\s\S]*made-on-h2/);
		await vi.waitFor(() => expect(readFileSync(logFile, 'utf8')).toMatch(/^ssh h2 -- 'ip netns add made-on-h2' {2}# /m));

		// The map, at a size where both servers fit: the tunnel is one line between the two servers' rows.
		await app.resize(120, 60);
		await app.keys('t');
		const map = await app.waitFor('h1 host/vx0 ══ vxlan VNI 42 ══ h2 host/vx1', 10_000);
		expect(map).toMatch(/1 tunnel between servers/);
		const lines = map.split('\n');
		const from = lines.findIndex((l) => /vx0.*═+╗/.test(l));
		const to = lines.findIndex((l) => /vx1.*═+╝/.test(l));
		expect(from, map).toBeGreaterThan(0);
		expect(to, map).toBeGreaterThan(from);
		const column = lines[from].indexOf('╗');
		for (let r = from + 1; r < to; r++) expect(lines[r][column], map).toBe('║');
		expect(lines.findIndex((l) => l.includes('━━ h1')), map).toBeLessThan(from);
		expect(lines.findIndex((l) => l.includes('━━ h2')), map).toBeLessThan(to);

		await app.keys('q');
		await vi.waitFor(() => expect([...h1.processes(), ...h2.processes()]).toEqual([]), {timeout: 10_000});
	});

	it('leaves nothing on either server when killed with SIGKILL', async () => {
		await app?.kill();
		const before = new Set(readdirSync(tmpdir()).filter((n) => n.startsWith('nsdeck-ssh-')));
		app = await open();
		await app.waitFor('on h1 over ssh', 20_000);
		const watching = (s: TestServer): boolean => s.processes().some((p) => p.command.startsWith('ip monitor'));
		await vi.waitFor(() => expect([watching(h1), watching(h2)]).toEqual([true, true]), {timeout: 10_000});
		const pid = Number((await app.tmux('display-message', '-p', '-t', 'e2e', '#{pane_pid}')).trim());
		process.kill(pid, 'SIGKILL');
		await vi.waitFor(() => expect([...h1.processes(), ...h2.processes()]).toEqual([]), {timeout: 10_000});
		for (const dir of readdirSync(tmpdir()).filter((n) => n.startsWith('nsdeck-ssh-') && !before.has(n))) rmSync(join(tmpdir(), dir), {recursive: true, force: true});
	});
});
