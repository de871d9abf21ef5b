// Overlays share the screen with the tutorial panel: at 80x24 the panel takes rows below the panes, and
// what the overlay draws must fit what is left. The L chooser's first item used to overwrite its header
// (a long summary took more rows than the chooser had, and ink shrank the header to nothing).
import {describe, expect, it} from 'vitest';
import {builtinTutorials, findTutorial} from '../../source/plans/builtin-tutorials.js';
import {press, waitForFrame} from '../support/ink.js';
import {startApp} from '../support/start-app.js';

/** The chooser's rows inside its double frame. */
const chooserRows = (frame: string): string[] => {
	const lines = frame.split('\n');
	const top = lines.findIndex((l) => l.startsWith('╔'));
	const bottom = lines.findIndex((l) => l.startsWith('╚'));
	return lines.slice(top + 1, bottom);
};

describe('an overlay beside the tutorial panel', () => {
	// The app is drawn one row shorter than the terminal (use-terminal-size.ts): 80x23 is a terminal of 80x24.
	it.each([
		[80, 23],
		[80, 24],
		[60, 14],
	])('at %dx%d the L chooser keeps its header and each line whole, whichever tutorial is chosen', async (columns, rows) => {
		const tutorial = findTutorial('2-veth-pair');
		if (!tutorial) throw new Error('no tutorial 2');
		const {app} = await startApp({size: {columns, rows}, props: {tutorial}});
		await waitForFrame(app, 'Two namespaces joined by a veth pair · ');
		await press(app, 'L');
		await waitForFrame(app, 'Tutorials: ↑↓ choose');
		await press(app, 'k');
		for (const [index, chosen] of builtinTutorials().entries()) {
			if (index > 0) await press(app, 'j');
			const frame = await waitForFrame(app, new RegExp(`› ${chosen.title}`));
			expect(frame.split('\n'), frame).toHaveLength(rows);
			const inside = chooserRows(frame);
			expect(inside[0], frame).toMatch(/^║ Tutorials: ↑↓ choose/);
			// A tutorial's line is only itself: nothing drawn over it, nor it over anything.
			for (const line of inside.filter((l) => /\(\d+ steps\)/.test(l))) expect(line, frame).toMatch(/^║ [› ] [^(]+ \(\d+ steps\)( · open)? *║$/);
			// The tutorial panel is still there, below the chooser, with its own title.
			expect(frame).toContain('Two namespaces joined by a veth pair · ');
		}
	});
});
