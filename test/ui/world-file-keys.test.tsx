// W saves the world shown as a world file; A applies one as an ordinary plan: the form reads the file as
// it is typed, shows the commands, and runs them on Enter.
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {parseWorldFile} from '../../source/model/world-file/parse.js';
import {KEYS, press, waitForFrame} from '../support/ink.js';
import {startApp} from '../support/start-app.js';

const dir = mkdtempSync(join(tmpdir(), 'nsdeck-world-keys-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe('world files in the app', () => {
	it('W writes the world as a file that reads back', async () => {
		const {app, system} = await startApp({size: {columns: 100, rows: 30}});
		await press(app, 'W');
		await waitForFrame(app, 'Save the world (3 namespaces) as a file');
		await press(app, '\u0015');
		const path = join(dir, 'saved.yaml');
		await press(app, path);
		await press(app, KEYS.enter);
		await waitForFrame(app, `wrote ${path} (3 namespaces)`);
		const file = parseWorldFile(path, readFileSync(path, 'utf8'));
		expect(file.namespaces.map((n) => n.name)).toEqual(['host', 'ns1', 'ns2']);
		expect(file.namespaces[0].links.find((l) => l.name === 'br0')).toMatchObject({kind: 'bridge', addresses: ['10.1.1.4/24']});
		expect(system.calls).toEqual([]);
	});

	it('W says it runs no command, where a plan would list them', async () => {
		const {app} = await startApp({size: {columns: 100, rows: 30}});
		await press(app, 'W');
		const frame = await waitForFrame(app, 'nsdeck apply FILE (or A) makes');
		expect(frame).toContain('It runs no command:');
		expect(frame).not.toContain('It will run:');
	});

	it('A shows the plan a file needs, and runs it as a plan', async () => {
		const path = join(dir, 'more.yaml');
		writeFileSync(path, 'nsdeck: 1\nnamespaces:\n  ns9:\n    links:\n      lo: {external: true, up: true}\n');
		const {app, system} = await startApp({
			size: {columns: 100, rows: 30},
			expected: [{argv: ['ip', 'netns', 'add', 'ns9']}, {argv: ['ip', '-n', 'ns9', 'link', 'set', 'dev', 'lo', 'up']}],
		});
		await press(app, 'A');
		await waitForFrame(app, 'Apply a world file');
		await press(app, path);
		const frame = await waitForFrame(app, 'ip -n ns9 link set dev lo up');
		expect(frame).toContain('ip netns add ns9');
		await press(app, KEYS.enter);
		await waitForFrame(app, '✓');
		expect(system.calls).toEqual([
			['ip', 'netns', 'add', 'ns9'],
			['ip', '-n', 'ns9', 'link', 'set', 'dev', 'lo', 'up'],
		]);
	});

	it("A names a file's mistake with its line, and runs nothing", async () => {
		const path = join(dir, 'bad.yaml');
		writeFileSync(path, 'nsdeck: 1\nnamespaces:\n  ns9:\n    lnks: {}\n');
		const {app, system} = await startApp({size: {columns: 120, rows: 30}});
		await press(app, 'A');
		await press(app, path);
		await waitForFrame(app, /bad\.yaml:4: namespaces\.ns9\.lnks: unknown key/);
		await press(app, KEYS.enter);
		expect(system.calls).toEqual([]);
	});

	it('A refuses a file that needs a kind this kernel cannot make, with the reason, and runs nothing', async () => {
		const path = join(dir, 'dummy.yaml');
		writeFileSync(path, 'nsdeck: 1\nnamespaces:\n  ns9:\n    links:\n      d0: {kind: dummy}\n');
		const {app, system} = await startApp({size: {columns: 120, rows: 30}});
		const asked: string[][] = [];
		Object.assign(system, {
			cannotMake: async (kinds: readonly string[]) => {
				asked.push([...kinds]);
				return new Map([['dummy', 'Error: Unknown device type.']]);
			},
		});
		await press(app, 'A');
		await press(app, path);
		await press(app, KEYS.enter);
		await waitForFrame(app, 'ns9/d0: this kernel cannot make a dummy link (Error: Unknown device type.)');
		expect(asked).toHaveLength(1);
		expect(system.calls).toEqual([]);
	});
});
