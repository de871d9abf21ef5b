// The tutorial beside the panes, over the fake system's captured world: steps marked from their checks,
// the current step's goal and commands, hints on h, hidden and shown with T; below the panes at 80x24 and
// beside them at 200x50; and, when every step holds, the commands the learner ran.
import {describe, expect, it} from 'vitest';
import {builtinTutorials, findTutorial} from '../../source/plans/builtin-tutorials.js';
import {wrapByWidth} from '../../source/model/text-width.js';
import {readTutorial} from '../../source/model/tutorial/validate.js';
import {startProgress} from '../../source/state/tutorial-progress.js';
import {tutorialLines} from '../../source/ui/tutorial-panel.js';
import {press, waitForFrame} from '../support/ink.js';
import {startApp} from '../support/start-app.js';

const tutorial = (second: object) =>
	readTutorial('test.json', 'test', {
		title: 'Test tutorial',
		summary: 'For the panel',
		steps: [
			{goal: 'Have ns1.', commands: ['ip netns add ns1'], hints: ['press n'], check: {namespace: 'ns1'}},
			{goal: 'Have nine.', explain: 'Why nine.', commands: ['ip netns add nine'], hints: ['press n, type nine', 'then Enter'], check: second},
		],
	});

describe('the tutorial panel', () => {
	it.each([
		[80, 24],
		[200, 50],
	])('at %dx%d marks the steps that hold and shows the current one', async (columns, rows) => {
		const {app} = await startApp({size: {columns, rows}, props: {tutorial: tutorial({namespace: 'nine'})}});
		const frame = await waitForFrame(app, 'Test tutorial · 1/2');
		expect(frame).toContain('Step 2: Have nine.');
		expect(frame).toContain('$ ip netns add nine');
		expect(frame).toContain('h: a hint');
		expect(frame).toContain('✓ 1 Have ns1.');
		expect(frame).toContain('▶ 2 Have nine.');
		// Beside the panes when wide: the namespaces pane's first row and the tutorial's share a line.
		const beside = frame.split('\n').some((line) => line.includes('Namespaces (3)') && line.includes('Test tutorial'));
		expect(beside).toBe(columns === 200);
		for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(columns);
		expect(frame.split('\n').length).toBeLessThanOrEqual(rows);
	});

	it('at 80x24 makes room for a form: every field of the veth form shows, with the tutorial still in sight', async () => {
		const {app} = await startApp({size: {columns: 80, rows: 24}, props: {tutorial: tutorial({namespace: 'nine'})}});
		await waitForFrame(app, 'Test tutorial · 1/2');
		await press(app, 'v');
		const frame = await waitForFrame(app, 'Add a veth pair');
		for (const label of ['End 1 in', 'End 1 name', 'End 1 address', 'End 1 bridge', 'End 2 in', 'End 2 name', 'End 2 address', 'End 2 bridge', 'Bring both up']) expect(frame).toContain(label);
		expect(frame).toContain('It will run:');
		expect(frame).toContain('Test tutorial · 1/2');
		expect(frame).toContain('Step 2: Have nine.');
		expect(frame.split('\n').length).toBeLessThanOrEqual(24);
	});

	it('shows one more hint per h, then no more', async () => {
		const {app} = await startApp({size: {columns: 200, rows: 50}, props: {tutorial: tutorial({namespace: 'nine'})}});
		await waitForFrame(app, 'Test tutorial');
		await press(app, 'h');
		let frame = await waitForFrame(app, 'Hint: press n, type nine');
		expect(frame).not.toContain('Hint: then Enter');
		await press(app, 'h');
		frame = await waitForFrame(app, 'Hint: then Enter');
		expect(frame).not.toContain('h: a hint');
	});

	it('hides with T and comes back with T', async () => {
		const {app} = await startApp({size: {columns: 80, rows: 24}, props: {tutorial: tutorial({namespace: 'nine'})}});
		await waitForFrame(app, 'Test tutorial');
		await press(app, 'T');
		await waitForFrame(app, /^(?![\s\S]*Test tutorial)/);
		await press(app, 'T');
		await waitForFrame(app, 'Test tutorial');
	});

	it('when every step holds, says so', async () => {
		const {app} = await startApp({size: {columns: 200, rows: 50}, props: {tutorial: tutorial({namespace: 'ns2'})}});
		await waitForFrame(app, '✓ Every step holds. The commands you ran');
	});

	it("picks out the current step's interfaces on the map", async () => {
		const t = readTutorial('test.json', 'test', {
			title: 'Map tutorial',
			summary: 'S',
			steps: [{goal: 'Look at the bridge.', commands: ['ip link'], check: {namespace: 'nine'}, focus: [{ns: 'host', name: 'br0'}, {ns: 'ns1', name: 'veth_ns1'}]}],
		});
		const {app} = await startApp({size: {columns: 200, rows: 50}, props: {tutorial: t}});
		await waitForFrame(app, 'Map tutorial');
		await press(app, 't');
		await waitForFrame(app, 'step: br0 (host), veth_ns1 (ns1)');
	});

	it('without a tutorial, shows none and offers no tutorial keys', async () => {
		const {app} = await startApp({size: {columns: 200, rows: 50}});
		const frame = await waitForFrame(app, 'Namespaces (3)');
		expect(frame).not.toContain('hint');
	});
});

describe('tutorialLines', () => {
	it('with little room, puts the steps on one line of marks and keeps the current step whole', () => {
		const t = tutorial({namespace: 'nine'});
		const lines = tutorialLines(startProgress(t, 0), [true, false], [], 40, 5).map((l) => l.text);
		expect(lines).toEqual(['Test tutorial · 1/2', '✓▶', 'Step 2: Have nine.', '  $ ip netns add nine', 'h: a hint']);
	});

	it.each(builtinTutorials().flatMap((t) => t.steps.map((_, i) => [t.name, i + 1, t] as const)))(
		'%s step %d at 80x24: the goal, and a hint once asked for, are in the panel',
		(_name, number, t) => {
			const index = number - 1;
			const step = t.steps[index];
			const statuses = t.steps.map((_, j) => j < index);
			// Below the panes at 80x24: 78 columns, 7 rows inside the border.
			const without = tutorialLines(startProgress(t, 0), statuses, [], 78, 7).map((l) => l.text);
			expect(without.join(' ')).toContain(`Step ${number}: ${step.goal}`.split(' ').slice(0, 6).join(' '));
			const withHints = tutorialLines({...startProgress(t, 0), hints: {[index]: step.hints.length}}, statuses, [], 78, 7).map((l) => l.text);
			expect(withHints.some((l) => l.startsWith('Hint: '))).toBe(true);
			// Each command the step teaches, while there is room for the title, the goal and them.
			const goalRows = wrapByWidth(`Step ${number}: ${step.goal}`, 78).length;
			if (1 + goalRows + step.commands.length <= 7) for (const c of step.commands) expect(without.join('\n')).toContain(c.split(' ').slice(0, 4).join(' '));
		},
	);

	it('wraps a command too long for the panel under itself, never cutting it', () => {
		const t = tutorial({namespace: 'nine'});
		const lines = tutorialLines(startProgress(t, 0), [true, false], [], 20, 20).map((l) => l.text);
		expect(lines).toContain('  $ ip netns add');
		expect(lines[lines.indexOf('  $ ip netns add') + 1]).toBe('    nine');
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(20);
	});

	it('in two rows (beside an open form), the marks join the title and the goal follows', () => {
		const t = tutorial({namespace: 'nine'});
		const lines = tutorialLines(startProgress(t, 0), [true, false], [], 40, 2).map((l) => l.text);
		expect(lines).toEqual(['Test tutorial · 1/2  ✓▶', 'Step 2: Have nine.']);
	});
});

describe('L in the lab: the tutorials', () => {
	// In a lab whose world fits them (the default lab's does not: test/ui/tutorial-lab.test.tsx).
	it('opens one without a setup of its own at once', async () => {
		const {app, system} = await startApp({size: {columns: 200, rows: 50}, world: 'pair'});
		await press(app, 'L');
		await waitForFrame(app, 'Tutorials: ↑↓ choose');
		await press(app, 'j');
		await press(app, '\r');
		await waitForFrame(app, 'Two namespaces joined by a veth pair · ');
		expect(system.calls).toEqual([]);
	});

	it('runs the setup of one that starts from its own world as a plan, shown first, then opens it', async () => {
		const router = findTutorial('5-router');
		if (!router) throw new Error('no tutorial 5');
		const {app, system} = await startApp({size: {columns: 200, rows: 50}, world: 'pair', expected: router.setup.map((argv) => ({argv}))});
		await press(app, 'L');
		await waitForFrame(app, 'Tutorials: ↑↓ choose');
		for (let i = 0; i < 4; i++) await press(app, 'j');
		const frame = await waitForFrame(app, `choosing it runs ${router.setup.length} commands`);
		expect(frame).toContain('ip netns add router');
		await press(app, '\r');
		await waitForFrame(app, 'A router namespace between two subnets · ');
		expect(system.pending()).toEqual([]);
	});
});
