// The words nsdeck sends to a server arrive as the same argv: OpenSSH joins them into one line for the
// server's shell, so each is quoted (source/system/ssh-quote.ts). Sent through a real sshd, hostile words
// and the argv of every plan builder come back word for word.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {addAddressPlan} from '../../source/plans/address-plans.js';
import {bridgePlan, connectPlan, detachPlan} from '../../source/plans/bridge-plans.js';
import {commandArgv, shellLineArgv} from '../../source/plans/exec-commands.js';
import {deleteLinkPlan, movePlan, togglePlan} from '../../source/plans/link-plans.js';
import {newNamespacePlan} from '../../source/plans/namespace-plans.js';
import type {Plan} from '../../source/plans/plan.js';
import {forwardingPlan} from '../../source/plans/route-plans.js';
import {vethPlan} from '../../source/plans/veth-plan.js';
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
		);
	}
	const steps = plans.flatMap((plan) => plan.steps.flatMap((step) => [step.argv, ...(step.undo ? [step.undo] : [])]));
	return [...steps.map((argv) => [...argv]), commandArgv('a b', ['echo', '$(id)']), shellLineArgv('x\ny', 'echo "$HOME"; id')];
}

describe('plan builders over ssh', () => {
	it('send argv that arrives exactly as it would run here', async () => {
		const all = builderArgvs();
		expect(all.length).toBeGreaterThan(60);
		for (const argv of all) expect(await arrives(argv)).toEqual(argv);
	});
});
