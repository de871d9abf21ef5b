// Worlds for the ping diagnosis's kernel tests (test/kernel/ping-causes*.test.ts): namespaces with lo up,
// veth pairs with their addresses, and a ping diagnosed as the panel does it (the firewall's counters read
// before and after, the world read again after). Inside the sandbox only.
import {expect} from 'vitest';
import {explainPing, type Explanation} from '../../source/model/diagnosis/diagnose.js';
import {parsePingSummary} from '../../source/model/ping-output.js';
import {pingArgv} from '../../source/plans/exec-commands.js';
import {readEvidence} from '../../source/system/diagnosis-read.js';
import {findNetdump} from '../../source/system/netdump-binary.js';
import {runCommand, type CommandResult} from '../../source/system/runner.js';
import {readWorld} from '../../source/system/snapshot.js';
import {sh} from './sandbox.js';

export const ip = (...args: string[]): Promise<string> => sh('ip', ...args);
export const inNs = (ns: string, ...argv: string[]): Promise<string> => sh('nsenter', `--net=/run/netns/${ns}`, ...argv);
export const sysctl = (ns: string, key: string, value: string): Promise<string> => inNs(ns, 'sysctl', '-q', '-w', `${key}=${value}`);

export async function namespaces(...names: string[]): Promise<void> {
	for (const ns of names) {
		await ip('netns', 'add', ns);
		await ip('-n', ns, 'link', 'set', 'dev', 'lo', 'up');
	}
}

/** A veth pair between two namespaces, both ends up, each with its address (or none; IPv6 without DAD's wait). */
export async function wire(a: string, aDev: string, aCidr: string | undefined, b: string, bDev: string, bCidr: string | undefined): Promise<void> {
	await ip('-n', a, 'link', 'add', 'name', aDev, 'type', 'veth', 'peer', 'name', bDev, 'netns', b);
	for (const [ns, dev, cidr] of [
		[a, aDev, aCidr],
		[b, bDev, bCidr],
	] as const) {
		if (cidr) await ip('-n', ns, 'addr', 'add', cidr, 'dev', dev, ...(cidr.includes(':') ? ['nodad'] : []));
		await ip('-n', ns, 'link', 'set', 'dev', dev, 'up');
	}
}

const familyOf = (target: string): 4 | 6 => (target.includes(':') ? 6 : 4);

export const ping = (ns: string, target: string, count = 2): Promise<CommandResult> =>
	runCommand(pingArgv({ns, target, family: familyOf(target), count, interval: 0.2}), {timeoutMs: 20_000});

/** Ping as the panel does, expecting it to fail: the firewall's counters read before and after, the world read again after. */
export async function explain(ns: string, target: string, count = 2): Promise<Explanation> {
	const netdump = findNetdump();
	const before = await readWorld(runCommand, netdump);
	const earlier = await readEvidence(runCommand, before, ns, target);
	const result = await ping(ns, target, count);
	expect(result.exitCode).not.toBe(0);
	const world = await readWorld(runCommand, netdump);
	const evidence = await readEvidence(runCommand, world, ns, target, earlier);
	return explainPing(world, ns, target, {summary: parsePingSummary(result.stdout), errorText: result.stderr || undefined, icmpErrors: [], stopped: false}, evidence);
}

export const diagnose = async (ns: string, target: string, count = 2): Promise<string[]> => [...(await explain(ns, target, count)).reasons];
