// Records demo.cast (asciinema v2) from the real bundled app: `nsdeck lab empty` in a terminal of 100x30
// (a private tmux server provides the pty), driven by the keys of a short story. Before each key it waits
// for the text it expects; each event is the whole screen as tmux renders it, written at a fixed time,
// so the same app gives the same file byte for byte.
//
// Times are masked: durations in ms (ping's round-trip times, rtt min/avg/max) differ on every run, so
// they are replaced with x.xxx; the command log's start times and durations in seconds become xx:xx:xx
// and x.x s. The cast's title says so.
//
//   npm run demo            (writes demo.cast at the project root)
//   node scripts/record-demo.mjs OUT.cast   (writes it elsewhere: the reproducibility test does)
import {execFileSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
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

const capture = () => maskTimes(maskClock(tmux('capture-pane', '-e', '-p', '-t', 'demo')));

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

/** Type text one character at a time, as a person would. */
async function type(text) {
	let typed = '';
	for (const char of text) {
		typed += char;
		tmux('send-keys', '-t', 'demo', '-l', char);
		frame(await waitFor(typed), 0.09);
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

async function story() {
	frame(await waitFor('Namespaces (1)'), 0.5);
	frame(capture(), 1.5);
	for (const ns of ['ns1', 'ns2']) {
		await key('n', 'New namespace', 1.0);
		await type(ns);
		await key('Enter', `✓ Create namespace ${ns}`, 1.2);
	}
	// The form starts filled in (ns1 ⇄ ns2, veth_ns1 and veth_ns2, up) with the cursor on the first
	// address; the second follows it.
	await key('v', 'Add a veth pair', 1.5);
	await type('10.1.1.1/24');
	frame(await waitFor('ip -n ns2 addr add 10.1.1.2/24 dev veth_ns2'), 2.5); // read the commands the form will run
	await key('Enter', '✓ Add veth pair veth_ns1 (ns1) ⇄ veth_ns2 (ns2)', 2.5);
	await key('2', /›veth_ns1\s/, 1.5);
	await pingStory();
	await key('l', 'Command log', 1.5);
	frame(capture(), 3.0);
	await key('Escape', 'Namespaces (3)', 0.8);
	await key('t', 'Topology', 1.2);
	frame(capture(), 4.0);
}

/** Ping ns2 from ns1 (the selected namespace) and wait for the summary. */
async function pingStory() {
	await key('p', 'Ping from ns1', 1.2);
	await choose('10\\.1\\.1\\.2 \\(ns2/veth_ns2\\)');
	frame(capture(), 1.5); // the form shows the exact ping command
	await key('Enter', 'icmp_seq=1', 1.5);
	frame(await waitFor(/✓ 4 sent, 4 received, 0% loss/), 3.2);
	frame(capture(), 2.5);
	await key('Escape', 'Namespaces (3)', 0.8);
}

async function main() {
	const out = process.argv[2] ?? join(root, 'demo.cast');
	execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')]);
	const command = ['env', '-u', 'CI', 'TERM=xterm-256color', process.execPath, join(root, 'dist', 'nsdeck.js'), 'lab', 'empty'];
	tmux('new-session', '-d', '-s', 'demo', '-x', String(COLUMNS), '-y', String(ROWS), ...command);
	try {
		await story();
	} finally {
		tmux('kill-server');
	}
	const header = {
		version: 2,
		width: COLUMNS,
		height: ROWS,
		title: 'nsdeck: two namespaces, a veth pair, a ping, the command log and the topology (times masked)',
		env: {TERM: 'xterm-256color', SHELL: '/bin/sh'},
	};
	const text = [JSON.stringify(header), ...events.map((e) => JSON.stringify(e))].join('\n') + '\n';
	writeFileSync(out, text);
	console.log(`${out}: ${events.length} events, ${clock.toFixed(1)} s`);
}

await main();
