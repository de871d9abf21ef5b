// Records demo.cast (asciinema v2) from the real bundled app: `nsdeck tutorial 2` in a terminal of 100x30
// (a private tmux server provides the pty), driven by the keys of a short story: the tutorial followed
// with nsdeck's keys, its steps turning ✓ as the world changes, and at the end the topology. Before each key it waits
// for the text it expects; each event is the whole screen as tmux renders it, written at a fixed time,
// so the same app gives the same file byte for byte.
//
// Times are masked: durations in ms (ping's round-trip times, rtt min/avg/max) differ on every run, so
// they are replaced with x.xxx; the command log's start times and durations in seconds become xx:xx:xx
// and x.x s. Rates (`↓90 B/s ↑176 B/s`) become blank: the second in which a reading falls decides both
// their values and whether a row has one yet (none before its second reading). The cast's title says
// so. The map is taken when no link is marked busy (⇅): a router solicitation can make one busy for a
// second at any time.
//
//   npm run demo            (writes demo.cast at the project root)
//   node scripts/record-demo.mjs OUT.cast [--no-build]   (writes it elsewhere: the reproducibility test
//   does, with --no-build: the kernel tests run on a bundle built before them, and rewriting dist/ while
//   other test files start it can hand them a half-written file)
import {execFileSync} from 'node:child_process';
import {rmSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const COLUMNS = 100;
const ROWS = 30;
const socket = `/tmp/nsdeck-demo-${process.pid}.sock`;
// -u: UTF-8 whatever the locale says, so the box drawing is the same on every machine.
const tmux = (...args) => execFileSync('tmux', ['-u', '-S', socket, ...args], {encoding: 'utf8'});
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const events = [];
let clock = 0;
let lastScreen = '';

/**
 * Durations in ms (ping's round-trip times and run time) vary run to run: each becomes x.xxx (or xxxx),
 * and the spaces after it shrink or grow by as much, so box borders stay where the app drew them.
 */
const maskTimes = (text) =>
	text.replaceAll(/([= ])(\d[\d./]*)( ?ms)\b((?:\u001B\[[0-9;]*m)*)( *)/g, (_m, before, value, unit, style, spaces) => {
		const masked = value
			.split('/')
			.map((part) => (part.includes('.') ? 'x.xxx' : 'xxxx'))
			.join('/');
		const room = spaces.length - (masked.length - value.length);
		return before + masked + unit + style + ' '.repeat(Math.max(room, 0));
	});

/**
 * The command log's columns: its start time and duration (`09:41:02  12 ms`, `  3.1 s`) become
 * `xx:xx:xx   took`, the same width, before the ms rule above could make the padding vary.
 */
const maskClock = (text) =>
	text.replaceAll(/(?<!\d)\d\d:\d\d:\d\d(?!\d)( +(?:\d+ ms|\d+\.\d s|\d+ min \d\d s)(?![\d.]))?/g, (span) => `xx:xx:xx${' took'.padStart(span.length - 8).slice(0, span.length - 8)}`);

/**
 * A row's rates, `↓1.2 kB/s ↑0 B/s`, become spaces as wide: the column keeps its width either way, so a
 * row whose first two readings fell in different seconds on two runs looks the same on both.
 */
const maskRates = (text) => text.replaceAll(/↓(?:[\d.]+ [kMGT]?B\/s|–) ↑(?:[\d.]+ [kMGT]?B\/s|–)/g, (span) => ' '.repeat(span.length));

const capture = () => maskRates(maskTimes(maskClock(tmux('capture-pane', '-e', '-p', '-t', 'demo'))));

/** The topology with no row marked as carrying traffic (the legend's ⇅ is not a row's). */
const QUIET_TOPOLOGY = /^(?![\s\S]*→ \S+ ⇅)[\s\S]*Topology/;

/** Wait until the screen shows `text` and has stopped changing. */
async function waitFor(text, timeoutMs = 15000) {
	const deadline = Date.now() + timeoutMs;
	let previous;
	while (Date.now() < deadline) {
		const screen = capture();
		const plain = screen.replaceAll(/\u001B\[[0-9;]*m/g, '');
		const found = typeof text === 'string' ? plain.includes(text) : text.test(plain);
		if (found && screen === previous) return screen;
		previous = found ? screen : undefined;
		await sleep(120);
	}
	throw new Error(`demo: timed out waiting for ${String(text)}; the screen was:\n${capture()}`);
}

/** One asciinema event: the whole screen, `after` seconds after the previous one. */
function frame(screen, after) {
	clock = Math.round((clock + after) * 1000) / 1000;
	if (screen === lastScreen) return;
	lastScreen = screen;
	const lines = screen.replace(/\n$/, '').split('\n');
	events.push([clock, 'o', '\u001B[H\u001B[2J' + lines.join('\r\n')]);
}

async function key(name, expect, after = 0.6) {
	tmux('send-keys', '-t', 'demo', name);
	frame(await waitFor(expect), after);
}

const literally = (text) => text.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Type text one character at a time, as a person would. Each frame waits for the text so far in the
 * focused field, before its cursor (▏): the text alone may be on the screen already (the tutorial's goal
 * names ns1), and a frame taken before the key is drawn would differ from run to run.
 */
async function type(text) {
	let typed = '';
	for (const char of text) {
		typed += char;
		tmux('send-keys', '-t', 'demo', '-l', char);
		frame(await waitFor(new RegExp(`›[^\\n]* ${literally(typed)}▏`)), 0.09);
	}
}

/** Cycle a choice field with → until it shows `value`. */
async function choose(value) {
	const shown = new RegExp(`›[^\\n]*‹ ${value} ›`);
	for (let i = 0; i < 10 && !shown.test(capture().replaceAll(/\u001B\[[0-9;]*m/g, '')); i++) {
		tmux('send-keys', '-t', 'demo', 'Right');
		await sleep(150);
	}
	frame(await waitFor(shown), 0.4);
}

/**
 * The tutorial at its start, once the first reading of rates has come: from then on the interfaces pane
 * keeps the rates' column (blank here, as masked), so no later frame depends on when it came.
 */
const STARTED = /^(?=[\s\S]*Two namespaces joined by a veth pair · 0\/6)(?=[\s\S]*\blo +loopback +UP {20})/;

async function story() {
	frame(await waitFor(STARTED), 0.5);
	frame(capture(), 2.5); // read the first step and the commands it teaches
	await key('h', 'Hint: In the namespaces pane press n', 2.0);
	// Each change's frame waits for its ✓ and for the panel's count after it (the checks run on the world
	// read after the change), so no frame is taken in between.
	for (const [ns, count] of [
		['ns1', '0/6'],
		['ns2', '1/6'],
	]) {
		await key('n', 'New namespace', 1.0);
		await type(ns);
		await key('Enter', new RegExp(`✓ Create namespace ${ns}[\\s\\S]*joined by a veth pair · ${count}`), 1.2);
	}
	frame(capture(), 1.5); // step 1 ✓
	// The form starts filled in (ns1 ⇄ ns2, veth_ns1 and veth_ns2, up) with the cursor on the first
	// address; the second follows it.
	await key('v', 'Add a veth pair', 1.5);
	await type('10.1.1.1/24');
	frame(await waitFor('ip -n ns2 addr add 10.1.1.2/24 dev veth_ns2'), 2.5); // read the commands the form will run
	await key('Enter', /✓ Add veth pair veth_ns1 \(ns1\) ⇄ veth_ns2 \(ns2\)[\s\S]*joined by a veth pair · 5\/6/, 1.0);
	frame(capture(), 3.0); // the pair, its addresses and both ends up: four steps ✓
	await pingStory();
	frame(capture(), 3.0); // every step holds, and the commands that did it, as a script to keep
	await key('t', QUIET_TOPOLOGY, 1.2);
	frame(await waitFor(QUIET_TOPOLOGY), 4.0);
}

/** Ping ns2 from ns1 (the selected namespace) and wait for the summary. */
async function pingStory() {
	await key('p', 'Ping from ns1', 1.2);
	await choose('10\\.1\\.1\\.2 \\(ns2/veth_ns2\\)');
	frame(capture(), 1.5); // the form shows the exact ping command
	// One frame when it is done (its summary, and the tutorial's last step ✓): the replies come once a
	// second, and a frame of them as they come would catch one more or one fewer on a busy machine.
	await key('Enter', /✓ 4 sent, 4 received, 0% loss[\s\S]*✓ Every step holds/, 4.7);
	frame(capture(), 2.5);
	await key('Escape', 'Namespaces (3)', 0.8);
}

async function main() {
	const args = process.argv.slice(2);
	const out = args.find((arg) => !arg.startsWith('--')) ?? join(root, 'demo.cast');
	if (!args.includes('--no-build')) execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')]);
	const command = ['env', '-u', 'CI', 'TERM=xterm-256color', process.execPath, join(root, 'dist', 'nsdeck.js'), 'tutorial', '2'];
	tmux('new-session', '-d', '-s', 'demo', '-x', String(COLUMNS), '-y', String(ROWS), ...command);
	try {
		await story();
	} finally {
		tmux('kill-server');
		// tmux leaves its socket behind when its server ends.
		rmSync(socket, {force: true});
	}
	const header = {
		version: 2,
		width: COLUMNS,
		height: ROWS,
		title: 'nsdeck tutorial 2: two namespaces, a veth pair, a ping, each step checked as it is done, and the topology (times and rates masked)',
		env: {TERM: 'xterm-256color', SHELL: '/bin/sh'},
	};
	const text = [JSON.stringify(header), ...events.map((e) => JSON.stringify(e))].join('\n') + '\n';
	writeFileSync(out, text);
	console.log(`${out}: ${events.length} events, ${clock.toFixed(1)} s`);
}

await main();
