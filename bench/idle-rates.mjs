// Idle CPU with the live rates on, at N namespaces (`nsdeck sandbox -- node bench/idle-rates.mjs`): the app
// sits on the host (N veth ends on br0: the largest namespace to read counters of) and on ns1 in turn, and
// for IDLE_SECONDS each nobody types. Measured: the app's CPU (% of a core) and the processes it started in
// that time beside those it keeps (ip monitor, the counters helper), and of them those that read counters,
// which should be none: the rates ask one long-lived helper. Prints one line, `IDLE {json}`, which bench/run.mjs reports.
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {descendants} from './processes.mjs';
import {PtyApp} from './pty.mjs';
import {untilQuiet} from './quiet.mjs';
import {buildWorld} from './world.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.env.IDLE_NAMESPACES ?? 1000);
const IDLE_SECONDS = Number(process.env.IDLE_SECONDS ?? 20);
/** Clock ticks per second in /proc/PID/stat: USER_HZ, 100 on Linux. */
const TICKS = 100;

const commandLine = (pid) => {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
	} catch {
		return '';
	}
};

const cpuSeconds = (pid) => {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) / TICKS;
};

/** CPU share and processes started while the app idles on what it shows now. */
async function idle(app, pid) {
	// Not app.quiet(): with rates on, a busy link redraws its row every second.
	await new Promise((resolve) => setTimeout(resolve, 2000));
	await untilQuiet({timeoutMs: 20_000});
	const kept = new Set(descendants(pid).map((p) => p.pid));
	const started = new Map();
	const sampler = setInterval(() => {
		for (const p of descendants(pid)) if (!kept.has(p.pid)) started.set(p.pid, commandLine(p.pid) || started.get(p.pid) || p.comm);
	}, 10);
	const cpu0 = cpuSeconds(pid);
	const t0 = performance.now();
	await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
	clearInterval(sampler);
	const seconds = (performance.now() - t0) / 1000;
	const all = [...started.values()];
	// The world's own polls (world-sync.ts: the selected namespace every 2 s) start processes too; those of
	// the rates would read counters: `--serve`, or `ip -s`.
	return {cpuPercent: (100 * (cpuSeconds(pid) - cpu0)) / seconds, started: all.length, byRates: all.filter((c) => /--serve| -s /.test(c))};
}

buildWorld(N);
const app = new PtyApp([join(root, 'dist', 'nsdeck.js')], {columns: 120, rows: 40});
// Not the count in the title: drawn incrementally, `(1002)` may come after the title's first frame as the
// changed characters only, and the wait timed out. Rates show once the links are read and two readings are in.
await app.waitFor(/Interfaces in host/);
await app.waitFor('B/s', 0, 60_000);
const pid = app.appPid();
const host = await idle(app, pid);
// Down to ns1 in the namespaces pane: a namespace of two links.
const from = app.output.length;
app.write('\x1b[B');
// Drawn incrementally: only what changed on the title line is written.
await app.waitFor(/ns1\b/, from);
const ns1 = await idle(app, pid);
await app.stop();
console.log(`IDLE ${JSON.stringify({namespaces: N, seconds: IDLE_SECONDS, host, ns1})}`);
