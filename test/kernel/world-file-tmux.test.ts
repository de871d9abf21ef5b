// End to end in a real terminal: the app saves the lab's world with W, the world is cleared, A applies the
// file as an ordinary plan, and the topology map is the same as before. And `nsdeck apply` and `destroy`
// on a terminal: the plan, then a question that only `y` answers.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {buildLabScenario, requireSandbox, resetWorld, sh} from '../support/sandbox.js';
import {BUNDLE, startInTmux, type Tmux} from '../support/tmux.js';

let term: Tmux | undefined;
const dir = mkdtempSync(join(tmpdir(), 'nsdeck-world-tmux-'));
beforeAll(requireSandbox);
afterEach(async () => {
	await term?.kill();
	term = undefined;
});
afterAll(() => rmSync(dir, {recursive: true, force: true}));

/** The map without the title bar, the status line and the footer, which say what just happened. */
const mapOf = (screen: string): string => screen.split('\n').slice(1, -3).join('\n');

describe('world files in a real terminal', () => {
	it('W saves the lab, destroy clears it, A applies the file, and the map is the same', async () => {
		await buildLabScenario('bridge');
		term = await startInTmux([process.execPath, BUNDLE], 100, 30);
		const t = term;
		await t.waitFor('Namespaces (3)');
		await t.keys('t');
		const before = mapOf(await t.waitFor('Topology  3 namespaces · 2 veth pairs · 1 bridge'));
		await t.keys('Escape');
		await t.waitFor('Interfaces in host');
		const path = join(dir, 'lab.yaml');
		await t.keys('W');
		await t.waitFor('Save the world (3 namespaces) as a file');
		await t.keys('C-u');
		await t.type(path);
		await t.keys('Enter');
		await t.waitFor(`wrote ${path}`);

		const destroyed = spawnSync(process.execPath, [BUNDLE, 'destroy', path, '--yes'], {encoding: 'utf8'});
		expect(destroyed.status).toBe(0);
		await t.waitFor('Namespaces (1)');

		await t.keys('A');
		await t.waitFor('Apply a world file');
		await t.type(path);
		await t.waitFor('ip netns add ns1');
		await t.keys('Enter');
		await t.waitFor(`✓ Make the world match ${path}`);
		await t.waitFor('Namespaces (3)');
		await t.keys('g', 't');
		const after = mapOf(await t.waitFor('Topology  3 namespaces · 2 veth pairs · 1 bridge'));
		expect(after).toBe(before);
	});

	it('apply and destroy ask on a terminal: anything but y changes nothing', async () => {
		await resetWorld();
		const path = join(dir, 'asked.yaml');
		writeFileSync(path, 'nsdeck: 1\nnamespaces:\n  asked:\n    links: {}\n');
		const namespaces = async (): Promise<string> => sh('ip', 'netns', 'list');
		for (const [command, answer, made] of [
			['apply', 'n', false],
			['apply', 'y', true],
			['destroy', 'Enter', true],
			['destroy', 'y', false],
		] as const) {
			term = await startInTmux(['sh', '-c', `"$0" "$1" ${command} "$2"; echo "exit $?"; sleep 30`, process.execPath, BUNDLE, path], 100, 30);
			await term.waitFor(command === 'apply' ? 'ip netns add asked' : 'ip netns del asked');
			await term.waitFor('? [y/N]');
			await term.keys(answer === 'Enter' ? 'Enter' : answer);
			if (answer !== 'Enter') await term.keys('Enter');
			await term.waitFor(answer === 'y' ? /Done\.\s+exit 0/ : /nothing changed\s+exit 1/);
			expect((await namespaces()).includes('asked'), `${command} ${answer}`).toBe(made);
			await term.kill();
			term = undefined;
		}
	});
});
