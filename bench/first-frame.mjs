// Times the app's start in the same pty harness as bench/run.mjs: node -e 0, the first byte the app writes,
// its first frame (the title bar) and the frame with the host's data. Medians of RUNS runs (default 10).
// Given several bundles, runs them in turn, so that a busy machine slows each alike. With N set, in a
// world of N namespaces (bench/world.mjs) built first.
//   N=1000 node dist/nsdeck.js sandbox -- node bench/first-frame.mjs [bundle…]
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {PtyApp} from './pty.mjs';
import {untilQuiet} from './quiet.mjs';
import {buildWorld} from './world.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundles = process.argv.length > 2 ? process.argv.slice(2) : [join(root, 'dist', 'nsdeck.js')];
const RUNS = Number(process.env.RUNS ?? 10);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (process.env.N) {
	buildWorld(Number(process.env.N));
	await untilQuiet();
}

const bare = [];
const times = bundles.map(() => ({firstByte: [], firstFrame: [], benchFrame: [], dataFrame: []}));
for (let i = 0; i < RUNS; i++) {
	bare.push(await new PtyApp([process.execPath, '-e', '0']).exited());
	for (const [b, bundle] of bundles.entries()) {
		// Run as installed: its #! line starts node with nsdeck's options (scripts/node-flags.mjs).
		const app = new PtyApp([bundle], {columns: 120, rows: 40});
		const waits = {
			firstByte: app.waitFor(/./s),
			firstFrame: app.waitFor('nsdeck '),
			// bench/run.mjs's pattern; it also matches the placeholder "Interfaces in host (0)" shown while
			// the host is read.
			benchFrame: app.waitFor(/Interfaces in host \(\d+\)/),
			// The host always has lo: a count of 1 or more means its data is on screen.
			dataFrame: app.waitFor(/Interfaces in host \([1-9]/),
		};
		for (const [name, wait] of Object.entries(waits)) times[b][name].push((await wait) - app.started);
		await app.quiet(300);
		await app.stop();
	}
}
const base = median(bare);
const fmt = (xs) => `${String(Math.round(median(xs))).padStart(4)} ms  ${(median(xs) / base).toFixed(2)}x  (min ${Math.round(Math.min(...xs))})`;
console.log(`node -e 0   ${fmt(bare)}`);
for (const [b, bundle] of bundles.entries()) {
	if (bundles.length > 1) console.log(bundle);
	for (const [name, xs] of Object.entries(times[b])) console.log(`${name.padEnd(11)} ${fmt(xs)}`);
}
