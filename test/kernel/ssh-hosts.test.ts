// `nsdeck show --host` against real sshd servers in the sandbox: two servers read at once, each with its
// own namespaces; the helper sent and checked by hash; and the lines for servers that cannot be read.
import {readdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runCommand} from '../../source/system/runner.js';
import {requireSandbox, sh} from '../support/sandbox.js';
import {startFleet, type TestFleet, type TestServer} from '../support/sshd.js';
import {BUNDLE} from '../support/tmux.js';

let fleet: TestFleet;
let h1: TestServer;
let h2: TestServer;
beforeAll(async () => {
	requireSandbox();
	fleet = await startFleet(['h1', 'h2']);
	[h1, h2] = fleet.servers as [TestServer, TestServer];
	await sh(...h1.inside(['ip', 'netns', 'add', 'only-on-h1']));
	await sh(...h2.inside(['ip', 'netns', 'add', 'web']));
	await sh(...h2.inside(['ip', 'netns', 'add', 'db']));
	await sh(...h2.inside(['ip', '-n', 'web', 'link', 'add', 'v-web', 'type', 'veth', 'peer', 'name', 'v-db', 'netns', 'db']));
});
afterAll(async () => {
	await fleet?.stop();
});

interface HostJson {
	host: string;
	reader: string | null;
	error?: string;
	// show --json's shape: ip's records, nsdeck's findings under `nsdeck` (docs/show-json.schema.json).
	namespaces: Array<{id: string; kind: string; nsdeck: {name: string}; links: Array<{ifname: string; nsdeck: {peer?: {ns: string; name: string} | null}}>}>;
}

async function show(...args: string[]): Promise<{json: {hosts: HostJson[]}; stderr: string; exitCode: number}> {
	const result = await runCommand([process.execPath, BUNDLE, 'show', '--ssh-config', fleet.config, '--json', ...args], {timeoutMs: 30_000});
	return {json: JSON.parse(result.stdout) as {hosts: HostJson[]}, stderr: result.stderr, exitCode: result.exitCode};
}

const names = (host: HostJson): string[] => host.namespaces.map((n) => n.nsdeck.name);

describe('show --host', () => {
	it('reads two servers, each with its own namespaces, with ip and with the helper', async () => {
		for (const upload of [['--no-upload'], []]) {
			const {json, exitCode, stderr} = await show('--host', 'h1', '--host', 'h2', ...upload);
			expect(exitCode, stderr).toBe(0);
			const [one, two] = json.hosts as [HostJson, HostJson];
			expect(one.host).toBe('h1');
			expect(names(one)).toEqual(['host', 'only-on-h1']);
			expect(names(two)).toEqual(['host', 'db', 'web']);
			// A veth between two of h2's namespaces is paired as it is here.
			const web = two.namespaces.find((n) => n.nsdeck.name === 'web');
			expect(web?.links.find((l) => l.ifname === 'v-web')?.nsdeck.peer).toEqual({ns: 'db', name: 'v-db', ifindex: expect.any(Number)});
			expect(one.reader).toBe(upload.length > 0 ? 'ip' : 'helper');
		}
	});

	it('draws both servers in one graph, for DOT and mermaid', async () => {
		const dot = await runCommand([process.execPath, BUNDLE, 'show', '--ssh-config', fleet.config, '--dot', '--host', 'h1', '--host', 'h2'], {timeoutMs: 30_000});
		expect(dot.exitCode, dot.stderr).toBe(0);
		expect(dot.stdout).toContain('label="host h1";');
		expect(dot.stdout).toContain('"h2:db/v-db" -- "h2:web/v-web"');
		const mermaid = await runCommand([process.execPath, BUNDLE, 'show', '--ssh-config', fleet.config, '--mermaid', '--host', 'h1', '--host', 'h2'], {timeoutMs: 30_000});
		expect(mermaid.stdout).toMatch(/subgraph host1\["host h2"\]/);
	});

	it('with --no-upload writes nothing on the server', async () => {
		await sh(...h1.inside(['rm', '-rf', '/root/.cache']));
		const {exitCode} = await show('--host', 'h1', '--no-upload');
		expect(exitCode).toBe(0);
		const listed = await runCommand(h1.inside(['ls', '-A', '/root']));
		expect(listed.stdout).toBe('');
	});

	it('replaces a tampered cached helper, and never runs it', async () => {
		await show('--host', 'h1');
		const cached = (await sh(...h1.inside(['sh', '-c', 'ls /root/.cache/nsdeck/bin/']))).trim();
		expect(cached).toMatch(/^nsdeck-netdump-[0-9a-f]{16}$/);
		const mode = (await sh(...h1.inside(['stat', '-c', '%a', '/root/.cache/nsdeck', '/root/.cache/nsdeck/bin', `/root/.cache/nsdeck/bin/${cached}`]))).trim().split('\n');
		expect(mode).toEqual(['700', '700', '700']);
		// A changed file: it would leave a mark if it ran.
		const path = `/root/.cache/nsdeck/bin/${cached}`;
		await sh(...h1.inside(['sh', '-c', 'printf "#!/bin/sh\\ntouch /root/tampered-ran\\n" > "$1"', 'sh', path]));
		const {json, exitCode} = await show('--host', 'h1');
		expect(exitCode).toBe(0);
		expect(json.hosts[0]?.reader).toBe('helper');
		expect((await runCommand(h1.inside(['test', '-e', '/root/tampered-ran']))).exitCode).not.toBe(0);
		const sum = (await sh(...h1.inside(['sha256sum', path]))).slice(0, 16);
		expect(cached.endsWith(sum)).toBe(true);
	});

	it('says in one line why a server cannot be read, and still reads the others', async () => {
		const {json, stderr, exitCode} = await show('--host', 'nowhere.invalid', '--host', 'h2', '--host', 'root@10.231.99.2');
		expect(exitCode).toBe(1);
		expect(names(json.hosts[1]!)).toEqual(['host', 'db', 'web']);
		const lines = stderr.trim().split('\n');
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatch(/^nsdeck: nowhere\.invalid: unknown host/);
		expect(lines[1]).toMatch(/^nsdeck: root@10\.231\.99\.2: cannot reach the server/);
	});

	it('names a refused key, an unknown host key and a server without ip, each in one line', async () => {
		const {json, stderr, exitCode} = await show('--host', 'h1-badkey', '--host', 'h1-newkey', '--host', 'h2-noip', '--host', 'h1');
		expect(exitCode).toBe(1);
		expect(names(json.hosts[3]!)).toEqual(['host', 'only-on-h1']);
		expect(stderr.trim().split('\n')).toEqual([
			'nsdeck: h1-badkey: the server refused our key (Permission denied); check `ssh h1-badkey`',
			'nsdeck: h1-newkey: unknown or changed host key; connect once with `ssh h1-newkey` and check the key',
			'nsdeck: h2-noip: no `ip` on the server; install iproute2 there',
		]);
	});

	it('leaves no process on the servers and no control socket here', async () => {
		await show('--host', 'h1', '--host', 'h2');
		expect(h1.processes()).toEqual([]);
		expect(h2.processes()).toEqual([]);
		expect(readdirSync(tmpdir()).filter((n) => n.startsWith('nsdeck-ssh-'))).toEqual([]);
	});
});
