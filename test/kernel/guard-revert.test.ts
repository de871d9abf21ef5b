// The guard's revert outlives nsdeck (issue 26): the server of issue 26 — eth0 holds 10.1.1.4/24 and
// fd00:1::4/64, default routes via 10.1.1.254 and fd00:1::fe, 10.9.0.0/16 via 10.1.1.1, a route in table
// 100 — and an SSH session from 203.0.113.5 (SSH_CONNECTION). The bundled app runs in tmux under a shell,
// as at an SSH prompt; Space on eth0, typed and run, sets it down, which takes the IPv6 address and every
// route with it. Whether the change is left unconfirmed, nsdeck is killed (HUP, TERM, INT, KILL) or the
// terminal goes away, the revert job puts back the world as it was and `ip route get` to the client works.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {descendants} from '../../bench/processes.mjs';
import {runCommand} from '../../source/system/runner.js';
import {ipJson, requireSandbox, resetWorld, sh} from '../support/sandbox.js';
import {BUNDLE, startInTmux, type Tmux} from '../support/tmux.js';

const CLIENT = '203.0.113.5';
const SERVER = '10.1.1.4';
const SECONDS = 3;

let tmux: Tmux | undefined;
let state = '';
beforeAll(requireSandbox);
beforeEach(async () => {
	await resetWorld();
	state = mkdtempSync(join(tmpdir(), 'nsdeck-guard-'));
	await sh('ip', 'netns', 'add', 'lan');
	await sh('ip', 'link', 'add', 'name', 'eth0', 'type', 'veth', 'peer', 'name', 'gw0');
	await sh('ip', 'link', 'set', 'dev', 'gw0', 'netns', 'lan');
	await sh('ip', '-n', 'lan', 'addr', 'add', '10.1.1.254/24', 'dev', 'gw0');
	await sh('ip', '-n', 'lan', 'addr', 'add', 'fd00:1::fe/64', 'dev', 'gw0', 'nodad');
	await sh('ip', '-n', 'lan', 'link', 'set', 'dev', 'gw0', 'up');
	await sh('ip', 'link', 'set', 'dev', 'eth0', 'up');
	await sh('ip', 'addr', 'add', `${SERVER}/24`, 'dev', 'eth0');
	await sh('ip', 'addr', 'add', 'fd00:1::4/64', 'dev', 'eth0', 'nodad');
	await sh('ip', 'route', 'add', 'default', 'via', '10.1.1.254', 'dev', 'eth0');
	await sh('ip', '-6', 'route', 'add', 'default', 'via', 'fd00:1::fe', 'dev', 'eth0');
	await sh('ip', 'route', 'add', '10.9.0.0/16', 'via', '10.1.1.1', 'dev', 'eth0');
	await sh('ip', 'route', 'add', '10.50.0.0/16', 'via', '10.1.1.1', 'dev', 'eth0', 'table', '100');
});
afterEach(async () => {
	await tmux?.kill();
	tmux = undefined;
	rmSync(state, {recursive: true, force: true});
});

/** The host's addresses, routes of every table and links, as the comparison sees them. */
async function world(): Promise<string> {
	const links = (await ipJson<{ifname: string; flags: string[]; mtu: number; address: string; master?: string}>('link', 'show')).map(
		({ifname, flags, mtu, address, master}) => ({ifname, flags: flags.filter((f) => f !== 'NO-CARRIER'), mtu, address, master}),
	);
	// IPv6 link-local addresses are the kernel's to make anew; DAD may still be under way.
	const addresses = (await ipJson<{ifname: string; addr_info: Array<{local: string; prefixlen: number; scope: string}>}>('addr', 'show')).map((l) => ({
		ifname: l.ifname,
		addresses: l.addr_info.filter((a) => a.scope !== 'link').map((a) => `${a.local}/${a.prefixlen} ${a.scope}`),
	}));
	const routes = [...(await ipJson('-4', 'route', 'show', 'table', 'all')), ...(await ipJson('-6', 'route', 'show', 'table', 'all'))]
		.map((r) => JSON.stringify({...r, flags: ((r.flags as string[] | undefined) ?? []).filter((f) => f !== 'linkdown')}))
		.sort();
	return JSON.stringify({links, addresses, routes}, null, 1);
}

const routeGet = async (): Promise<string> => {
	const result = await runCommand(['ip', 'route', 'get', CLIENT, 'from', SERVER]);
	return result.exitCode === 0 ? result.stdout.replace(/\s+uid \d+.*/s, '') : `unreachable: ${result.stderr}`;
};

/** Waits (for the revert job) until the world is `wanted`; returns what it last was. */
async function settlesTo(wanted: string, timeoutMs = 20_000): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	let now = await world();
	while (now !== wanted && Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 200));
		now = await world();
	}
	return now;
}

const adminUp = async (name: string): Promise<boolean> => (await ipJson<{flags: string[]}>('link', 'show', 'dev', name))[0].flags.includes('UP');

async function startApp(): Promise<Tmux> {
	// Under a shell that outlives it, as at an SSH prompt.
	const env = [`SSH_CONNECTION=${CLIENT} 51000 ${SERVER} 22`, `NSDECK_GUARD_SECONDS=${SECONDS}`, `XDG_STATE_HOME=${state}`];
	tmux = await startInTmux([...env, 'sh', '-c', '"$0" "$1"; echo "nsdeck ended $?"; sleep 600', process.execPath, BUNDLE], 110, 35);
	await tmux.waitFor(/Interfaces in host \(\d/, 10_000);
	return tmux;
}

/** Space on eth0, its name typed, run: eth0 is down and the countdown shows. */
async function setEth0Down(app: Tmux): Promise<void> {
	await app.keys('Tab', 'g');
	for (let i = 0; i < 5 && !/›eth0\s/.test(await app.screen()); i++) await app.keys('j');
	await app.waitFor(/›eth0\s/);
	await app.keys('Space');
	await app.waitFor('Type eth0 to go ahead');
	await app.type('eth0');
	await app.keys('Enter');
	await app.waitFor(/Undone in \d+ s unless you press k/, 10_000);
	expect(await adminUp('eth0')).toBe(false);
	expect(await routeGet()).toMatch(/^unreachable/);
}

/** The PID of nsdeck's node below the tmux pane's shell. */
async function nsdeckPid(app: Tmux): Promise<number> {
	const pane = Number((await app.tmux('display-message', '-p', '-t', 'e2e', '#{pane_pid}')).trim());
	return descendants(pane).find((c) => c.comm.startsWith('node'))?.pid ?? -1;
}

describe('the guard’s revert outlives nsdeck', () => {
	it('left unconfirmed, the world comes back whole: addresses, routes of every table, up', async () => {
		const before = await world();
		const path = await routeGet();
		const app = await startApp();
		await setEth0Down(app);
		expect(await settlesTo(before)).toBe(before);
		expect(await routeGet()).toBe(path);
		await app.waitFor(/↺ Set eth0 down in host: (undone|reverted)/, 10_000);
	});

	it.each(['SIGHUP', 'SIGTERM', 'SIGINT', 'SIGKILL'] as const)('nsdeck killed with %s during the countdown: the revert job restores the world', async (signal) => {
		const before = await world();
		const path = await routeGet();
		const app = await startApp();
		await setEth0Down(app);
		const pid = await nsdeckPid(app);
		expect(pid).toBeGreaterThan(0);
		process.kill(pid, signal);
		await app.waitFor('nsdeck ended', 10_000);
		expect(await settlesTo(before)).toBe(before);
		expect(await routeGet()).toBe(path);
	});

	it('the terminal closes during the countdown (tmux kill-session): the world comes back, and the next start says so', async () => {
		const before = await world();
		const path = await routeGet();
		const app = await startApp();
		await setEth0Down(app);
		await app.tmux('kill-session', '-t', 'e2e');
		expect(await settlesTo(before)).toBe(before);
		expect(await routeGet()).toBe(path);
		await app.kill();
		const next = await startApp();
		const screen = await next.waitFor(/reverted/, 10_000);
		expect(screen).toMatch(/the guard reverted “Set eth0 down in host”/);
	});
});
