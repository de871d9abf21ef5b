// Discovery at scale, in a sandbox (`nsdeck sandbox -- node bench/discovery.mjs`): 1,000 namespaces held
// only by a process (`unshare --net sleep`, each with a veth to the host), among 10,000 processes. Measured
// too: `show --json` as a whole process against node and the helper alone, and a live change inside a
// process-held namespace until the app shows it. Measured:
// the /proc scan (discover.ts: /run/netns, mountinfo, every /proc/PID/ns/net, the labels); the whole
// snapshot (discovery and every namespace read) against the helper alone reading the same namespaces; and
// in the app, how long a namespace started from outside takes to be listed. Prints one line,
// `DISCOVERY {json}`, which bench/run.mjs puts in its report.
import {spawn, spawnSync} from 'node:child_process';
import {readdirSync, readlinkSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {PtyApp} from './pty.mjs';
import {untilQuiet} from './quiet.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const HELD = Number(process.env.DISCOVERY_HELD ?? 1000);
const PROCESSES = Number(process.env.DISCOVERY_PROCESSES ?? 10_000);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ours = readlinkSync('/proc/self/ns/net');

async function timed(task, times = 7) {
	const took = [];
	let result;
	for (let i = 0; i < times; i++) {
		const t0 = performance.now();
		result = await task();
		took.push(performance.now() - t0);
	}
	return {ms: median(took), result};
}

/** Processes by their namespace: how many are in a namespace other than ours. */
function heldCount() {
	let held = 0;
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			if (readlinkSync(`/proc/${entry}/ns/net`) !== ours) held++;
		} catch {
			// Gone.
		}
	}
	return held;
}

const processCount = () => readdirSync('/proc').filter((e) => /^\d+$/.test(e)).length;

// The held namespaces, each with a veth to the host, started by one shell (1,000 spawns from Node cost seconds).
spawnSync('ip', ['link', 'set', 'lo', 'up']);
const holders = spawn('bash', ['-c', `for i in $(seq ${HELD}); do unshare --net sleep 100000 & done; wait`], {stdio: 'ignore'});
while (heldCount() < HELD) await new Promise((resolve) => setTimeout(resolve, 200));
const pids = readdirSync('/proc').filter((e) => /^\d+$/.test(e) && readlinkSync(`/proc/${e}/ns/net`) !== ours && readlinkSync(`/proc/${e}/exe`).endsWith('sleep'));
const batch = pids.map((pid, i) => `link add name hv${i} type veth peer name eth0 netns /proc/${pid}/ns/net\nlink set dev hv${i} up\n`).join('');
spawnSync('ip', ['-force', '-b', '-'], {input: batch});
// The rest of the processes, in the host's namespace.
const others = spawn('bash', ['-c', `for i in $(seq ${Math.max(PROCESSES - processCount() - 10, 0)}); do sleep 100000 & done; wait`], {stdio: 'ignore'});
while (processCount() < PROCESSES - 20) await new Promise((resolve) => setTimeout(resolve, 200));
await untilQuiet();

const {createDiscoverer, discoverNamespaces} = await import(pathToFileURL(join(root, 'dist', 'bench', 'discover.mjs')).href);
const {readWithNetdump} = await import(pathToFileURL(join(root, 'dist', 'bench', 'netdump.mjs')).href);
const {createRealSystem} = await import(pathToFileURL(join(root, 'dist', 'bench', 'system.mjs')).href);
const helper = join(root, 'dist', 'nsdeck-netdump');
const system = createRealSystem({lab: false, netdump: helper});

// From nothing (the first frame, `nsdeck show`), and again as the app does every second: it remembers
// the processes it has seen (every tenth scan, not among these, asks them all again).
const scan = await timed(() => discoverNamespaces());
const places = scan.result.places;
const discoverer = createDiscoverer();
discoverer();
const rescan = await timed(() => discoverer());
const held = places.filter((p) => p.kind === 'process').length;
// The whole snapshot as the app makes it every second: discovery with what it remembers (the system has
// listed twice before, as the app has within two seconds of its start), then every namespace read.
await system.listNamespaces();
await system.listNamespaces();
// The helper alone, on the same paths (the host through our own /proc entry, as the snapshot does).
const paths = places.map((p) => (p.kind === 'host' ? {...p, path: `/proc/${process.pid}/ns/net`} : p));
// The two in turn, nine times, and the median of each: the helper's own time varies by a third from run to
// run on this machine (100–180 ms), so timing all of one and then all of the other compares two moods of
// the machine rather than the two reads.
const snapshotTimes = [];
const helperTimes = [];
for (let i = 0; i < 9; i++) {
	snapshotTimes.push((await timed(() => system.readWorld(), 1)).ms);
	helperTimes.push((await timed(() => readWithNetdump(helper, paths), 1)).ms);
}
const snapshot = {ms: median(snapshotTimes)};
const helperAlone = {ms: median(helperTimes)};
// And from nothing, as `nsdeck show` does: a new system, whose discovery asks every process.
const snapshotCold = await timed(() => createRealSystem({lab: false, netdump: helper}).readWorld(), 3);

// `show --json` as a whole process, against its floor: node starting with nothing to do, plus the helper
// alone reading every namespace.
const wholeProcess = (argv) => timed(() => spawnSync(argv[0], argv.slice(1), {stdio: 'ignore', maxBuffer: 1 << 30}), 5);
const showJson = await wholeProcess([process.execPath, join(root, 'dist', 'nsdeck.js'), 'show', '--json']);
const nodeBare = await wholeProcess([process.execPath, '-e', '0']);

process.stderr.write(`scan ${scan.ms.toFixed(1)} ms, rescan ${rescan.ms.toFixed(1)} ms, snapshot ${snapshot.ms.toFixed(0)} ms (from nothing ${snapshotCold.ms.toFixed(0)} ms), helper ${helperAlone.ms.toFixed(0)} ms, ${places.length} places\n`);
// In the app: a namespace started from outside, until its row is drawn. The list is filtered by the
// new process's PID (typed as soon as it is known), so the row is on screen wherever it sorts. Not seen
// within 10 s is reported as such, with the rest of the figures.
const app = new PtyApp([join(root, 'dist', 'nsdeck.js')], {columns: 120, rows: 40});
await app.waitFor(new RegExp(`Namespaces \\(${places.length}\\)`));
await app.quiet(1500);
// Colours come between the words of a row: look at the text without them.
const drawn = (pattern) => ({test: (text) => pattern.test(text.replaceAll(/\u001B\[[0-9;?]*[A-Za-z]/g, '')), toString: () => String(pattern)});
let shown;
let late;
try {
	const beforeFilter = app.output.length;
	app.write('/');
	// The filter is open (its keys in the footer) before anything is typed into it.
	await app.waitFor(drawn(/Enter keep/), beforeFilter, 10_000);
	await app.quiet(300);
	const t0 = performance.now();
	late = spawn('unshare', ['--net', 'sleep', '100000'], {stdio: 'ignore'});
	const from = app.output.length;
	app.write(`pid ${late.pid}`);
	// The row: its name, then (room allowing, which a five-digit PID may not leave) the label, then its
	// counts, or … while it is read. Not the filter's own echo of what was typed.
	shown = (await app.waitFor(drawn(new RegExp(`pid ${late.pid}(?!\\d)[^▏\\n]*(\\d+/\\d+ up|…)`)), from, 10_000)) - t0;
} catch (error) {
	process.stderr.write(`discovery: ${error.message}\n`);
}
// A live change inside that process-held namespace (its lo set up), until its row counts it: the helper's
// watcher hears it there (native/watch-many.c), with no nsid in the host.
let live;
try {
	if (late && shown !== undefined) {
		const from = app.output.length;
		const t0 = performance.now();
		spawnSync('nsenter', [`--net=/proc/${late.pid}/ns/net`, 'ip', 'link', 'set', 'lo', 'up']);
		// The list is filtered to that namespace: its count, however much of the row a redraw rewrites.
		live = (await app.waitFor(drawn(/(?<!\d)1\/1 up/), from, 10_000)) - t0;
	}
} catch (error) {
	process.stderr.write(`live change: ${error.message}\n`);
}
const rss = app.peakRssMb();
await app.stop();
late?.kill('SIGKILL');
holders.kill('SIGKILL');
others.kill('SIGKILL');

console.log(
	`DISCOVERY ${JSON.stringify({
		processes: processCount(),
		held,
		namespaces: places.length,
		scanMs: scan.ms,
		rescanMs: rescan.ms,
		snapshotMs: snapshot.ms,
		snapshotColdMs: snapshotCold.ms,
		helperMs: helperAlone.ms,
		shownMs: shown ?? null,
		liveMs: live ?? null,
		showJsonMs: showJson.ms,
		nodeBareMs: nodeBare.ms,
		rss,
	})}`,
);
process.exit(0);
