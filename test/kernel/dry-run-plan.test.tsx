// --dry-run as a planner, against the kernel: seed tutorial A planned with the app's keys changes
// nothing; the plan, written as one script by the log's w, builds tutorial A in a fresh sandbox of its
// own, where real `ip` finds it and a ping from ns1 to 10.1.1.2 is answered.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {render} from 'ink-testing-library';
import {afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {App} from '../../source/app.js';
import {createRealSystem} from '../../source/system/system.js';
import {fillForm} from '../support/drive.js';
import {KEYS, press, waitForFrame, type Rendered} from '../support/ink.js';
import {ipJson, requireSandbox, resetWorld} from '../support/sandbox.js';
import {BUNDLE} from '../support/tmux.js';

let unmount: (() => void) | undefined;
let dir: string | undefined;
beforeAll(requireSandbox);
beforeEach(resetWorld);
afterEach(() => {
	unmount?.();
	if (dir) rmSync(dir, {recursive: true, force: true});
});

const planned = (app: Rendered, title: string): Promise<string> => waitForFrame(app, `planned, not run: ${title}`, 8000);

/** What the fresh sandbox reports after running the script: one marked section per check. */
const CHECK = [
	'sh "$1" || exit 90',
	'echo "=NETNS"; ip netns list',
	'echo "=NS1"; ip -j -n ns1 addr show dev veth_ns1',
	'echo "=NS2"; ip -j -n ns2 addr show dev veth_ns2',
	'echo "=PING"; ip netns exec ns1 ping -c 1 -W 2 10.1.1.2; echo "=PING-STATUS $?"',
].join('\n');

interface IpAddr {
	ifname: string;
	operstate: string;
	link_netnsid?: number;
	addr_info: Array<{local: string; prefixlen: number}>;
}

function section(output: string, name: string): string {
	const start = output.indexOf(`=${name}\n`);
	if (start < 0) throw new Error(`no section ${name} in:\n${output}`);
	const body = output.slice(start + name.length + 2);
	const end = body.search(/^=/m);
	return end < 0 ? body : body.slice(0, end);
}

describe('a dry run plans tutorial A as a script', () => {
	it('changes nothing here; the script builds it in a fresh sandbox, and the ping is answered', {timeout: 60_000}, async () => {
		const app = render(<App system={createRealSystem({lab: true})} size={{columns: 100, rows: 40}} dryRun />);
		unmount = app.unmount;
		await waitForFrame(app, 'Namespaces (1)');
		for (const name of ['ns1', 'ns2']) {
			await press(app, 'n');
			await fillForm(app, 'New namespace', [name]);
			await planned(app, `Create namespace ${name}`);
		}
		// The veth form joins the two planned namespaces as if they were there: ns1 ⇄ ns2, veth_ns1 and
		// veth_ns2, the second address following the first (10.1.1.2/24).
		await press(app, 'v');
		await fillForm(app, 'Add a veth pair', ['10.1.1.1/24']);
		await planned(app, 'Add veth pair veth_ns1 (ns1) ⇄ veth_ns2 (ns2)');
		const frame = await waitForFrame(app, /veth_ns1\s+veth\s+UP\s+planned\s+→ ns2\/veth_ns2 10\.1\.1\.1\/24/);
		expect(frame).toContain('Namespaces (3)');

		// Nothing changed on the system.
		expect(readdirSync('/run/netns')).toEqual([]);
		expect((await ipJson<{ifname: string}>('link', 'show')).map((l) => l.ifname)).toEqual(['lo']);

		dir = mkdtempSync(join(tmpdir(), 'nsdeck-dry-run-'));
		const script = join(dir, 'tutorial-a.sh');
		await press(app, 'l');
		await waitForFrame(app, 'Command log');
		await press(app, 'w');
		await waitForFrame(app, /Write the plan \(\d+ commands\) as a script/);
		await press(app, '\u0015'); // Ctrl+U clears the default
		await press(app, script);
		await press(app, KEYS.enter);
		await waitForFrame(app, `wrote ${script} (`);
		expect(readFileSync(script, 'utf8')).toMatch(/^ip netns add ns1$[\s\S]*^ip netns add ns2$[\s\S]*veth_ns1/m);
		// Still nothing here: writing the plan ran none of it.
		expect(readdirSync('/run/netns')).toEqual([]);

		const env = {...process.env};
		delete env.NSDECK_SANDBOX; // a sandbox of its own, nested in this one
		const run = spawnSync(process.execPath, [BUNDLE, 'sandbox', '--', 'sh', '-c', CHECK, 'check', script], {env, encoding: 'utf8', timeout: 30_000});
		expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
		const out = run.stdout;
		expect(section(out, 'NETNS')).toMatch(/^ns1\b[\s\S]*^ns2\b|^ns2\b[\s\S]*^ns1\b/m);
		const [one] = JSON.parse(section(out, 'NS1')) as IpAddr[];
		const [two] = JSON.parse(section(out, 'NS2')) as IpAddr[];
		expect(one.addr_info.map((a) => `${a.local}/${a.prefixlen}`)).toContain('10.1.1.1/24');
		expect(two.addr_info.map((a) => `${a.local}/${a.prefixlen}`)).toContain('10.1.1.2/24');
		expect([one.operstate, two.operstate]).toEqual(['UP', 'UP']);
		// The ends are each other's peer, across namespaces.
		expect(one.link_netnsid).toBeTypeOf('number');
		expect(section(out, 'PING')).toMatch(/1 packets transmitted, 1 received/);
		expect(out).toContain('=PING-STATUS 0');
		// The nested sandbox is gone with everything it made; ours is still untouched.
		expect(readdirSync('/run/netns')).toEqual([]);
	});
});
