// Issue 27, items 1, 3 and 4: L in the default lab offers to reset the lab to a tutorial's world (a plan
// shown first) or names the fresh lab to open, instead of opening one half done or failing its setup; the
// tutorial panel scrolls with its own keys and gets the width its title needs beside the panes; pings typed
// in a shell are said not to count, and a shell opened is named in the commands the learner ran.
import {describe, expect, it} from 'vitest';
import {findTutorial} from '../../source/plans/builtin-tutorials.js';
import type {Tutorial} from '../../source/model/tutorial/types.js';
import {tutorialResetPlan} from '../../source/plans/tutorial-setup-plan.js';
import type {LogEntry} from '../../source/plans/run-plan.js';
import {startProgress} from '../../source/state/tutorial-progress.js';
import {PINGS_NOT_SEEN, tutorialView} from '../../source/ui/tutorial-panel.js';
import {fixtureWorld} from '../support/fixtures.js';
import {press, waitForFrame} from '../support/ink.js';
import {startApp} from '../support/start-app.js';

const tutorial = (name: string): Tutorial => {
	const found = findTutorial(name);
	if (!found) throw new Error(`no tutorial ${name}`);
	return found;
};

describe('L in the default lab', () => {
	it('does not open tutorial 2 half done: it says why, and resets the lab first, as a plan shown before it runs', async () => {
		const veth = tutorial('2');
		const reset = tutorialResetPlan(veth, fixtureWorld('bridge'));
		const {app, system} = await startApp({size: {columns: 80, rows: 24}, expected: reset.steps.map((s) => ({argv: s.argv}))});
		await press(app, 'L');
		await press(app, 'j');
		let frame = await waitForFrame(app, 'This lab does not fit its start');
		expect(frame).toContain('ns1 and ns2 are here already');
		expect(frame).toContain('nsdeck tutorial 2');
		await press(app, '\r');
		frame = await waitForFrame(app, 'Reset the lab for tutorial 2');
		expect(frame).toContain('ip netns delete ns1');
		expect(frame).not.toContain('Two namespaces joined by a veth pair · ');
		expect(system.calls).toEqual([]);
		// Enter pages through a plan longer than the form has room for; then, as it takes away, it asks again.
		for (let i = 0; i < 6 && !app.lastFrame()?.includes('Sure?'); i++) await press(app, '\r');
		await waitForFrame(app, 'Sure?');
		expect(system.calls).toEqual([]);
		await press(app, 'y');
		await waitForFrame(app, 'Two namespaces joined by a veth pair · ');
		expect(system.pending()).toEqual([]);
	});

	it('a setup that fails says why, in a header that fits, and opens no tutorial', async () => {
		const router = tutorial('5');
		const {app} = await startApp({
			size: {columns: 80, rows: 24},
			world: 'pair',
			expected: [{argv: router.setup[0], result: {exitCode: 1, stderr: 'Cannot create namespace file "/run/netns/ns1": File exists'}}],
		});
		await press(app, 'L');
		for (let i = 0; i < 4; i++) await press(app, 'j');
		await press(app, '\r');
		const frame = await waitForFrame(app, 'step 1 of 13 failed');
		expect(frame).toContain('✗ Set up tutorial 5: step 1 of 13 failed — Esc to close');
		expect(frame).toContain('File exists');
		expect(frame).not.toContain(' · 0/5');
	});
});

describe('the tutorial panel at 80x24', () => {
	it('scrolls with J to the why and back with K, and says so on its last row', async () => {
		// In the default lab tutorial 2's first step holds: the second, with three commands and a why, is current.
		const {app} = await startApp({size: {columns: 80, rows: 24}, props: {tutorial: tutorial('2')}});
		let frame = await waitForFrame(app, 'Step 2: Make a veth pair');
		expect(frame).not.toContain('press o on an end');
		expect(frame).toMatch(/↓ \d+ more: J/);
		for (let i = 0; i < 8 && !frame.includes('press o on an end'); i++) {
			await press(app, 'J');
			frame = await waitForFrame(app, 'Two namespaces');
		}
		expect(frame).toContain('to jump to the other).');
		expect(frame).toContain('K back up');
		for (let i = 0; i < 8; i++) await press(app, 'K');
		frame = await waitForFrame(app, 'Step 2: Make a veth pair');
		expect(frame).not.toContain('K back up');
	});

	it.each(['2', '4', '6'].flatMap((name) => tutorial(name).steps.map((_, i) => [name, i] as const)))('tutorial %s step index %d: goal, commands, why and hints all reachable in 7 rows', (name, index) => {
		const t = tutorial(name);
		const step = t.steps[index];
		const progress = {...startProgress(t, 0), hints: {[index]: step.hints.length}};
		const statuses = t.steps.map((_, j) => j < index);
		const seen = new Set<string>();
		const first = tutorialView(progress, statuses, [], 78, 7, 0, true);
		for (let at = 0; at <= first.most; at++) {
			const view = tutorialView(progress, statuses, [], 78, 7, at, true);
			expect(view.lines.length).toBeLessThanOrEqual(7);
			for (const line of view.lines) seen.add(line.text);
		}
		const text = [...seen].join(' ').replaceAll(/\s+/g, ' ');
		const squeeze = (s: string): string => s.replaceAll(/\s+/g, ' ');
		for (const part of [step.goal, step.explain ?? '', ...step.hints, ...step.commands]) expect(text).toContain(squeeze(part).split(' ').slice(-3).join(' '));
	});
});

describe('the tutorial panel in 2 rows (60x15)', () => {
	it('says on its title line that J scrolls to more, and K back', () => {
		const t = tutorial('4');
		const progress = {...startProgress(t, 0), hints: {0: 1}};
		const statuses = t.steps.map(() => false);
		const top = tutorialView(progress, statuses, [], 56, 2, 0, true);
		expect(top.lines[0].text).toMatch(/ J↓$/);
		const end = tutorialView(progress, statuses, [], 56, 2, top.most, true);
		expect(end.lines[0].text).toMatch(/ K↑$/);
		expect(end.lines).toHaveLength(2);
	});
});

describe('the tutorial panel at 120x40', () => {
	it("is as wide as the tutorial's title needs", async () => {
		const {app} = await startApp({size: {columns: 120, rows: 40}, world: 'pair', props: {tutorial: tutorial('5')}});
		await waitForFrame(app, 'A router namespace between two subnets · 0/5');
	});
});

describe('pings typed in a shell', () => {
	it('a step that counts pings says that a ping typed in s is not seen', () => {
		const t = tutorial('4');
		const lines = tutorialView(startProgress(t, 0), [true, true, false, false, false, false], [], 46, 40).lines.map((l) => l.text).join(' ');
		expect(lines).toContain(PINGS_NOT_SEEN.split(' ').slice(0, 6).join(' '));
		const notPing = tutorialView(startProgress(t, 0), [false, false, false, false, false, false], [], 46, 40).lines.map((l) => l.text).join(' ');
		expect(notPing).not.toContain('is not seen');
	});

	it('the commands you ran say where a shell was opened, and that its commands cannot be listed', () => {
		const t = tutorial('1');
		const entry = (argv: string[]): LogEntry => ({argv, status: 'ok', exitCode: 0, plan: 'p', at: new Date(0)});
		const log = [entry(['ip', 'netns', 'add', 'ns1']), entry(['ip', '-n', 'ns1', 'link', 'set', 'dev', 'lo', 'up'])];
		const progress = {...startProgress(t, 3), shells: [{at: 4, ns: 'host'}]};
		const lines = tutorialView(progress, t.steps.map(() => true), log, 76, 40).lines.map((l) => l.text);
		const shell = lines.findIndex((l) => l.includes('a shell (s) in host'));
		expect(lines[shell]).toContain('not seen, so not listed');
		expect(lines.findIndex((l) => l === 'ip netns add ns1')).toBeLessThan(shell);
		expect(lines.findIndex((l) => l.startsWith('ip -n ns1 link set'))).toBeGreaterThan(shell);
	});
});
