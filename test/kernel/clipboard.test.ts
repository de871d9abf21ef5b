// Copy inside tmux (issue 27): tmux ≥ 3.3 as installed lets no program reach the clipboard, so nsdeck
// says what to set instead of claiming it sent something; with set-clipboard on, tmux's own buffer holds
// what was copied.
import {afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {requireSandbox, resetWorld} from '../support/sandbox.js';
import {BUNDLE, startInTmux, type Tmux} from '../support/tmux.js';

let term: Tmux | undefined;
beforeAll(requireSandbox);
beforeEach(resetWorld);
afterEach(async () => {
	await term?.kill();
	term = undefined;
});

describe('y in the command log, inside tmux', () => {
	it('says what to set while tmux blocks the clipboard, and fills tmux’s buffer once set-clipboard is on', async () => {
		term = await startInTmux([process.execPath, BUNDLE], 100, 30);
		const t = term;
		await t.waitFor('Namespaces (1)');
		await t.keys('n');
		await t.waitFor('New namespace');
		await t.type('cb1');
		await t.keys('Enter');
		await t.waitFor('✓ Create namespace cb1');
		await t.keys('l');
		await t.waitFor('ip netns add cb1');
		await t.keys('y');
		await t.waitFor('✗ not copied: tmux blocks it; run `tmux set -g set-clipboard on`, then copy again');
		await t.tmux('set-option', '-g', 'set-clipboard', 'on');
		await t.keys('y');
		// The new namespace's two commands: ip netns add, and lo up.
		await t.waitFor("copied 2 commands as a script into tmux's buffer (prefix ] pastes it)");
		expect(await t.tmux('show-buffer')).toContain('ip netns add cb1\nip -n cb1 link set dev lo up\n');
	});
});
