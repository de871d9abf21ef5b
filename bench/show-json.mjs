// `show --json` as a whole process against its floor, alone (the full bench times it too, in
// discovery.mjs). Run in a sandbox after a build: `node dist/nsdeck.js sandbox -- node bench/show-json.mjs`.
// The world is discovery.mjs's (SHOW_WORLD=held: 1,000 namespaces held only by a process, each with a veth
// to the host, among 10,000 processes) or world.mjs's (SHOW_WORLD=named: 1,000 named namespaces on a
// bridge). Timed in turn, round after round, so that all three see the same moods of a shared machine:
// dist/nsdeck.js run as installed (its #! line's Node options), `node -e 0`, and the helper alone reading
// the same namespaces (paths on stdin, as nsdeck gives many). SHOW_BEFORE=FILE times another build's
// nsdeck.js in the same rounds (a copy of main's dist/, to compare with). SHOW_PROFILE=DIR adds one run under
// --cpu-prof, its profile written to DIR (of SHOW_PROFILE_ENTRY's nsdeck.js, an unminified build, if given).
import {spawn, spawnSync} from 'node:child_process';
import {readdirSync, readlinkSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {NODE_FLAGS} from '../scripts/node-flags.mjs';
import {untilQuiet} from './quiet.mjs';
import {buildWorld} from './world.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.env.SHOW_N ?? 1000);
const WORLD = process.env.SHOW_WORLD ?? 'held';
const PROCESSES = Number(process.env.SHOW_PROCESSES ?? 10_000);
const ROUNDS = Number(process.env.SHOW_ROUNDS ?? 9);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ours = readlinkSync('/proc/self/ns/net');
const pidsOf = () => readdirSync('/proc').filter((e) => /^\d+$/.test(e));
const netnsOf = (pid) => {
	try {
		return readlinkSync(`/proc/${pid}/ns/net`);
	} catch {
		return ours;
	}
};
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const started = [];
let paths;
spawnSync('ip', ['link', 'set', 'lo', 'up']);
if (WORLD === 'named') {
	buildWorld(N);
	paths = readdirSync('/run/netns').map((name) => `/run/netns/${name}`);
} else {
	started.push(spawn('bash', ['-c', `for i in $(seq ${N}); do unshare --net sleep 100000 & done; wait`], {stdio: 'ignore'}));
	while (pidsOf().filter((pid) => netnsOf(pid) !== ours).length < N) await wait(200);
	const held = pidsOf().filter((pid) => netnsOf(pid) !== ours);
	const batch = held.map((pid, i) => `link add name hv${i} type veth peer name eth0 netns /proc/${pid}/ns/net\nlink set dev hv${i} up\n`).join('');
	spawnSync('ip', ['-force', '-b', '-'], {input: batch});
	started.push(spawn('bash', ['-c', `for i in $(seq ${Math.max(PROCESSES - pidsOf().length - 10, 0)}); do sleep 100000 & done; wait`], {stdio: 'ignore'}));
	while (pidsOf().length < PROCESSES - 20) await wait(200);
	paths = held.map((pid) => `/proc/${pid}/ns/net`);
}
paths.unshift(`/proc/${process.pid}/ns/net`);
// The machine is shared: wait a little for the world's own kernel work to settle, not for an idle machine.
await untilQuiet({idleShare: 0.5, timeoutMs: 15_000});

const helper = join(root, 'dist', 'nsdeck-netdump');
const input = paths.map((p) => `${p}\0`).join('');
const timed = (argv, options = {}) => {
	const t0 = performance.now();
	const result = spawnSync(argv[0], argv.slice(1), {maxBuffer: 1 << 30, stdio: ['pipe', 'ignore', 'pipe'], ...options});
	const ms = performance.now() - t0;
	if (result.status !== 0) throw new Error(`${argv.join(' ')} failed: ${result.stderr}`);
	return ms;
};
const show = [join(root, 'dist', 'nsdeck.js'), 'show', '--json'];
// One of each first: the compile cache, the page cache.
timed(show);
const before = process.env.SHOW_BEFORE ? [process.env.SHOW_BEFORE, ...show.slice(1)] : undefined;
if (before) timed(before);
const times = {show: [], node: [], helper: [], before: []};
for (let i = 0; i < ROUNDS; i++) {
	if (before) times.before.push(timed(before));
	times.show.push(timed(show));
	times.node.push(timed([process.execPath, '-e', '0']));
	times.helper.push(timed([helper], {input}));
}
if (process.env.SHOW_PROFILE) {
	const entry = process.env.SHOW_PROFILE_ENTRY ?? show[0];
	timed([process.execPath, ...NODE_FLAGS, '--cpu-prof', '--cpu-prof-interval=100', `--cpu-prof-dir=${process.env.SHOW_PROFILE}`, entry, ...show.slice(1)]);
}
const [showMs, nodeMs, helperMs] = [times.show, times.node, times.helper].map(median);
const floor = nodeMs + helperMs;
console.log(`${WORLD} world, ${paths.length} namespaces, ${pidsOf().length} processes, ${ROUNDS} rounds (medians):`);
console.log(`show --json ${showMs.toFixed(0)} ms; node -e 0 ${nodeMs.toFixed(0)} ms + helper ${helperMs.toFixed(0)} ms = floor ${floor.toFixed(0)} ms; ratio ${(showMs / floor).toFixed(2)}x`);
console.log(`show runs: ${times.show.map((t) => t.toFixed(0)).join(' ')}`);
if (before) console.log(`before (${before[0]}): ${median(times.before).toFixed(0)} ms, ratio ${(median(times.before) / floor).toFixed(2)}x`);
for (const child of started) child.kill('SIGKILL');
process.exit(0);
