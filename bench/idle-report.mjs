// The "idle CPU with rates on, N=1,000" row of `npm run bench`: runs bench/idle-rates.mjs in a fresh
// sandbox and prints what it measured against the target.
import {spawnSync} from 'node:child_process';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function printIdle(r) {
	const verdict = (ok) => (ok ? 'met' : 'MISSED');
	const one = (where, m) => `${where} ${m.cpuPercent.toFixed(1)}% of a core, ${m.byRates.length} processes for the rates (${m.started} in all, with the world's polls)`;
	console.log(`\nIdle CPU with rates on, N=${r.namespaces.toLocaleString('en')} (${r.seconds} s each, nothing typed):`);
	const met = Math.max(r.host.cpuPercent, r.ns1.cpuPercent) <= 3 && r.host.byRates.length + r.ns1.byRates.length === 0;
	console.log(`  <= 3% of a core and no process per refresh: ${one('on the host', r.host)}; ${one('on ns1', r.ns1)}  ${verdict(met)}`);
}

/** Measures in a sandbox of its own with the bundle `bundle` (dist/nsdeck.js) and prints the row. */
export function reportIdle(bundle) {
	process.stderr.write('idle: the app with rates on at N=1,000, in a fresh sandbox…\n');
	const out = spawnSync(process.execPath, [bundle, 'sandbox', '--', process.execPath, join(root, 'bench', 'idle-rates.mjs')], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit']});
	const line = out.stdout.split('\n').find((l) => l.startsWith('IDLE '));
	if (line) printIdle(JSON.parse(line.slice('IDLE '.length)));
	else console.log(`\nidle CPU with rates on: no result (exit ${out.status})`);
}
