// For tests against real namespaces. They run only inside the private sandbox that the test script makes
// (`nsdeck sandbox -- vitest --project kernel`), never against the host's own network.
import {readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import {parseNetnsMounts} from '../../source/model/mountinfo.js';
import {decodeRawName, isRawName} from '../../source/model/raw-names.js';
import {escapeRawControls} from '../../source/model/parse.js';
import {buildLab} from '../../source/lab-build.js';
import {createRealSystem} from '../../source/system/system.js';
import {findScenario} from '../../source/system/lab-scenarios.js';
import {runCommand} from '../../source/system/runner.js';
import {insideSandbox} from '../../source/system/sandbox.js';

export function requireSandbox(): void {
	if (!insideSandbox()) {
		throw new Error('kernel tests must run inside the sandbox: npm test (or node dist/nsdeck.js sandbox -- npx vitest run --project kernel)');
	}
}

/** Run ip (or anything) and fail loudly if it fails: test set-up must not silently half-happen. */
export async function sh(...argv: string[]): Promise<string> {
	const result = await runCommand(argv);
	if (result.exitCode !== 0) throw new Error(`${argv.join(' ')} failed: ${result.stderr || result.failure}`);
	return result.stdout;
}

export async function ipJson<T = Record<string, unknown>>(...args: string[]): Promise<T[]> {
	const text = await sh('ip', '-j', ...args);
	return text.trim() ? (JSON.parse(escapeRawControls(text)) as T[]) : [];
}

/**
 * Namespaces held by processes or mounted outside /run/netns (the `containers` scenario, discovery tests):
 * their processes killed, their mounts gone. The sandbox has its own PID namespace: only its processes are seen.
 */
async function endUnnamedNamespaces(): Promise<void> {
	const ours = readlinkSync('/proc/self/ns/net');
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			if (readlinkSync(`/proc/${entry}/ns/net`) !== ours) process.kill(Number(entry), 'SIGKILL');
		} catch {
			// Gone already.
		}
	}
	for (const mount of parseNetnsMounts(readFileSync('/proc/self/mountinfo', 'utf8'))) {
		if (!mount.path.startsWith('/run/netns/')) await runCommand(['umount', mount.path]);
	}
	rmSync('/run/docker', {recursive: true, force: true});
}

/** Back to an empty world: no named namespaces, nothing in the sandbox's host but lo. */
export async function resetWorld(): Promise<void> {
	requireSandbox();
	await endUnnamedNamespaces();
	// From the directory, not `ip netns list`, whose lines a name with a space or newline would split.
	for (const bytes of readdirSync('/run/netns', {encoding: 'buffer'})) {
		const name = decodeRawName(bytes);
		if (!isRawName(name)) await sh('ip', 'netns', 'del', name);
		// No UTF-8: no argument can carry it (Node sends text); ip's batch input takes its bytes.
		else spawnSync('ip', ['-b', '-'], {input: Buffer.concat([Buffer.from('netns del '), bytes, Buffer.from('\n')])});
	}
	for (const link of await ipJson<{ifname: string}>('link', 'show')) {
		if (link.ifname !== 'lo') await runCommand(['ip', 'link', 'del', link.ifname]);
	}
	// Its policy rules outlive its links too: back to a fresh namespace's three (local, main, default).
	for (const family of ['-4', '-6'] as const) await freshRules(family);
	// The sandbox's own sysctls outlive its links: forwarding back off, as in a fresh namespace.
	writeFileSync('/proc/sys/net/ipv4/ip_forward', '0');
	writeFileSync('/proc/sys/net/ipv6/conf/all/forwarding', '0');
}

type RuleRecord = {priority: number; table?: string};
/** A fresh namespace's rules: IPv6 has no `default` table rule. */
const FRESH_RULES: Readonly<Record<'-4' | '-6', readonly RuleRecord[]>> = {
	'-4': [{priority: 0, table: 'local'}, {priority: 32766, table: 'main'}, {priority: 32767, table: 'default'}],
	'-6': [{priority: 0, table: 'local'}, {priority: 32766, table: 'main'}],
};

/** Deletes the rules a test added (by priority and table, one at a time), and puts back a fresh one it took. */
async function freshRules(family: '-4' | '-6'): Promise<void> {
	const fresh = FRESH_RULES[family];
	const isFresh = (r: RuleRecord): boolean => fresh.some((f) => f.priority === r.priority && f.table === r.table);
	for (let round = 0; round < 100; round++) {
		const extra = (await ipJson<RuleRecord>(family, 'rule', 'show')).find((r) => !isFresh(r));
		if (!extra) break;
		await sh('ip', family, 'rule', 'del', 'priority', String(extra.priority), ...(extra.table ? ['table', extra.table] : []));
	}
	const now = await ipJson<RuleRecord>(family, 'rule', 'show');
	for (const f of fresh) if (!now.some((r) => r.priority === f.priority && r.table === f.table)) await sh('ip', family, 'rule', 'add', 'priority', String(f.priority), 'table', f.table ?? 'main');
}

export const namedNamespaces = async (): Promise<string[]> =>
	(await sh('ip', 'netns', 'list'))
		.split('\n')
		.map((l) => l.split(' ')[0])
		.filter(Boolean);

/** A fresh world holding one of the lab's scenarios (bridge, pair). */
export async function buildLabScenario(name: string): Promise<void> {
	await resetWorld();
	const scenario = findScenario(name);
	if (!scenario) throw new Error(`no lab scenario ${name}`);
	await buildLab(scenario, runCommand, () => createRealSystem({lab: true}).readWorld());
}
