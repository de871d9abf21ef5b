// The L chooser's lines fit the rows it has, header first, the chosen tutorial always among them.
import {describe, expect, it} from 'vitest';
import {builtinTutorials} from '../../source/plans/builtin-tutorials.js';
import {PICKER_HEADER, pickerLines} from '../../source/ui/overlays/picker-lines.js';

describe('pickerLines', () => {
	const tutorials = builtinTutorials();
	it.each([1, 2, 3, 5, 8, 10, 11, 20, 40])('in %d rows: no more lines than rows, the header first, the chosen one shown', (rows) => {
		for (const lab of [true, false]) {
			for (let cursor = 0; cursor < tutorials.length; cursor++) {
				const lines = pickerLines({tutorials, cursor, lab}, 56, rows);
				expect(lines.length).toBeLessThanOrEqual(rows);
				expect(lines[0].text).toBe(PICKER_HEADER);
				if (rows >= (lab ? 2 : 3)) expect(lines.filter((l) => l.tone === 'chosen')).toHaveLength(1);
				// The summary wraps to the width; commands are cut at the frame (truncate-end), never wrapped over rows.
				for (const line of lines.filter((l) => l.tone === 'plain')) expect([...line.text].length).toBeLessThanOrEqual(56);
			}
		}
	});

	it('shows the setup of one that starts from its own world, counted when it does not fit', () => {
		const router = tutorials.findIndex((t) => t.setup.length > 0);
		const roomy = pickerLines({tutorials, cursor: router, lab: true}, 76, 40).map((l) => l.text);
		expect(roomy).toContain(`It starts from its own world; choosing it runs ${tutorials[router].setup.length} commands:`);
		const tight = pickerLines({tutorials, cursor: router, lab: true}, 76, 14).map((l) => l.text);
		expect(tight.at(-1)).toMatch(/^ {2}… and \d+ more$/);
	});

	it.each([10, 12, 16, 24])('in %d rows, a tutorial the lab does not fit says why and offers the reset and a fresh lab', (rows) => {
		const misfit = {names: ['ns1', 'ns2'], holding: [1]};
		const lines = pickerLines({tutorials, cursor: 1, lab: true, misfit}, 76, rows);
		expect(lines.length).toBeLessThanOrEqual(rows);
		const text = lines.map((l) => l.text).join(' ');
		expect(text).toContain('This lab does not fit its start: ns1 and ns2 are here already; step 1 already holds.');
		if (rows >= 12) expect(text).toContain('Enter: reset the lab to its world');
		if (rows >= 16) expect(text).toContain('nsdeck tutorial 2');
		// Enter runs the reset plan, shown in a form first: the setup is not listed as what Enter runs.
		expect(text).not.toContain('choosing it runs');
	});
});
