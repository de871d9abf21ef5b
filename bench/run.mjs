// `npm run bench`: for N = 10, 100, 1,000 namespaces, each in a fresh sandbox, measures the snapshot, the
// first frame, an outside change, one arrow key and memory, and prints a table. Targets are reported,
// never asserted. Each N runs in its own sandbox (`nsdeck sandbox`), so nothing touches the host.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, statSync, writeFileSync} from 'node:fs';
import {arch, cpus, loadavg} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {build} from 'esbuild';
import {bundleApp, bundleEntry} from '../scripts/bundle.mjs';
import {PtyApp} from './pty.mjs';
import {untilQuiet} from './quiet.mjs';
import {buildWorld} from './world.mjs';
import {reportDiscovery} from './discovery-report.mjs';
import {reportIdle} from './idle-report.mjs';
import {reportRemote} from './remote-report.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'nsdeck.js');
/** The single executable (npm run dist). */
const executable = join(root, 'dist', `nsdeck-linux-${arch()}`);
const benchDir = join(root, 'dist', 'bench');
const systemBundle = join(benchDir, 'system.mjs');
/** A one-line ink app made and started as nsdeck is (bench/ink-alone.tsx): ink's own cost at start. */
const inkAlone = join(benchDir, 'ink-alone', 'nsdeck.js');
const SIZES = (process.env.BENCH_SIZES ?? '10,100,1000').split(',').map(Number);
/** The helper as it was before it read rules, neighbours and the FDB (and wrote ip's schema): the baseline. */
const BASELINE_COMMIT = '983c8d2';
const baselineHelper = join(benchDir, 'netdump-baseline');
const ms = (t) => `${Math.round(t)} ms`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Starts of the app (and of node -e 0) timed at each N. */
const STARTS = 7;

/** The baseline helper, compiled from its sources at BASELINE_COMMIT; false when git or cc cannot. */
function buildBaselineHelper() {
	const dir = join(benchDir, 'baseline-src');
	mkdirSync(dir, {recursive: true});
	const files = spawnSync('git', ['-C', root, 'ls-tree', '--name-only', `${BASELINE_COMMIT}:native`], {encoding: 'utf8'});
	if (files.status !== 0) return false;
	const sources = [];
	for (const file of files.stdout.split('\n').filter(Boolean)) {
		const shown = spawnSync('git', ['-C', root, 'show', `${BASELINE_COMMIT}:native/${file}`], {maxBuffer: 1 << 24});
		if (shown.status !== 0) return false;
		writeFileSync(join(dir, file), shown.stdout);
		if (file.endsWith('.c')) sources.push(join(dir, file));
	}
	return spawnSync('cc', ['-O2', '-static', '-s', '-pthread', '-o', baselineHelper, ...sources], {stdio: 'ignore'}).status === 0;
}

/** Milliseconds for `helper` to read every path (given on stdin, as nsdeck gives many): the median of five. */
function timeHelper(helper, paths) {
	const input = paths.map((p) => `${p}\0`).join('');
	const took = [];
	for (let i = 0; i < 5; i++) {
		const t0 = performance.now();
		const result = spawnSync(helper, [], {input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'ignore']});
		if (result.status !== 0) throw new Error(`${helper} failed`);
		took.push(performance.now() - t0);
	}
	return median(took);
}

function timeSync(argv) {
	const t0 = performance.now();
	const result = spawnSync(argv[0], argv.slice(1), {stdio: 'ignore'});
	if (result.status !== 0) throw new Error(`${argv.join(' ')} failed`);
	return performance.now() - t0;
}

/** Milliseconds from another program's change (argv, which sets a link down) to the frame that shows it. */
async function timeOutsideChange(app, argv) {
	const from = app.output.length;
	const t0 = performance.now();
	spawnSync(argv[0], argv.slice(1));
	return (await app.waitFor('DOWN', from, 10_000)) - t0;
}

async function measureInside(n) {
	buildWorld(n);
	const {createRealSystem} = await import(pathToFileURL(systemBundle).href);
	const system = createRealSystem({lab: true, netdump: join(root, 'dist', 'nsdeck-netdump')});
	// A world just built keeps the kernel busy for seconds (IPv6 address setup and timers on every new
	// link; on a slow day, tens of seconds): wait until the CPUs are idle, as on a server whose namespaces
	// are not brand new, then read until two reads in a row agree within 15 % (at most 6) and time three more.
	await untilQuiet();
	let previous = Infinity;
	for (let i = 0; i < 6; i++) {
		const t0 = performance.now();
		await system.readWorld();
		const took = performance.now() - t0;
		if (Math.abs(took - previous) < 0.15 * previous) break;
		previous = took;
	}
	const snapshots = [];
	let world;
	for (let i = 0; i < 3; i++) {
		const t0 = performance.now();
		world = await system.readWorld();
		snapshots.push(performance.now() - t0);
	}
	if (world.namespaces.length !== n + 1) throw new Error(`snapshot saw ${world.namespaces.length} namespaces, expected ${n + 1}`);
	// The helper now (ip's schema; rules, neighbours, FDB, forwarding) against the one before, on the same
	// namespaces, in turn.
	const paths = [`/proc/${process.pid}/ns/net`, ...Array.from({length: n}, (_, i) => `/run/netns/ns${i + 1}`)];
	const helperNow = timeHelper(join(root, 'dist', 'nsdeck-netdump'), paths);
	const helperBefore = existsSync(baselineHelper) ? timeHelper(baselineHelper, paths) : undefined;
	const shellLoop = timeSync(['bash', '-c', 'for ns in $(ls /run/netns); do ip -j -n "$ns" addr >/dev/null; ip -j -n "$ns" route >/dev/null; done']);
	// The host's details, not the "Interfaces in host (0)" placeholder shown while it is read: the host always has lo.
	const hostShown = /Interfaces in host \([1-9]\d*\)/;
	// The program as installed: its #! line starts node with nsdeck's options (scripts/node-flags.mjs).
	const startApp = async (argv = [bundle]) => {
		const start = new PtyApp(argv, {columns: 120, rows: 40});
		const took = (await start.waitFor(hostShown)) - start.started;
		await start.quiet(300);
		await start.stop();
		return took;
	};
	// The first start after a build fills Node's compile cache (source/start.ts), which every later start
	// uses (ink alone's too); the single executable's first start writes its helper to the cache.
	await startApp();
	await startApp([executable]);
	await startApp([inkAlone]);
	// Then node -e 0 and the app in turn, in the same pseudo-terminal harness (both pay for `script` and
	// the pty), each started on an idle machine (not while the last app's processes wind down); each
	// figure is the median of seven.
	const nodeBare = [];
	const starts = [];
	const executableStarts = [];
	const inkAloneStarts = [];
	for (let i = 0; i < STARTS; i++) {
		await untilQuiet();
		nodeBare.push(await new PtyApp([process.execPath, '-e', '0']).exited());
		await untilQuiet();
		starts.push(await startApp());
		await untilQuiet();
		executableStarts.push(await startApp([executable]));
		await untilQuiet();
		inkAloneStarts.push(await startApp([inkAlone]));
	}
	const firstFrame = median(starts);
	const app = new PtyApp([bundle], {columns: 120, rows: 40});
	await app.waitFor(hostShown);
	await app.waitFor(/reading \d+\/\d+/).catch(() => undefined);
	await app.quiet(1500); // the rest of the world loaded, nsids assigned
	const keys = [];
	for (let i = 0; i < 5; i++) {
		const bytes0 = app.bytes;
		const t0 = performance.now();
		app.write('\u001B[B');
		await app.waitFor(new RegExp(`ns${i + 1}\\b`), app.output.length);
		const last = await app.quiet(300);
		keys.push({ms: last - t0, bytes: app.bytes - bytes0});
	}
	app.write('g');
	await app.quiet(500);
	const seen = await timeOutsideChange(app, ['ip', 'link', 'set', 'v1_br', 'down']);
	// The same inside the last namespace, selected (G): the monitor reports it by the host's nsid for it,
	// the highest there is, which `ip netns list-id` no longer names at N = 1,000 (native/nsid-names.c).
	app.write('G');
	await app.quiet(500);
	const seenInside = await timeOutsideChange(app, ['ip', '-n', `ns${n}`, 'link', 'set', `v${n}`, 'down']);
	const rss = app.peakRssMb();
	await app.stop();
	return {
		n,
		snapshot: Math.min(...snapshots),
		helperNow,
		helperBefore,
		shellLoop,
		firstFrame,
		executableFrame: median(executableStarts),
		inkAloneFrame: median(inkAloneStarts),
		nodeBare: median(nodeBare),
		nodeFastest: Math.min(...nodeBare),
		external: seen,
		externalInside: seenInside,
		keyMs: median(keys.map((k) => k.ms)),
		keyBytes: median(keys.map((k) => k.bytes)),
		rss,
	};
}

function row(r) {
	return [
		String(r.n),
		ms(r.snapshot),
		ms(r.shellLoop),
		`${(r.shellLoop / r.snapshot).toFixed(1)}x`,
		ms(r.firstFrame),
		ms(r.nodeBare),
		`${(r.firstFrame / r.nodeBare).toFixed(1)}x`,
		ms(r.executableFrame),
		`${(r.executableFrame / r.nodeBare).toFixed(1)}x`,
		ms(r.inkAloneFrame),
		`${(r.inkAloneFrame / r.nodeBare).toFixed(1)}x`,
		ms(r.external),
		ms(r.externalInside),
		ms(r.keyMs),
		`${r.keyBytes} B`,
		`${r.rss.toFixed(0)} MB`,
	];
}

function printTable(results) {
	const head = ['N', 'snapshot', 'shell loop', 'faster', 'first frame', 'node -e 0', 'ratio', 'executable', 'ratio', 'ink alone', 'ratio', 'outside change', 'inside last ns', 'arrow key', 'arrow bytes', 'peak RSS'];
	const rows = [head, ...results.map(row)];
	const widths = head.map((_, c) => Math.max(...rows.map((r) => r[c].length)));
	const line = (r) => r.map((cell, c) => cell.padStart(widths[c])).join('  ');
	console.log(line(head));
	console.log(widths.map((w) => '-'.repeat(w)).join('  '));
	for (const r of rows.slice(1)) console.log(line(r));
	const big = results.find((r) => r.n === 1000);
	if (!big) return;
	const verdict = (ok) => (ok ? 'met' : 'MISSED');
	console.log('\nTargets at N=1,000:');
	if (big.helperBefore !== undefined) {
		const ratio = big.helperNow / big.helperBefore;
		console.log(`  the helper with rules, neighbours and the FDB <= 1.5x the helper before (${BASELINE_COMMIT}): ${ms(big.helperNow)} vs ${ms(big.helperBefore)}, ${ratio.toFixed(2)}x  ${verdict(ratio <= 1.5)}`);
	} else {
		console.log(`  the helper: ${ms(big.helperNow)} (the baseline helper from ${BASELINE_COMMIT} could not be built: needs git and cc)`);
	}
	console.log(`  snapshot <= 1.0 s and >= 10x the shell loop: ${ms(big.snapshot)}, ${(big.shellLoop / big.snapshot).toFixed(1)}x  ${verdict(big.snapshot <= 1000 && big.shellLoop / big.snapshot >= 10)}`);
	console.log(`  first frame <= 3x node -e 0: ${(big.firstFrame / big.nodeBare).toFixed(1)}x  ${verdict(big.firstFrame <= 3 * big.nodeBare)}`);
	console.log(`    (medians of ${STARTS} starts each, in turn; against node's fastest start: ${(big.firstFrame / big.nodeFastest).toFixed(1)}x)`);
	console.log(`    (ink alone, one line made and started as nsdeck is: ${ms(big.inkAloneFrame)}, ${(big.inkAloneFrame / big.nodeBare).toFixed(1)}x node -e 0)`);
	console.log(`  the single executable: first frame ${ms(big.executableFrame)}, ${(big.executableFrame / big.nodeBare).toFixed(1)}x node -e 0`);
	console.log(`  outside change visible <= 300 ms: ${ms(big.external)} in the host, ${ms(big.externalInside)} in ns1000  ${verdict(big.external <= 300 && big.externalInside <= 300)}`);
	console.log(`  arrow key < 30 ms and < 2 KB: ${ms(big.keyMs)}, ${big.keyBytes} B  ${verdict(big.keyMs < 30 && big.keyBytes < 2048)}`);
	console.log(`  peak RSS < 150 MB: ${big.rss.toFixed(0)} MB  ${verdict(big.rss < 150)}`);
}

function printChurn(c) {
	console.log(`\nChurn${c.lab ? ' (nsdeck lab open)' : ''}: ${c.namespaces} namespaces created and ${c.flaps} link flaps from outside, over ${c.churnSeconds.toFixed(1)} s:`);
	console.log(`  app CPU during: ${c.cpuDuring.toFixed(2)} s (${((100 * c.cpuDuring) / c.churnSeconds).toFixed(0)}% of a core); in the 5 s after: ${c.cpuAfter.toFixed(2)} s`);
	console.log(`  app RSS: peak ${c.rssDuring.toFixed(0)} MB during, ${c.rssAfter.toFixed(0)} MB 5 s after`);
	console.log(`  child processes at once: at most ${c.mostChildren} (ip monitor alone: ${c.baselineChildren}); back to that ${c.settledMs === undefined ? 'not within 30 s' : `${Math.round(c.settledMs)} ms after the last change`}`);
}

if (process.argv[2] === '--inside') {
	const result = await measureInside(Number(process.argv[3]));
	console.log(`BENCH ${JSON.stringify(result)}`);
} else {
	// The snapshot is timed in-process, from the same code the app runs.
	if (!buildBaselineHelper()) process.stderr.write(`the baseline helper (${BASELINE_COMMIT}) could not be built: its row is left out\n`);
	const inkAloneDir = dirname(inkAlone);
	mkdirSync(inkAloneDir, {recursive: true});
	await bundleApp(join(root, 'bench', 'ink-alone.tsx'), join(inkAloneDir, 'nsdeck-app.js'));
	await bundleEntry(inkAlone);
	const systemDir = join(root, 'source', 'system');
	await build({
		entryPoints: ['system', 'discover', 'netdump'].map((name) => join(systemDir, `${name}.ts`)),
		outdir: benchDir,
		outExtension: {'.js': '.mjs'},
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'es2024',
		packages: 'external',
		logLevel: 'warning',
	});
	const results = [];
	for (const n of SIZES) {
		process.stderr.write(`N=${n}: building and measuring in a fresh sandbox…\n`);
		const t0 = performance.now();
		const out = spawnSync(process.execPath, [bundle, 'sandbox', '--', process.execPath, fileURLToPath(import.meta.url), '--inside', String(n)], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
			maxBuffer: 1 << 26,
		});
		const line = out.stdout.split('\n').find((l) => l.startsWith('BENCH '));
		if (!line) throw new Error(`N=${n}: no result (exit ${out.status})\n${out.stdout.slice(-2000)}`);
		results.push(JSON.parse(line.slice('BENCH '.length)));
		process.stderr.write(`N=${n}: done in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
	}
	printTable(results);
	// The app under churn, in a sandbox of its own (bench/churn.mjs).
	process.stderr.write('churn: 2,000 namespaces and 5,000 link flaps from outside, in a fresh sandbox…\n');
	const churnOut = spawnSync(process.execPath, [bundle, 'sandbox', '--', process.execPath, join(root, 'bench', 'churn.mjs')], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit']});
	const churnLine = churnOut.stdout.split('\n').find((l) => l.startsWith('CHURN '));
	if (churnLine) printChurn(JSON.parse(churnLine.slice('CHURN '.length)));
	else console.log(`\nchurn: no result (exit ${churnOut.status})`);
	reportDiscovery(bundle);
	reportRemote(bundle);
	reportIdle(bundle);
	// The figures depend on what else runs: say so beside them.
	console.log(`\nThe single executable: ${(statSync(executable).size / 1e6).toFixed(1)} MB (${executable}); node ${process.version}`);
	console.log(`${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end`);
}
