// Builds the benchmark world inside the sandbox: N namespaces, each with a veth to bridge br0 in the
// sandbox's host, an address, a route, a policy rule and a neighbour entry. One `ip -b` for the host side; one `ip -b` per namespace for
// the inside, started by one xargs (2 at once), because 1,000 spawns from Node cost seconds by themselves.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

function run(argv, input) {
	const result = spawnSync(argv[0], argv.slice(1), {input, encoding: 'utf8', maxBuffer: 1 << 28});
	if (result.status !== 0) throw new Error(`${argv.join(' ')} failed: ${result.stderr}`);
	return result.stdout;
}

export const addressOf = (i) => `10.64.${(i + 1) >> 8}.${(i + 1) & 255}`;

/** Builds the world from batch files in a scratch directory, removed once the world stands. */
export function buildWorld(n) {
	const dir = mkdtempSync(join(tmpdir(), 'nsdeck-bench-'));
	try {
		buildFrom(n, dir);
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}

function buildFrom(n, dir) {
	const host = ['link add br0 type bridge', 'link set br0 up', 'addr add 10.64.0.1/16 dev br0'];
	for (let i = 1; i <= n; i++) {
		host.push(`netns add ns${i}`, `link add v${i} type veth peer name v${i}_br`, `link set v${i} netns ns${i}`, `link set v${i}_br master br0`, `link set v${i}_br up`);
	}
	writeFileSync(join(dir, 'host.batch'), host.join('\n') + '\n');
	run(['ip', '-b', join(dir, 'host.batch')]);
	const lines = [];
	for (let i = 1; i <= n; i++) {
		const file = join(dir, `ns${i}.batch`);
		const inside = [
			'link set lo up',
			`link set v${i} up`,
			`addr add ${addressOf(i)}/16 dev v${i}`,
			'route add 10.99.0.0/16 via 10.64.0.1',
			`rule add from ${addressOf(i)} table 100 pref 100`,
			`neigh add 10.64.0.1 lladdr 02:00:00:00:00:01 dev v${i} nud permanent`,
		];
		writeFileSync(file, inside.join('\n') + '\n');
		lines.push(`--net=/run/netns/ns${i} ip -b ${file}`);
	}
	writeFileSync(join(dir, 'inside.list'), lines.join('\n') + '\n');
	run(['xargs', '-a', join(dir, 'inside.list'), '-L1', '-P2', 'nsenter']);
}
