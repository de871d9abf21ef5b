// Enter's detail view reads what the World does not hold, inside the namespace: its nftables ruleset as
// tables → chains (hook, policy) → rules with their counters, and an interface's proxy_arp and rp_filter.
import {render} from 'ink-testing-library';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {App} from '../../source/app.js';
import {createRealSystem} from '../../source/system/system.js';
import {selectRow} from '../support/drive.js';
import {KEYS, press, waitForFrame} from '../support/ink.js';
import {requireSandbox, resetWorld, sh} from '../support/sandbox.js';

let unmount: (() => void) | undefined;
beforeAll(requireSandbox);
afterEach(() => unmount?.());

const inNs = (ns: string, ...argv: string[]): Promise<string> => sh('nsenter', `--net=/run/netns/${ns}`, ...argv);

describe('the detail view shows the firewall and the interface sysctls', () => {
	it('tables, chains with hook and policy, rules with counters; proxy_arp and rp_filter', async () => {
		await resetWorld();
		await sh('ip', 'netns', 'add', 'fw');
		await sh('ip', '-n', 'fw', 'link', 'add', 'name', 'cali9', 'type', 'veth', 'peer', 'name', 'other9');
		await inNs('fw', 'sysctl', '-q', '-w', 'net.ipv4.conf.cali9.proxy_arp=1', 'net.ipv4.conf.all.rp_filter=1');
		await inNs('fw', 'nft', 'add', 'table', 'inet', 'guard');
		await inNs('fw', 'nft', 'add', 'chain', 'inet', 'guard', 'input', '{ type filter hook input priority 0 ; policy drop ; }');
		await inNs('fw', 'nft', 'add', 'rule', 'inet', 'guard', 'input', 'icmp', 'type', 'echo-request', 'counter', 'drop');
		const app = render(<App system={createRealSystem({lab: true})} size={{columns: 120, rows: 40}} />);
		unmount = app.unmount;
		await waitForFrame(app, /Namespaces \(2\)/, 8000);
		await selectRow(app, 'fw');
		await waitForFrame(app, 'Interfaces in fw');
		await press(app, KEYS.enter);
		const detail = await waitForFrame(app, 'table inet guard', 8000);
		expect(detail).toContain('chain input (hook input, policy drop)');
		expect(detail).toContain('icmp type echo-request counter drop  [0 packets]');
		await press(app, KEYS.escape);
		await press(app, '2');
		await selectRow(app, 'cali9');
		await press(app, KEYS.enter);
		const link = await waitForFrame(app, 'proxy_arp', 8000);
		expect(link).toMatch(/proxy_arp +on: answers ARP/);
		expect(link).toMatch(/rp_filter +1 \(strict\): its own 0, all 1/);
	});
});
