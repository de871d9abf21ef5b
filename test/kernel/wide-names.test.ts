// Names made in the kernel in CJK, with an emoji and with a bidi override, in a real terminal (tmux lays
// out the columns): the panes' rows are as wide as the screen and the map's boxes keep their edges.
import {afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {requireSandbox, resetWorld, sh} from '../support/sandbox.js';
import {expectBoxesAligned, expectPanesFull} from '../support/screen-cells.js';
import {BUNDLE, startInTmux, type Tmux} from '../support/tmux.js';

let term: Tmux | undefined;
beforeAll(requireSandbox);
beforeEach(async () => {
	await resetWorld();
	await sh('ip', 'netns', 'add', '网桥');
	// ip takes any bytes in a name but `/`, blanks and control characters, up to 15 of them.
	await sh('ip', 'link', 'add', 'name', '网桥0', 'type', 'veth', 'peer', 'name', '端口一', 'netns', '网桥');
	await sh('ip', 'link', 'add', 'name', '🐳eth', 'type', 'veth', 'peer', 'name', 'a\u202Eb');
});
afterEach(async () => {
	await term?.kill();
	term = undefined;
	await resetWorld();
});

describe('wide names from the kernel, in a real terminal', () => {
	it.each([
		{columns: 80, rows: 24},
		{columns: 120, rows: 40},
	])('line up in the panes and on the map at $columns x $rows', async (size) => {
		term = await startInTmux([process.execPath, BUNDLE], size.columns, size.rows);
		// tmux's status line takes the window's last row.
		const pane = {columns: size.columns, rows: size.rows - 1};
		await term.waitFor('a⟨U+202E⟩b', 10_000);
		await term.waitFor('网桥0');
		expectPanesFull(await term.screen(), pane);
		await term.keys('j');
		await term.waitFor('Interfaces in 网桥');
		expectPanesFull(await term.waitFor('端口一'), pane);
		await term.keys('t');
		const map = await term.waitFor('Topology');
		expect(map).toContain('→ host/网桥0');
		expectBoxesAligned(map.replace(/\n+$/, ''));
	});
});
