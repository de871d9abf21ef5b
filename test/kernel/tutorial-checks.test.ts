// Every check of every built-in tutorial against the kernel: the world is built with the tutorial's own
// setup, then each step is done with the very commands the step teaches (its prose lines aside, plus what
// a "(the same for …)" line stands for). Before its step, the step's check must be false; after, true.
// Pings are real, and recorded as the app records them, so ping checks are judged on what happened.
import {execa} from 'execa';
import {beforeAll, describe, expect, it} from 'vitest';
import {builtinTutorials} from '../../source/plans/builtin-tutorials.js';
import {checkContext, holds} from '../../source/model/tutorial/checks.js';
import type {PingRecord} from '../../source/model/tutorial/types.js';
import {createRealSystem} from '../../source/system/system.js';
import {requireSandbox, resetWorld, sh} from '../support/sandbox.js';

beforeAll(requireSandbox);

/** What a "(the same for …)" line in a step stands for, by tutorial and step number. */
const SAME_FOR: Record<string, Record<number, readonly string[]>> = {
	'3-bridge': {
		2: [
			'ip link add eth0 netns ns2 type veth peer name veth_br2',
			'ip link set dev veth_br2 master br0',
			'ip link set dev veth_br2 up',
			'ip link add eth0 netns ns3 type veth peer name veth_br3',
			'ip link set dev veth_br3 master br0',
			'ip link set dev veth_br3 up',
		],
		3: ['ip -n ns2 addr add 10.0.0.12/24 dev eth0', 'ip -n ns2 link set dev eth0 up', 'ip -n ns3 addr add 10.0.0.13/24 dev eth0', 'ip -n ns3 link set dev eth0 up'],
	},
};

/** A taught line, as argv; prose (in parentheses) is left out. None of them quotes anything. */
const argvOf = (line: string): string[] | undefined => (line.startsWith('(') ? undefined : line.split(/\s+/));

/** Where a ping runs from, as a check names it: `ip netns exec NS ping …` or the host's own `ping …`. */
function pingOf(argv: readonly string[]): {from: string; to: string} | undefined {
	const at = argv.indexOf('ping');
	if (at < 0) return undefined;
	const from = argv[0] === 'ip' && argv[1] === 'netns' && argv[2] === 'exec' ? argv[3] : 'host';
	return {from, to: argv[argv.length - 1]};
}

describe.each(builtinTutorials().map((t) => [t.name, t] as const))('tutorial %s', (_, tutorial) => {
	it('each check is false before its step and true after it', {timeout: 120_000}, async () => {
		await resetWorld();
		for (const argv of tutorial.setup) await sh(...argv);
		const system = createRealSystem({lab: true});
		const pings: PingRecord[] = [];
		const holdsNow = async (index: number): Promise<boolean> => holds(tutorial.steps[index].check, checkContext(await system.readWorld(), pings));
		for (const [index, step] of tutorial.steps.entries()) {
			expect(await holdsNow(index), `step ${index + 1} (${step.goal}) holds before it is done`).toBe(false);
			const lines = [...step.commands, ...(SAME_FOR[tutorial.name]?.[index] ?? [])];
			for (const argv of lines.map(argvOf)) {
				if (!argv) continue;
				const ping = pingOf(argv);
				const result = await execa(argv[0], argv.slice(1), {reject: false, timeout: 20_000});
				if (ping) pings.push({...ping, answered: result.exitCode === 0});
				else expect(result.exitCode, `${argv.join(' ')}: ${result.stderr}`).toBe(0);
			}
			expect(await holdsNow(index), `step ${index + 1} (${step.goal}) does not hold once done`).toBe(true);
		}
		// Finished: every step holds at once, or the panel never says "Every step holds".
		for (const [index, step] of tutorial.steps.entries()) expect(await holdsNow(index), `step ${index + 1} (${step.goal}) no longer holds at the end`).toBe(true);
	});
});
