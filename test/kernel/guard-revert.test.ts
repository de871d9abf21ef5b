// The guard's revert outlives nsdeck (issue 26): the server of issue 26 — eth0 holds 10.1.1.4/24 and
// fd00:1::4/64, default routes via 10.1.1.254 and fd00:1::fe, 10.9.0.0/16 via 10.1.1.1, a route in table
// 100 — and an SSH session from 203.0.113.5 (SSH_CONNECTION). The bundled app runs in tmux under a shell,
// as at an SSH prompt. Space on eth0 sets it down, which takes the IPv6 address and every route with it:
// the session's route is gone, so the revert job reverts at once. An MTU of 1200 on eth0 keeps the IPv4
// session but makes the kernel drop eth0's IPv6 address and routes, which the plan's inverse does not
// bring back; it counts down. Whether it is left unconfirmed, nsdeck is killed (HUP, TERM, INT, KILL)
// or the terminal goes away, the job puts back the world as it was and `ip route get` to the client works.
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
	// Rules of both families, permanent neighbours, and forwarding: what else routes the session.
	const rules = [...(await ipJson('-4', 'rule', 'show')), ...(await ipJson('-6', 'rule', 'show'))].map((r) => JSON.stringify(r)).sort();
	const neighbours = (await ipJson<{dst: string; lladdr?: string; state?: string[]}>('neigh', 'show', 'nud', 'permanent')).map((n) => `${n.dst} ${n.lladdr ?? ''}`).sort();
	const forwarding = await sh('sysctl', '-n', 'net.ipv4.ip_forward', 'net.ipv6.conf.all.forwarding');
	return JSON.stringify({links, addresses, routes, rules, neighbours, forwarding}, null, 1);
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

async function startApp(): Promise<Tmux> {
	// Under a shell that outlives it, as at an SSH prompt.
	const env = [`SSH_CONNECTION=${CLIENT} 51000 ${SERVER} 22`, `NSDECK_GUARD_SECONDS=${SECONDS}`, `XDG_STATE_HOME=${state}`];
	tmux = await startInTmux([...env, 'sh', '-c', '"$0" "$1"; echo "nsdeck ended $?"; sleep 600', process.execPath, BUNDLE], 110, 35);
	await tmux.waitFor(/Interfaces in host \(\d/, 10_000);
	return tmux;
}

async function selectEth0(app: Tmux): Promise<void> {
	await app.keys('Tab', 'g');
	for (let i = 0; i < 5 && !/›eth0\s/.test(await app.screen()); i++) await app.keys('j');
	await app.waitFor(/›eth0\s/);
}

/** The guard's question answered: Enter, the name typed, Enter. */
async function confirmGuarded(app: Tmux): Promise<void> {
	await app.waitFor('Type eth0 to go ahead');
	await app.keys('Enter');
	await app.waitFor('type eth0 first');
	await app.type('eth0');
	await app.keys('Enter');
}

/** e on eth0, MTU 1200, confirmed: the countdown shows, and the kernel has dropped eth0's IPv6. */
async function eth0Mtu1200(app: Tmux): Promise<void> {
	await selectEth0(app);
	await app.keys('e');
	await app.waitFor('Change eth0 in host');
	await app.keys('Tab', 'BSpace', 'BSpace', 'BSpace', 'BSpace');
	await app.type('1200');
	await confirmGuarded(app);
	await app.waitFor(/Undone in \d+ s unless you press k/, 10_000);
	expect(JSON.stringify(await ipJson('-6', 'addr', 'show', 'dev', 'eth0'))).not.toContain('fd00:1::4');
	expect(await ipJson('-6', 'route', 'show', 'default')).toEqual([]);
}

/** The PID of nsdeck's node below the tmux pane's shell. */
async function nsdeckPid(app: Tmux): Promise<number> {
	const pane = Number((await app.tmux('display-message', '-p', '-t', 'e2e', '#{pane_pid}')).trim());
	return descendants(pane).find((c) => c.comm.startsWith('node'))?.pid ?? -1;
}

describe('the guard’s revert outlives nsdeck', () => {
	it('eth0 set down cuts the session’s route: reverted at once, the world whole again', async () => {
		const before = await world();
		const path = await routeGet();
		const app = await startApp();
		await selectEth0(app);
		await app.keys('Space');
		await confirmGuarded(app);
		await app.waitFor(`↺ Set eth0 down in host: undone (no route to ${CLIENT} from ${SERVER} was left)`, 20_000);
		expect(await settlesTo(before)).toBe(before);
		expect(await routeGet()).toBe(path);
	});

	it('left unconfirmed, the world comes back whole: IPv6 address, routes of every table, MTU', async () => {
		const before = await world();
		const path = await routeGet();
		const app = await startApp();
		await eth0Mtu1200(app);
		await app.waitFor(`↺ Set eth0 in host: mtu 1200: undone (not kept within ${SECONDS} s)`, 20_000);
		expect(await settlesTo(before)).toBe(before);
		expect(await routeGet()).toBe(path);
	});

	it('kept with k: the job is cancelled and the change stays', async () => {
		const app = await startApp();
		await eth0Mtu1200(app);
		await app.keys('k');
		await app.waitFor('✓ kept: Set eth0 in host: mtu 1200');
		// Past the job's deadline, nothing was put back.
		await new Promise((resolve) => setTimeout(resolve, (SECONDS + 1) * 1000));
		expect((await ipJson<{mtu: number}>('link', 'show', 'dev', 'eth0'))[0].mtu).toBe(1200);
	});

	it.each(['SIGHUP', 'SIGTERM', 'SIGINT', 'SIGKILL'] as const)('nsdeck killed with %s during the countdown: the revert job restores the world', async (signal) => {
		const before = await world();
		const path = await routeGet();
		const app = await startApp();
		await eth0Mtu1200(app);
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
		await eth0Mtu1200(app);
		await app.tmux('kill-session', '-t', 'e2e');
		expect(await settlesTo(before)).toBe(before);
		expect(await routeGet()).toBe(path);
		await app.kill();
		const next = await startApp();
		await next.waitFor('↺ reverted while nsdeck was away: “Set eth0 in host: mtu 1200” at', 10_000);
		// What it put back, in the log: the IPv6 address and default route the kernel had dropped.
		await next.keys('l');
		await next.waitFor('ip addr replace fd00:1::4/64 dev eth0 nodad');
		await next.waitFor('ip -6 route replace default table main metric 1024 pref medium via fd00:1::fe');
	});
});
