// `nsdeck lab fleet`'s servers (source/system/fleet-lab.ts), built in the test's sandbox: the two sshd
// servers answer nsdeck over ssh with the lab's own ssh_config, web on h1 reaches web on h2 across the
// VXLAN, `show --host` draws that tunnel as one edge between the servers (and flags it once its two ends
// disagree on the VNI), and stop() leaves nothing behind.
import {existsSync, readFileSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {buildFleetLab, type FleetLab} from '../../source/system/fleet-lab.js';
import {runCommand} from '../../source/system/runner.js';
import {requireSandbox, sh} from '../support/sandbox.js';
import {BUNDLE} from '../support/tmux.js';

let lab: FleetLab | undefined;
beforeAll(async () => {
	requireSandbox();
	lab = await buildFleetLab(runCommand);
}, 60_000);
afterAll(async () => {
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
