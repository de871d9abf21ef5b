// p against real namespaces in the sandbox: replies from the lab's bridge and pair scenarios, a down veth
// named on the broken hop of the way, and Esc leaving no ping process behind. Traffic only goes to
// addresses in namespaces these tests built.
import {existsSync, readFileSync} from 'node:fs';
import {render} from 'ink-testing-library';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {App} from '../../source/app.js';
import {createRealSystem, type System} from '../../source/system/system.js';
import {selectRow} from '../support/drive.js';
import {KEYS, press, waitForFrame, type Rendered} from '../support/ink.js';
import {buildLabScenario, requireSandbox, sh} from '../support/sandbox.js';

let unmount: (() => void) | undefined;
beforeAll(requireSandbox);
afterEach(() => unmount?.());

/** The real System, noting the PID of every process it streams from: the tests check those are gone. */
function systemWithPids(): {system: System; pids: number[]} {
	const real = createRealSystem({lab: true});
	const pids: number[] = [];
	const stream = real.stream;
	if (!stream) throw new Error('the real system streams');
	return {system: {...real, stream: (argv, options) => stream(argv, {...options, onStart: (pid) => pids.push(pid)})}, pids};
}

async function start(system: System, ns: string): Promise<Rendered> {
	const app = render(<App system={system} size={{columns: 100, rows: 30}} />);
	unmount = app.unmount;
	await waitForFrame(app, /Namespaces \(3\)/, 8000);
	await selectRow(app, ns);
	await waitForFrame(app, `Interfaces in ${ns}`);
	return app;
}

/** p, check the offered target, set count and interval, Enter. */
async function ping(app: Rendered, ns: string, target: string, count: number, interval: string): Promise<void> {
	await press(app, 'p');
	await waitForFrame(app, `Ping from ${ns}`);
	await waitForFrame(app, `‹ ${target} ›`);
	await press(app, KEYS.tab);
	await press(app, KEYS.tab);
	await press(app, KEYS.backspace);
	await press(app, String(count));
	await press(app, KEYS.tab);
	await press(app, KEYS.backspace);
	await press(app, interval);
	await waitForFrame(app, `ping -n -c ${count} -i ${interval} -W 2 ${target.split(' ')[0]}`);
	await press(app, KEYS.enter);
}

const isPing = (pid: number): boolean => existsSync(`/proc/${pid}`) && readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'ping';

describe('p: ping inside real namespaces', () => {
	it.each([
		['bridge', 'ns1', '10.1.1.2 (ns2/veth_ns2)'],
		['pair', 'client', '10.0.0.2 (server/pair-server)'],
	])('%s: %s reaches %s with no loss', async (scenario, ns, target) => {
		await buildLabScenario(scenario);
		const {system, pids} = systemWithPids();
		const app = await start(system, ns);
		await ping(app, ns, target, 3, '0.2');
		const frame = await waitForFrame(app, '✓ 3 sent, 3 received, 0% loss', 10_000);
		const address = target.split(' ')[0];
		expect(frame).toContain(`$ ip netns exec ${ns} ping -n -c 3 -i 0.2 -W 2 ${address}`);
		expect(frame).toMatch(new RegExp(`64 bytes from ${address.replaceAll('.', '\\.')}: icmp_seq=3`));
		expect(frame).not.toContain('why:');
		expect(pids).toHaveLength(1);
		expect(isPing(pids[0])).toBe(false);
	});

	it.each([
		['bridge', 'ns1', '10.1.1.2 (ns2/veth_ns2)', ['ip', 'link', 'set', 'veth_ns2_br0', 'down'], 'interface veth_ns2_br0 in host is down'],
		['pair', 'client', '10.0.0.2 (server/pair-server)', ['ip', '-n', 'server', 'link', 'set', 'pair-server', 'down'], 'interface pair-server in server is down'],
	])('%s: with a veth set down, the same ping reports the loss and names the interface', async (scenario, ns, target, down, reason) => {
		await buildLabScenario(scenario);
		await sh(...down);
		const {system} = systemWithPids();
		const app = await start(system, ns);
		await ping(app, ns, target, 2, '0.2');
		// The way hop by hop: the broken hop carries the reason on its line, and Space's plan is offered.
		const frame = await waitForFrame(app, /F: set \S+ in \S+ up \(the plan is shown first\)/, 15_000);
		// The panel wraps the long line: read it joined.
		const joined = frame.replaceAll(/ *║\n║ */g, ' ');
		expect(joined).toContain(`✗ ${ns}: `);
		expect(joined).toContain(`✗ ${reason}`);
		expect(frame).toContain('✗ 2 sent, 0 received');
		expect(frame).toContain('100% loss');
	});

	it('Esc stops a long ping at once and leaves no ping process', async () => {
		await buildLabScenario('bridge');
		const {system, pids} = systemWithPids();
		const app = await start(system, 'ns1');
		await ping(app, 'ns1', '10.1.1.2 (ns2/veth_ns2)', 500, '0.2');
		await waitForFrame(app, 'icmp_seq=2', 10_000);
		expect(pids).toHaveLength(1);
		const [pid] = pids;
		expect(isPing(pid)).toBe(true);
		await press(app, KEYS.escape);
		const frame = await waitForFrame(app, '■ stopped:', 5000);
		expect(frame).toMatch(/■ stopped: \d+ sent, \d+ received/);
		// The stream resolves only once the process has exited and been reaped.
		expect(existsSync(`/proc/${pid}`)).toBe(false);
		expect((await sh('sh', '-c', 'pgrep -x ping || true')).split('\n')).not.toContain(String(pid));
	});
});
