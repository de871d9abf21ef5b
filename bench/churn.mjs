// The app under churn, in a sandbox (`nsdeck sandbox -- node bench/churn.mjs`): while it runs, other
// programs create 2,000 namespaces (four at a time, one `ip` each, as separate tools would) and flap a
// host link 5,000 times. Measured: the app's CPU time and peak RSS during the churn and in the 5 s after,
// the most child processes it had at once, and how long after the last change its children were gone.
// Prints one line, `CHURN {json}`, which bench/run.mjs puts in its table.
import {spawn, spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {descendants} from './processes.mjs';
import {PtyApp} from './pty.mjs';
import {untilQuiet} from './quiet.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const NAMESPACES = Number(process.env.CHURN_NAMESPACES ?? 2000);
const FLAPS = Number(process.env.CHURN_FLAPS ?? 5000);
/** Clock ticks per second in /proc/PID/stat: USER_HZ, 100 on Linux. */
const TICKS = 100;

const cpuSeconds = (pid) => {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) / TICKS;
};
const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

const children = (rootPid) => descendants(rootPid).length;

const run = (argv, input) =>
	new Promise((resolve) => {
		const child = spawn(argv[0], argv.slice(1), {stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'ignore']});
		if (input !== undefined) child.stdin.end(input);
		child.on('exit', resolve);
	});

spawnSync('ip', ['link', 'add', 'name', 'flap0', 'type', 'veth', 'peer', 'name', 'flap1']);
spawnSync('ip', ['link', 'set', 'lo', 'up']);
// As `nsdeck lab empty` (inside this sandbox: it mounts its own /run/netns, which we share, and gives every
// new namespace an nsid, one more kind of work per namespace), or, with CHURN_HOST=1, as on a host.
const labArgs = process.env.CHURN_HOST === '1' ? [] : ['lab', 'empty'];
const app = new PtyApp([join(root, 'dist', 'nsdeck.js'), ...labArgs], {columns: 120, rows: 40});
// Not the count in the title: drawn incrementally, `(3)` may come as the changed character alone, after
// the title's first frame said `(0)`. A row of the host's own veth comes whole.
await app.waitFor(/Interfaces in host/);
await app.waitFor(/flap0/);
await app.quiet(500);
await untilQuiet();
const pid = app.appPid();
const baseline = children(pid); // the watch (and the counters helper, once rates show): long-lived, one each
let most = 0;
let peakRss = rssMb(pid);
const sampler = setInterval(() => {
	most = Math.max(most, children(pid));
	peakRss = Math.max(peakRss, rssMb(pid));
}, 20);

const cpu0 = cpuSeconds(pid);
const t0 = performance.now();
await Promise.all([
	...[0, 1, 2, 3].map(async (k) => {
		for (let i = k; i < NAMESPACES; i += 4) await run(['ip', 'netns', 'add', `churn${i}`]);
	}),
	// Link flaps in one ip process: the monitor reports each.
	run(['ip', '-b', '-'], Array.from({length: FLAPS}, (_, i) => `link set dev flap0 ${i % 2 ? 'down' : 'up'}\n`).join('')),
]);
const churnSeconds = (performance.now() - t0) / 1000;
const cpuDuring = cpuSeconds(pid) - cpu0;
const rssDuring = peakRss;
// Settled: the app's children back to the monitor alone.
const tLast = performance.now();
let settledMs;
while (performance.now() - tLast < 30_000) {
	if (children(pid) <= baseline) {
		settledMs = performance.now() - tLast;
		break;
	}
	await new Promise((resolve) => setTimeout(resolve, 20));
}
const cpu1 = cpuSeconds(pid);
peakRss = rssMb(pid);
await new Promise((resolve) => setTimeout(resolve, 5000));
clearInterval(sampler);
const result = {
	lab: labArgs.length > 0,
	namespaces: NAMESPACES,
	flaps: FLAPS,
	churnSeconds,
	cpuDuring,
	cpuAfter: cpuSeconds(pid) - cpu1,
	rssDuring,
	rssAfter: rssMb(pid),
	mostChildren: most,
	baselineChildren: baseline,
	settledMs,
};
await app.stop();
console.log(`CHURN ${JSON.stringify(result)}`);
