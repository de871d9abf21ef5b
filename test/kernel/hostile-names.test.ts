// Namespaces and interfaces named with escape sequences, made in the kernel: the app's raw terminal output
// (the bytes a real terminal would obey) holds none of them, only their visible forms.
import {afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {PtyApp} from '../../bench/pty.mjs';
import {BUNDLE} from '../support/tmux.js';
import {requireSandbox, resetWorld, sh} from '../support/sandbox.js';

const NS = 'x\u001B]0;PWNED\u0007';
const LINK = 'v\u001B[31mRED';
const PEER = 'p\u001B]52;c;QQ\u0007';

let app: PtyApp | undefined;
beforeAll(requireSandbox);
beforeEach(async () => {
	await resetWorld();
	await sh('ip', 'netns', 'add', NS);
	await sh('ip', 'link', 'add', 'name', LINK, 'type', 'veth', 'peer', 'name', PEER);
});
afterEach(async () => {
	await app?.stop();
	app = undefined;
	await resetWorld();
});

describe('hostile names from the kernel, in a real terminal', () => {
	it('reach the pty only in their visible forms', async () => {
		app = new PtyApp([process.execPath, BUNDLE], {columns: 100, rows: 30});
		await app.waitFor('x␛]0;PWNED␇', 0, 10_000);
		await app.waitFor('v␛[31mRED', 0, 10_000);
		app.write('\t');
		app.write('t');
		await app.waitFor('p␛]52;c;QQ␇', 0, 10_000);
		await app.quiet(300);
		const raw = app.output;
		expect(raw).not.toContain('\u001B]0;PWNED');
		expect(raw).not.toContain('\u001B]52;c;QQ');
		expect(raw).not.toContain('\u001B[31mRED');
		expect(raw).not.toContain('\u0007');
	});
});
