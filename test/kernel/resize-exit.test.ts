// After the terminal grows under the app, quitting gives the user's shell back as it was: tmux, leaving
// the alternate screen at a new size, folds what is left on that screen into the shell's lines.
import {afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {BUNDLE, startInTmux, type Tmux} from '../support/tmux.js';
import {requireSandbox, resetWorld} from '../support/sandbox.js';

let term: Tmux | undefined;
beforeAll(requireSandbox);
// `nsdeck lab` inside the test sandbox builds its scenario here: on what earlier tests left, br0 exists.
beforeEach(resetWorld);
afterEach(async () => {
	await term?.kill();
	term = undefined;
});

describe('quitting after the terminal grew', () => {
	it('leaves the shell lines in place, with no fragment of a frame among them', async () => {
		term = await startInTmux(['bash', '--norc', '--noprofile'], 80, 24);
		const t = term;
		await t.type('for i in $(seq 1 30); do echo shell line $i; done');
		await t.keys('Enter');
		await t.waitFor('shell line 30');
		await t.type(`'${process.execPath}' '${BUNDLE}' lab`);
		await t.keys('Enter');
		await t.waitFor('Namespaces (3)');
		await t.resize(100, 30);
		await t.waitFor(/veth_ns1_br0 +veth +UP/);
		await t.keys('q');
		await t.waitFor(/lab\n.*\$ ?$|lab\n[^\n]*[#$] *$/m);
		const history = await t.history();
		const lines = history.split('\n');
		// Every shell line, in order, one after another; nothing of the app's frame anywhere.
		const first = lines.findIndex((l) => l === 'shell line 1');
		expect(lines.slice(first, first + 30)).toEqual(Array.from({length: 30}, (_, i) => `shell line ${i + 1}`));
		expect(history).not.toMatch(/[║│┌└╔╚]/);
	});
});
