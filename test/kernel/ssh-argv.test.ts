// The words nsdeck sends to a server arrive as the same argv: OpenSSH joins them into one line for the
// server's shell, so each is quoted (source/system/ssh-quote.ts). Sent through a real sshd, hostile words
// and the argv of every plan builder come back word for word.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Route} from '../../source/model/types.js';
import {addAddressPlan, deleteAddressPlan} from '../../source/plans/address-plans.js';
import {bridgePlan, connectPlan, detachPlan} from '../../source/plans/bridge-plans.js';
import {commandArgv, shellLineArgv} from '../../source/plans/exec-commands.js';
import {linkSettingsPlan} from '../../source/plans/link-settings-plan.js';
import {deleteLinkPlan, movePlan, togglePlan} from '../../source/plans/link-plans.js';
import {makeLinkPlan} from '../../source/plans/made-link-plans.js';
import {attachNamespacePlan, deleteNamespacePlan, newNamespacePlan} from '../../source/plans/namespace-plans.js';
import type {Plan} from '../../source/plans/plan.js';
import {addRoutePlan, deleteRoutePlan, forwardingPlan} from '../../source/plans/route-plans.js';
import {addRulePlan, deleteRulePlan} from '../../source/plans/rule-plans.js';
import {shapePlan, unshapePlan} from '../../source/plans/shaping-plans.js';
import {stackedDevicePlan} from '../../source/plans/stacked-device-plan.js';
import {vethPlan} from '../../source/plans/veth-plan.js';
import {addExactRoutePlan, deleteNexthopPlan} from '../../source/plans/world-diff-tables.js';
import {WorldBuilder} from '../support/hand-world.js';
import {closeAllMasters} from '../../source/system/ssh-control.js';
import {sshHost, type SshHost} from '../../source/system/ssh-transport.js';
import {requireSandbox} from '../support/sandbox.js';
import {startFleet, type TestFleet} from '../support/sshd.js';

const HOSTILE = ['a b', "it's", '"q"', '$(touch /tmp/nsdeck-pwned)', '`id`', 'a;b', 'x\ny', '-n', '--', '', '*', '~', '\\', "'", '!', '#c', '${HOME}', 'é\u202e'];

let fleet: TestFleet;
let host: SshHost;
beforeAll(async () => {
	requireSandbox();
	fleet = await startFleet(['h1']);
	host = sshHost('h1', {configFile: fleet.config});
	expect(await host.connect()).toBeUndefined();
});
afterAll(async () => {
	closeAllMasters();
	await fleet?.stop();
});

/** What arrives on the server: each word of argv, NUL-ended (printf's %s, given the words). */
async function arrives(argv: readonly string[]): Promise<string[]> {
	const result = await host.run(['printf', '%s\\0', ...argv]);
	expect(result.exitCode, result.stderr).toBe(0);
	return result.stdout.split('\0').slice(0, -1);
}

describe('argv over ssh', () => {
	it('arrives word for word, hostile words included', async () => {
		expect(await arrives(HOSTILE)).toEqual(HOSTILE);
	});
});

/** Every step and undo of the plan builders, over hostile names of namespaces, links and bridges. */
function builderArgvs(): string[][] {
	const plans: Plan[] = [];
	for (const name of ['a b', "it's", '$(touch /tmp/nsdeck-pwned)', 'a;b', 'x\ny', '-n']) {
		plans.push(
			newNamespacePlan({name, loUp: true}),
			bridgePlan({name, ns: name, address: '10.0.0.1/24', up: true}),
			connectPlan({ns: name, link: name, bridge: `${name}br`}),
			detachPlan({ns: name, link: name, bridge: `${name}br`}),
			addAddressPlan({ns: name, link: name, cidr: '10.0.0.2/24'}),
			movePlan({from: name, link: name, to: `${name}2`, carry: {addresses: ['10.0.0.3/24'], up: true}}),
			togglePlan(name, name, false),
			deleteLinkPlan(name, name, 'veth'),
			forwardingPlan(name, 4, true),
			vethPlan({name1: name, ns1: name, address1: '10.0.0.4/24', name2: `${name}p`, ns2: `${name}2`, address2: '', up: true}),
			// The builders the undo property test runs (undo-property.test.ts), over the same names.
			deleteAddressPlan({ns: name, link: name, cidr: 'fd00:1::2/64'}),
			addRoutePlan({ns: name, dst: '10.9.0.0/16', via: '10.0.0.9', dev: name, family: 4}),
			deleteRoutePlan(name, route(name)),
			addExactRoutePlan(name, {family: 4, to: '10.6.0.0/24', via: '10.0.0.2', dev: name, table: '200', type: 'unicast', proto: 'boot', metric: 9}),
			deleteNexthopPlan(name, {id: 7, via: '10.0.0.2', dev: name}),
			addRulePlan(name, {family: 4, priority: 500, not: false, from: '10.5.0.0/24', table: '200'}),
			deleteRulePlan(name, {family: 6, priority: 100, not: true, from: 'fd00:5::/64', table: '100'}),
			linkSettingsPlan({ns: name, link: name, up: true, name: `${name}r`, mtu: {from: 1500, to: 1400}, mac: {from: '02:00:00:00:00:01', to: '02:00:00:00:aa:01'}}),
			stackedDevicePlan({kind: 'macvlan', parentNs: name, parent: name, name: `${name}m`, into: `${name}2`, up: true, mode: 'private'}),
			stackedDevicePlan({kind: 'vxlan', parentNs: name, parent: name, name: `${name}x`, into: name, up: true, id: 900, dstport: 4790, local: '10.0.0.1'}),
			// Kinds this kernel cannot make are plans too: their argv goes over ssh as any other.
			stackedDevicePlan({kind: 'vlan', parentNs: name, parent: name, name: `${name}.7`, into: name, up: true, id: 7}),
			stackedDevicePlan({kind: 'ipvlan', parentNs: name, parent: name, name: `${name}i`, into: name, up: false, mode: 'l3'}),
			makeLinkPlan(name, {name: `${name}t`, kind: 'tap', external: false, addresses: []}),
			makeLinkPlan(name, {name: `${name}v`, kind: 'macvlan', external: false, addresses: [], mode: 'bridge'}, {ns: `${name}2`, name}),
			shapePlan({ns: name, link: name, tbf: {rate: '1mbit', burst: '32kbit', latency: '400ms'}, netem: {delay: '10ms', loss: '1%'}, current: []}),
			unshapePlan(name, name, []),
			attachNamespacePlan({from: '/proc/42/ns/net', pid: 42, name}),
			deleteNamespacePlan(new WorldBuilder().namespace(name).build(), name),
		);
	}
	const steps = plans.flatMap((plan) => plan.steps.flatMap((step) => [step.argv, ...(step.undo ? [step.undo] : [])]));
	return [...steps.map((argv) => [...argv]), commandArgv('a b', ['echo', '$(id)']), shellLineArgv('x\ny', 'echo "$HOME"; id')];
}

/** A route through `dev`, as the routes pane holds it (its delete names everything ip prints). */
const route = (dev: string): Route => ({family: 4, dst: '10.80.0.0/24', dev, table: 'main', type: 'unicast', protocol: 'boot', scope: 'link', tos: '0x10', metric: 5, flags: []});

describe('plan builders over ssh', () => {
	it('send argv that arrives exactly as it would run here', async () => {
		const all = builderArgvs();
		expect(all.length).toBeGreaterThan(250);
		for (const argv of all) expect(await arrives(argv)).toEqual(argv);
	});
});
