// End to end: the bundled app in a real terminal (tmux) inside the sandbox, the seeds' bridge scenario
// built with keys and forms only, the screen read with capture-pane and the result checked with `ip`.
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {BUNDLE, startInTmux, type Tmux} from '../support/tmux.js';
import {ipJson, requireSandbox, resetWorld, sh} from '../support/sandbox.js';
import {scratchDir} from '../support/scratch.js';

let term: Tmux | undefined;
beforeAll(requireSandbox);
beforeEach(resetWorld);
afterEach(async () => {
	await term?.kill();
	term = undefined;
});

const escape = (s: string): string => s.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Fill the open form: text fields typed, choices cycled with → until shown, Tab between. */
async function fill(t: Tmux, title: string, fields: ReadonlyArray<string | {choose: string}>): Promise<void> {
	await t.waitFor(title);
	for (const [i, field] of fields.entries()) {
		if (typeof field === 'string') {
			if (field) await t.type(field);
		} else {
			const shown = new RegExp(`›[^\\n]*‹ ${escape(field.choose)} ›`);
			for (let n = 0; n < 20 && !shown.test(await t.screen()); n++) await t.keys('Right');
			await t.waitFor(shown, 2000);
		}
		if (i < fields.length - 1) await t.keys('Tab');
	}
	await t.keys('Enter');
}

async function selectRow(t: Tmux, name: string): Promise<void> {
	await t.keys('g');
	const marked = new RegExp(`›${escape(name)}\\s`);
	for (let n = 0; n < 30 && !marked.test(await t.screen()); n++) await t.keys('j');
	await t.waitFor(marked, 2000);
}

describe('nsdeck in a real terminal', () => {
	it('builds the bridge scenario from keys and forms', async () => {
		term = await startInTmux([process.execPath, BUNDLE]);
		const t = term;
		await t.waitFor('Namespaces (1)');
		for (const ns of ['ns1', 'ns2']) {
			await t.keys('n');
			await fill(t, 'New namespace', [ns]);
			await t.waitFor(`✓ Create namespace ${ns}`);
		}
		await t.keys('b');
		await fill(t, 'Add a bridge', ['br0', {choose: 'host'}, '10.1.1.4/24']);
		await t.waitFor('✓ Add bridge br0 in host');
		for (const [ns, address] of [
			['ns1', '10.1.1.1/24'],
			['ns2', '10.1.1.2/24'],
		]) {
			// br0 (then its newest port) is selected: the host end goes into br0, the other end into the next
			// fresh namespace; the cursor is on that end's address.
			await t.keys('v');
			await fill(t, 'Add a veth pair', [address]);
			await t.waitFor(`✓ Add veth pair veth_${ns}_br0 (host on br0) ⇄ veth_${ns} (${ns})`);
		}
		await t.keys('1');
		await selectRow(t, 'host');
		await t.keys('f');
		await t.waitFor('Forwarding in host');
		await t.keys('Space', 'Enter');
		await t.waitFor('✓ Enable IPv4 forwarding in host');

		// The screen shows the wiring…
		await t.keys('2');
		const screen = await t.waitFor('→ ns2/veth_ns2');
		// Each row's rates, where a reading has come (`↓372 B/s ↑470 B/s`), or their blank column.
		expect(screen).toMatch(/veth_ns1_br0 +veth +UP +(?:↓\S+(?: \S+)? ↑\S+(?: \S+)? +)?→ ns1\/veth_ns1 master br0/);
		expect(screen).toMatch(/br0 +bridge +UP +(?:↓\S+(?: \S+)? ↑\S+(?: \S+)? +)?2 ports 10\.1\.1\.4\/24/);
		// After dozens of incremental frames the screen is still in place: title on top, then the panes'
		// borders, nothing left over from earlier frames.
		const lines = screen.split('\n');
		expect(lines[0]).toMatch(/^nsdeck /);
		expect(lines[1]).toMatch(/^[┌╔]/);
		expect(screen.match(/nsdeck \[host\]/g)).toHaveLength(1);
		await t.keys('l');
		const log = await t.waitFor('Command log');
		expect(log).toMatch(/✓ exit 0 +ip link set dev veth_ns2_br0 master br0/);
		await t.keys('Escape', 'q');

		// …and the kernel agrees.
		const ports = (await ipJson<{ifname: string}>('link', 'show', 'master', 'br0')).map((l) => l.ifname).sort();
		expect(ports).toEqual(['veth_ns1_br0', 'veth_ns2_br0']);
		const addresses = async (ns: string, dev: string): Promise<string[]> =>
			(await ipJson<{addr_info: Array<{local: string; prefixlen: number}>}>('-n', ns, 'addr', 'show', 'dev', dev))[0].addr_info.map((a) => `${a.local}/${a.prefixlen}`);
		expect(await addresses('ns1', 'veth_ns1')).toContain('10.1.1.1/24');
		expect(await addresses('ns2', 'veth_ns2')).toContain('10.1.1.2/24');
		expect((await sh('cat', '/proc/sys/net/ipv4/ip_forward')).trim()).toBe('1');
	});
});

describe('Space in a real terminal', () => {
	it('opens the preview; the link stays up until it is confirmed twice', async () => {
		await sh('ip', 'link', 'add', 'name', 'e2e0', 'type', 'veth', 'peer', 'name', 'e2e1');
		await sh('ip', 'link', 'set', 'dev', 'e2e0', 'up');
		term = await startInTmux([process.execPath, BUNDLE], 80, 24);
		const t = term;
		await t.waitFor('Namespaces (1)');
		await t.keys('2');
		await selectRow(t, 'e2e0');
		await t.keys('Space');
		const screen = await t.waitFor('Set e2e0 down in host');
		expect(screen).toContain('ip link set dev e2e0 down');
		const up = async (): Promise<boolean> => (await ipJson<{flags: string[]}>('link', 'show', 'dev', 'e2e0'))[0].flags.includes('UP');
		expect(await up()).toBe(true);
		await t.keys('Enter');
		await t.waitFor('Sure? Enter again (or y) runs it');
		expect(await up()).toBe(true);
		await t.keys('y');
		await t.waitFor('✓ Set e2e0 down in host');
		expect(await up()).toBe(false);
	});
});

describe('a failed ping through a broken router, in a real terminal', () => {
	it('shows the way with the breaking hop, takes the offered fix as a plan, and the second ping answers', async () => {
		// cli — rtr — srv, every route in place, rtr not forwarding (a new namespace's default).
		for (const ns of ['cli', 'rtr', 'srv']) {
			await sh('ip', 'netns', 'add', ns);
			await sh('ip', '-n', ns, 'link', 'set', 'dev', 'lo', 'up');
		}
		await sh('ip', '-n', 'cli', 'link', 'add', 'name', 'a0', 'type', 'veth', 'peer', 'name', 'r0', 'netns', 'rtr');
		await sh('ip', '-n', 'srv', 'link', 'add', 'name', 'b0', 'type', 'veth', 'peer', 'name', 'r1', 'netns', 'rtr');
		for (const [ns, dev, cidr] of [
			['cli', 'a0', '10.90.1.1/24'],
			['rtr', 'r0', '10.90.1.2/24'],
			['rtr', 'r1', '10.90.2.2/24'],
			['srv', 'b0', '10.90.2.1/24'],
		]) {
			await sh('ip', '-n', ns, 'addr', 'add', cidr, 'dev', dev);
			await sh('ip', '-n', ns, 'link', 'set', 'dev', dev, 'up');
		}
		await sh('ip', '-n', 'cli', 'route', 'add', '10.90.2.0/24', 'via', '10.90.1.2');
		await sh('ip', '-n', 'srv', 'route', 'add', '10.90.1.0/24', 'via', '10.90.2.2');
		term = await startInTmux([process.execPath, BUNDLE], 80, 24);
		const t = term;
		await t.waitFor('Namespaces (4)');
		// The list is host, cli, rtr, srv: one step down from the top, without racing the screen.
		await t.keys('g', 'j');
		await t.waitFor(/›cli\s/);
		await t.keys('p');
		await t.waitFor('Ping from cli');
		// The target is one of the offered addresses: → until it shows.
		for (let n = 0; n < 20 && !(await t.screen()).includes('‹ 10.90.2.1 (srv/b0) ›'); n++) await t.keys('Right');
		await t.waitFor('‹ 10.90.2.1 (srv/b0) ›', 2000);
		await t.keys('Tab', 'Tab', 'BSpace');
		await t.type('2');
		await t.keys('Tab', 'BSpace');
		await t.type('0.2');
		await t.keys('Enter');
		const failed = await t.waitFor('F: turn IPv4 forwarding on in rtr', 20_000);
		expect(failed).toContain('→ cli: 10.90.2.0/24 via 10.90.1.2 dev a0 → rtr/r0');
		expect(failed).toMatch(/✗ rtr \(in r0\): 10\.90\.2\.0\/24 dev r1 → srv\/b0 ✗ rtr does not/);
		await t.keys('F');
		await t.waitFor('Forwarding in rtr');
		// The fix is the ordinary plan: its exact command is on screen before Enter runs it.
		await t.waitFor('sysctl -w net.ipv4.ip_forward=1');
		await t.keys('Enter');
		await t.waitFor('✓ Enable IPv4 forwarding in rtr');
		// The plan selected rtr, which it changed: back to cli, where p starts from the last ping's values.
		await t.keys('Escape', '1', 'g', 'j');
		await t.waitFor(/›cli\s/);
		await t.keys('p');
		await t.waitFor('‹ 10.90.2.1 (srv/b0) ›');
		await t.keys('Enter');
		await t.waitFor('✓ 2 sent, 2 received, 0% loss', 20_000);
	});
});

describe('what the kernel also changed, in a real terminal', () => {
	it('the preview names the routes through a link set down, and after the run they are listed as gone', async () => {
		await sh('ip', 'link', 'add', 'name', 'e2e0', 'type', 'veth', 'peer', 'name', 'e2e1');
		await sh('ip', 'link', 'set', 'dev', 'e2e1', 'up');
		await sh('ip', 'link', 'set', 'dev', 'e2e0', 'up');
		await sh('ip', 'addr', 'add', '10.61.0.1/24', 'dev', 'e2e0');
		await sh('ip', 'route', 'add', '10.62.0.0/16', 'via', '10.61.0.2', 'table', '100');
		term = await startInTmux([process.execPath, BUNDLE], 80, 24);
		const t = term;
		await t.waitFor('Namespaces (1)');
		await t.keys('2');
		await selectRow(t, 'e2e0');
		await t.keys('Space');
		expect(await t.waitFor('Set e2e0 down in host')).toMatch(/the kernel removes the routes through it: 10\.62\.0\.0\/16 via 10\.61\.0\.2/);
		await t.keys('Enter');
		await t.waitFor('Sure? Enter again (or y) runs it');
		await t.keys('y');
		const after = await t.waitFor('the kernel also changed:');
		expect(after).toMatch(/removed route 10\.62\.0\.0\/16 via 10\.61\.0\.2 dev e2e0 table 100/);
	});
});

describe('a shell from the lab, in a real terminal', () => {
	it('hands the terminal back when it exits: the app draws again and takes keys', async () => {
		// The lab is a sandbox of its own (NSDECK_SANDBOX unset: with its own PID namespace) inside the test's; the terminal's
		// session starts outside it, led by a shell that runs nsdeck as one of its commands, as
		// `ssh -t server 'cd lab && nsdeck lab'` does. The shell `s` opens must give the terminal back.
		// bash, as most users' shell: it takes the terminal for its jobs and gives it back when it exits.
		term = await startInTmux(['env', '-u', 'NSDECK_SANDBOX', 'SHELL=/bin/bash', 'sh', '-c', '"$0" "$@"; sleep 5', process.execPath, BUNDLE, 'lab', 'empty']);
		const t = term;
		await t.waitFor('Namespaces (1)');
		await t.keys('s');
		await t.waitFor('nsdeck: shell in namespace host — exit to return');
		await t.waitFor('[netns host]');
		await t.type('exit');
		await t.keys('Enter');
		await t.waitFor('Namespaces (1)');
		await t.keys('n');
		await t.waitFor('New namespace');
		expect(await t.screen()).not.toContain('setRawMode');
	});
});

describe('a shell from s with nsdeck\'s stderr sent to a file', () => {
	it('is interactive all the same: it shows its prompt and runs what is typed', async () => {
		// `nsdeck 2>file`: bash is interactive only when its stdin and stderr are terminals, so a shell that
		// inherited the file showed no prompt (issue 27).
		const errors = join(scratchDir('stderr'), 'errors.txt');
		term = await startInTmux(['env', '-u', 'NSDECK_SANDBOX', 'SHELL=/bin/bash', 'sh', '-c', '"$0" "$@" 2>"$ERRORS"; sleep 5', process.execPath, BUNDLE, 'lab', 'empty'].map((word) => word.replace('$ERRORS', errors)));
		const t = term;
		await t.waitFor('Namespaces (1)');
		await t.keys('s');
		await t.waitFor('[netns host]');
		await t.type('echo "interactive=$-"');
		await t.keys('Enter');
		await t.waitFor(/interactive=\S*i/);
		await t.type('exit');
		await t.keys('Enter');
		await t.waitFor('Namespaces (1)');
	});
});

describe('the shell from s names its namespace', () => {
	it("in bash's prompt, after the user's own rc file, and in NSDECK_NETNS", async () => {
		// A home with its own .bashrc: it must still be read, and stay as it was.
		const home = scratchDir('home');
		writeFileSync(join(home, '.bashrc'), "PS1='mine\\$ '\nexport FROM_BASHRC=yes\n");
		const before = readFileSync(join(home, '.bashrc'), 'utf8');
		term = await startInTmux(['env', '-u', 'NSDECK_SANDBOX', `HOME=${home}`, 'SHELL=/bin/bash', 'sh', '-c', '"$0" "$@"; sleep 5', process.execPath, BUNDLE, 'lab', 'pair'], 80, 24);
		const t = term;
		await t.waitFor('Namespaces (3)');
		await selectRow(t, 'server');
		await t.keys('s');
		await t.waitFor('nsdeck: shell in namespace server — exit to return');
		await t.waitFor('[netns server] mine#');
		await t.type('echo "in=$NSDECK_NETNS rc=$FROM_BASHRC"; ip netns identify');
		await t.keys('Enter');
		await t.waitFor(/in=server rc=yes\n(?:.*\n)?server/);
		await t.type('exit');
		await t.keys('Enter');
		await t.waitFor('back from the shell in server');
		expect(readFileSync(join(home, '.bashrc'), 'utf8')).toBe(before);
		expect(readdirSync(tmpdir()).filter((f) => f.startsWith('nsdeck-shell-'))).toEqual([]);
	});
});

