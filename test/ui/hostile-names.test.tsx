// Names are chosen by whoever is root in any container: every renderer must show escape sequences,
// control characters and bidi overrides visibly and never pass them to the terminal or a shell.
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/app.js';
import {shown} from '../../source/model/display.js';
import {toDot, toMermaid} from '../../source/model/graph-export.js';
import {buildTopology} from '../../source/model/topology.js';
import {logLine, logToScript} from '../../source/plans/script.js';
import type {LogEntry} from '../../source/plans/run-plan.js';
import {worldToText} from '../../source/show.js';
import {createFakeSystem} from '../support/fake-system.js';
import {WorldBuilder} from '../support/hand-world.js';
import {KEYS, press, settle, waitForFrame} from '../support/ink.js';

const HOSTILE = {
	osc: 'a\u001B]0;PWNED\u0007', // retitles the window
	clip: 'b\u001B]52;c;Y3VybCBldmlsfHNo\u0007', // writes the clipboard
	csi: 'c\u001B[2J\u001B[31mRED', // clears the screen, colours
	c1: 'd\u009B31mX', // an 8-bit CSI
	nl: 'e\ntouch pwned', // a second row, a second script line
	cr: 'f\rOVER',
	bidi: 'g\u202Etxt.exe',
	long: `h${'x'.repeat(4096)}`,
};

/** What must never appear in output: a raw ESC, BEL, C1 CSI, CR, or bidi override from a name. */
const RAW_FROM_NAMES = /\u001B\]|\u0007|\u009B|\r|\u202E|\u001B\[2J|\u001B\[31mRED|\u001Bc/;

const world = new WorldBuilder()
	.namespace('host')
	.namespace(HOSTILE.osc)
	.namespace(HOSTILE.nl)
	.veth(`${HOSTILE.osc}/${HOSTILE.csi}`, `host/${HOSTILE.bidi}`)
	.veth(`${HOSTILE.nl}/${HOSTILE.clip}`, `${HOSTILE.nl}/${HOSTILE.c1}`)
	.veth(`host/${HOSTILE.cr}`, `host/${HOSTILE.long}`)
	.build();

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

describe('hostile names', () => {
	it('shown(): every control and bidi character visible, printable text unchanged', () => {
		expect(shown(HOSTILE.osc)).toBe('a␛]0;PWNED␇');
		expect(shown(HOSTILE.nl)).toBe('e␊touch pwned');
		expect(shown(HOSTILE.c1)).toBe('d⟨U+009B⟩31mX');
		expect(shown(HOSTILE.bidi)).toBe('g⟨U+202E⟩txt.exe');
		expect(shown('ns1 → br0 │ ✓ 名前')).toBe('ns1 → br0 │ ✓ 名前');
	});

	it.each([
		['the panes', []],
		['the detail view', [KEYS.tab, KEYS.enter]],
		['the topology map', ['t']],
		['the delete preview', [KEYS.tab, 'd']],
		['the help overlay', ['?']],
	])('in %s: no raw control sequence, every row in place', async (_where, keys) => {
		const app = render(<App system={createFakeSystem(world, [])} size={{columns: 100, rows: 30}} />);
		unmount = app.unmount;
		await waitForFrame(app, 'Namespaces (3)');
		await settle();
		for (const key of [...keys, 'j']) await press(app, key);
		await settle();
		for (const frame of app.frames) expect(frame).not.toMatch(RAW_FROM_NAMES);
		const last = app.lastFrame() ?? '';
		expect(last.split('\n')).toHaveLength(30);
		expect(app.frames.join('\n')).toContain('a␛]0;PWNED␇');
	});

	it('in show text, DOT and mermaid', () => {
		const topology = buildTopology(world);
		for (const out of [worldToText(world, topology), toDot(world, topology), toMermaid(world, topology)]) {
			expect(out).not.toMatch(RAW_FROM_NAMES);
			expect(out).toContain('a␛]0;PWNED␇');
		}
		expect(worldToText(world, topology).split('\n').some((line) => line.startsWith('touch pwned'))).toBe(false);
	});

	it('in an exported script and --log: no injected line, no raw byte; the command is left out, said so', () => {
		const entries: LogEntry[] = [
			{argv: ['ip', 'netns', 'add', HOSTILE.nl], status: 'ok', plan: `Create namespace ${HOSTILE.nl}`, at: new Date(0)},
			{argv: ['ip', 'link', 'del', 'dev', HOSTILE.osc], status: 'failed', error: 'no', plan: 'x', at: new Date(0)},
			{argv: ['ip', 'netns', 'add', 'ns1'], status: 'ok', plan: 'Create namespace ns1', at: new Date(0)},
		];
		const script = logToScript(entries);
		expect(script).not.toMatch(RAW_FROM_NAMES);
		expect(script.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'))).toEqual(['set -e', 'ip netns add ns1']);
		expect(script).toContain("# left out, a word holds control characters: ip netns add 'e␊touch pwned'");
		for (const entry of entries) {
			const line = logLine(entry);
			expect(line).not.toMatch(RAW_FROM_NAMES);
			expect(line.trimEnd().split('\n')).toHaveLength(1);
		}
	});
});
