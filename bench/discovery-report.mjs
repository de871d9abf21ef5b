// Discovery among many processes (bench/discovery.mjs), in a sandbox of its own: its rows and verdicts.
import {spawnSync} from 'node:child_process';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ms = (t) => `${Math.round(t)} ms`;

function printDiscovery(d) {
	const verdict = (ok) => (ok ? 'met' : 'MISSED');
	console.log(`\nDiscovery: ${d.held} process-held namespaces (${d.namespaces} in all) among ${d.processes} processes:`);
	console.log(`  /proc scan (discover.ts, labels included) <= 50 ms: as the app does every second ${ms(d.rescanMs)}  ${verdict(d.rescanMs <= 50)}; from nothing (first frame, show) ${ms(d.scanMs)}`);
	console.log(`  whole snapshot <= 1.5x the helper alone on the same namespaces (${ms(d.helperMs)}): as the app does every second ${ms(d.snapshotMs)}, ${(d.snapshotMs / d.helperMs).toFixed(2)}x  ${verdict(d.snapshotMs <= 1.5 * d.helperMs)}; from nothing (show) ${ms(d.snapshotColdMs)}, ${(d.snapshotColdMs / d.helperMs).toFixed(2)}x`);
	const shown = d.shownMs === null ? 'not seen within 10 s' : ms(d.shownMs);
	console.log(`  a namespace started from outside, listed in the app <= 1 s: ${shown}  ${verdict(d.shownMs !== null && d.shownMs <= 1000)}; app peak RSS ${d.rss.toFixed(0)} MB`);
	const live = d.liveMs === null ? 'not seen within 10 s' : ms(d.liveMs);
	console.log(`  live change in a process-held namespace, shown <= 1 s: ${live}  ${verdict(d.liveMs !== null && d.liveMs <= 1000)}`);
	const floor = d.nodeBareMs + d.helperMs;
	console.log(`  show --json as a whole process <= 2x node -e 0 + the helper alone (${ms(floor)}): ${ms(d.showJsonMs)}, ${(d.showJsonMs / floor).toFixed(2)}x  ${verdict(d.showJsonMs <= 2 * floor)}`);
}

/** Runs bench/discovery.mjs in a fresh sandbox of `bundle` and prints its rows. */
export function reportDiscovery(bundle) {
	process.stderr.write('discovery: 1,000 process-held namespaces among 10,000 processes, in a fresh sandbox…\n');
	const out = spawnSync(process.execPath, [bundle, 'sandbox', '--', process.execPath, join(root, 'bench', 'discovery.mjs')], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit']});
	const line = out.stdout.split('\n').find((l) => l.startsWith('DISCOVERY '));
	if (line) printDiscovery(JSON.parse(line.slice('DISCOVERY '.length)));
	else console.log(`\ndiscovery: no result (exit ${out.status})`);
}
