// `nsdeck lab fleet`'s servers (source/system/fleet-lab.ts), built in the test's sandbox: the two sshd
// servers answer nsdeck over ssh with the lab's own ssh_config, web on h1 reaches web on h2 across the
// VXLAN, `show --host` draws that tunnel as one edge between the servers (and flags it once its two ends
// disagree on the VNI), and stop() leaves nothing behind. And `nsdeck lab fleet` itself, in a terminal at
// 80x24 (a sandbox inside the tests' own, which maps it a uid range): LAB in the title, both servers under
// their headings, the tunnel in the map, and nothing left after a quit.
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {buildFleetLab, type FleetLab} from '../../source/system/fleet-lab.js';
import {runCommand} from '../../source/system/runner.js';
import {requireSandbox, sh} from '../support/sandbox.js';
import {BUNDLE, startInTmux, type Tmux} from '../support/tmux.js';

let lab: FleetLab | undefined;
let app: Tmux | undefined;
beforeAll(async () => {
	requireSandbox();
	lab = await buildFleetLab(runCommand);
}, 60_000);
afterAll(async () => {
	await app?.kill();
	await lab?.stop();
});

/** Not ended: a zombie has ended (the sandbox's first process, its new parent, may not reap it). */
function running(pid: number): boolean {
	try {
		return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
	} catch {
		return false;
	}
}

const mermaid = async (): Promise<string> => {
	const result = await runCommand([process.execPath, BUNDLE, 'show', '--host', 'h1', '--host', 'h2', '--ssh-config', lab!.config, '--mermaid'], {timeoutMs: 30_000});
	expect(result.stderr).toBe('');
	expect(result.exitCode).toBe(0);
	return result.stdout;
};

/** The app on the lab's servers, pinging h2's web from h1's at 160x40; the screen once it shows `expected`. */
async function pingAcross(expected: string): Promise<string> {
	app = await startInTmux([process.execPath, BUNDLE, '--host', 'h1', '--host', 'h2', '--ssh-config', lab!.config], 160, 40);
	await app.waitFor(/▾ h1[\s\S]*web[\s\S]*▾ h2[\s\S]*web/, 30_000);
	await app.keys('Down');
	await app.waitFor('Interfaces in web');
	await app.keys('p');
	await app.waitFor('Ping from web');
	for (let n = 0; n < 20 && !(await app.screen()).includes('‹ other address… ›'); n++) await app.keys('Right');
	await app.keys('Tab');
	await app.type('10.42.0.2');
	await app.keys('Tab', 'BSpace');
	await app.type('1');
	await app.keys('Enter');
	const screen = await app.waitFor(expected, 30_000);
	await app.kill();
	app = undefined;
	return screen;
}

describe('the fleet lab', () => {
	it('builds two servers joined by a VXLAN that carries traffic, drawn as one edge', async () => {
		const [h1] = lab!.machines;
		expect(lab!.hosts).toEqual(['h1', 'h2']);
		await sh(...h1.inside(['ip', 'netns', 'exec', 'web', 'ping', '-c', '1', '-W', '10', '10.42.0.2']));
		const chart = await mermaid();
		expect(chart).toMatch(/subgraph host0\["host h1"\][\s\S]*subgraph host1\["host h2"\]/);
		expect(chart.match(/===\|"vxlan VNI 42"\|/g)).toHaveLength(1);
		expect(chart).not.toContain('⚠');
	});

	it('flags the tunnel when the two ends disagree on the VNI', async () => {
		const [, h2] = lab!.machines;
		await sh(...h2.inside(['ip', 'link', 'del', 'vx0']));
		await sh(...h2.inside(['ip', 'link', 'add', 'vx0', 'type', 'vxlan', 'id', '43', 'remote', '192.168.50.1', 'dstport', '4789', 'dev', 'eth0']));
		expect(await mermaid()).toMatch(/-\.-\|"vxlan VNI 42<br\/>⚠ VNI 42 on h1, 43 on h2"\|/);
	});

	it("explains a ping from h1's web to h2's by the tunnel's VNI mismatch", {timeout: 60_000}, async () => {
		const explained = await pingAcross('the echo leaves h1 through vx0 (vxlan VNI 42) to h2, but the tunnel carries nothing: VNI 42 on h1, 43 on h2');
		expect(explained).toMatch(/✗ host: over vx0 to h2, where web holds it/);
		expect(explained).not.toContain('beyond what nsdeck sees');
	});

	it('explains it by a link down on h2 once the tunnel is sound', {timeout: 60_000}, async () => {
		const [, h2] = lab!.machines;
		await sh(...h2.inside(['ip', 'link', 'del', 'vx0']));
		await sh(...h2.inside(['ip', 'link', 'add', 'vx0', 'type', 'vxlan', 'id', '42', 'remote', '192.168.50.1', 'dstport', '4789', 'dev', 'eth0']));
		await sh(...h2.inside(['ip', 'link', 'set', 'vx0', 'master', 'br0', 'up']));
		await sh(...h2.inside(['ip', '-n', 'web', 'link', 'set', 'eth0', 'down']));
		await pingAcross('on h2: interface eth0 in web is down');
	});

	it("names the rule of h2's firewall that dropped the echoes, read through h2's own connection", {timeout: 60_000}, async () => {
		const [, h2] = lab!.machines;
		await sh(...h2.inside(['ip', '-n', 'web', 'link', 'set', 'eth0', 'up']));
		const nft = (...argv: string[]): Promise<string> => sh(...h2.inside(['ip', 'netns', 'exec', 'web', 'nft', ...argv]));
		await nft('add', 'table', 'inet', 'cut');
		await nft('add', 'chain', 'inet', 'cut', 'in', '{ type filter hook input priority 0; }');
		await nft('add', 'rule', 'inet', 'cut', 'in', 'icmp', 'type', 'echo-request', 'counter', 'drop');
		const explained = await pingAcross('on h2 the firewall of web dropped the');
		// The panel's lines wrap inside its frame: read them as one text.
		expect(explained.replace(/[║\s]+/g, ' ')).toContain('on h2 the firewall of web dropped the echo: table inet cut, chain in (hook input), rule "icmp type echo-request counter drop"');
		expect(explained).toMatch(/✗ host: over vx0 to h2, where web holds it/);
		await nft('delete', 'table', 'inet', 'cut');
	});

	it('stops its servers and removes the underlay and its files', async () => {
		const {config, machines} = lab!;
		await lab!.stop();
		lab = undefined;
		expect(existsSync(config)).toBe(false);
		expect((await sh('ip', 'netns', 'list')).split('\n').filter((n) => n.startsWith('server-'))).toEqual([]);
		expect((await runCommand(['ip', 'link', 'show', 'under0'])).exitCode).not.toBe(0);
		await vi.waitFor(() => expect(machines.filter((m) => running(m.pid))).toEqual([]), {timeout: 10_000});
	});
});

describe('nsdeck lab fleet', () => {
	const labDirs = (): string[] => readdirSync(tmpdir()).filter((n) => n.startsWith('nsdeck-fleet-'));

	it('opens the app on h1 and h2, draws their tunnel, and leaves nothing on quit', {timeout: 90_000}, async () => {
		const before = labDirs();
		app = await startInTmux(['env', '-u', 'NSDECK_SANDBOX', process.execPath, BUNDLE, 'lab', 'fleet'], 80, 24);
		await app.waitFor(/▾ h1 · 2[\s\S]*web[\s\S]*▾ h2 · 2[\s\S]*web/, 40_000);
		// Its servers live in the lab's sandbox: the title says LAB, as every lab's does, not [host].
		await app.waitFor(/nsdeck {2}LAB {2}private sandbox: the host is untouched · on h1 over ssh/);
		const made = labDirs().filter((n) => !before.includes(n));
		expect(made).toHaveLength(1);
		await app.keys('t');
		await app.waitFor(/2 servers · 1 tunnel between servers/);
		await app.keys('Escape');
		await app.keys('q');
		const ended = (): Promise<boolean> => app!.tmux('has-session', '-t', 'e2e').then(() => false, () => true);
		// What was still running says why, if it had not ended (once: a client's connection of its own).
		const left = async (): Promise<string> => (await runCommand(['ps', '-eo', 'pid,ppid,stat,etime,args'])).stdout;
		await vi.waitFor(async () => expect(await ended(), await left()).toBe(true), {timeout: 15_000});
		expect(labDirs()).not.toContain(made[0]);
	});
});
