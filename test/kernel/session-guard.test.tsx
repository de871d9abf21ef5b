// The guard against locking yourself out, against the kernel: SSH_CONNECTION is faked to a session that
// comes in over a veth of the sandbox's host. Space on that veth warns and wants the name typed; after it
// runs, the change is undone by itself unless kept with k; setting the session's only link down leaves no
// route to the client, so it is undone at once (guard-revert.test.ts drives the countdown and the job).
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {render} from 'ink-testing-library';
import {afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {App} from '../../source/app.js';
import {createRealSystem} from '../../source/system/system.js';
import {selectRow} from '../support/drive.js';
import {KEYS, press, waitForFrame, type Rendered} from '../support/ink.js';
import {ipJson, requireSandbox, resetWorld, sh} from '../support/sandbox.js';

let unmount: (() => void) | undefined;
const saved = process.env.SSH_CONNECTION;
const savedState = process.env.XDG_STATE_HOME;
beforeAll(requireSandbox);
beforeEach(async () => {
	await resetWorld();
	// The revert job's files (system/revert-job.ts), away from the user's own state.
	process.env.XDG_STATE_HOME = mkdtempSync(join(tmpdir(), 'nsdeck-guard-state-'));
	// The "server" end in the host holds 10.66.0.1; the "client" in namespace laptop holds 10.66.0.2.
	await sh('ip', 'netns', 'add', 'laptop');
	await sh('ip', 'link', 'add', 'name', 'uplink', 'type', 'veth', 'peer', 'name', 'wire');
	await sh('ip', 'link', 'set', 'dev', 'wire', 'netns', 'laptop');
	await sh('ip', 'addr', 'add', '10.66.0.1/24', 'dev', 'uplink');
	await sh('ip', '-n', 'laptop', 'addr', 'add', '10.66.0.2/24', 'dev', 'wire');
	await sh('ip', 'link', 'set', 'dev', 'uplink', 'up');
	await sh('ip', '-n', 'laptop', 'link', 'set', 'dev', 'wire', 'up');
	await sh('ip', 'link', 'add', 'name', 'spare', 'type', 'veth', 'peer', 'name', 'spare2');
	await sh('ip', 'link', 'set', 'dev', 'spare', 'up');
	process.env.SSH_CONNECTION = '10.66.0.2 53122 10.66.0.1 22';
});
afterEach(() => {
	unmount?.();
	rmSync(process.env.XDG_STATE_HOME ?? '', {recursive: true, force: true});
	if (savedState === undefined) delete process.env.XDG_STATE_HOME;
	else process.env.XDG_STATE_HOME = savedState;
	if (saved === undefined) delete process.env.SSH_CONNECTION;
	else process.env.SSH_CONNECTION = saved;
});

const KEEP_SECONDS = 2;
const adminUp = async (name: string): Promise<boolean> => (await ipJson<{flags: string[]}>('link', 'show', 'dev', name))[0].flags.includes('UP');

async function spaceOn(name: string): Promise<Rendered> {
	const app = render(<App system={createRealSystem({lab: true})} size={{columns: 110, rows: 40}} keepSeconds={KEEP_SECONDS} />);
	unmount = app.unmount;
	await waitForFrame(app, 'Namespaces (2)', 8000);
	await press(app, KEYS.tab);
	await selectRow(app, name);
	await press(app, KEYS.space);
	await waitForFrame(app, `Set ${name} down in host`);
	return app;
}

async function typeNameAndRun(app: Rendered, name: string): Promise<void> {
	await press(app, KEYS.enter);
	await waitForFrame(app, `✗ type ${name} first`);
	expect(await adminUp(name)).toBe(true);
	for (const ch of name) await press(app, ch);
	await waitForFrame(app, `Type ${name} to go ahead: ${name}▏ ✓`);
	await press(app, KEYS.enter);
}

describe('the SSH lockout guard', () => {
	it('Space on the session’s interface warns, wants its name, and the link stays up until then', async () => {
		const app = await spaceOn('uplink');
		const frame = app.lastFrame() ?? '';
		expect(frame).toContain('your SSH session from 10.66.0.2 to 10.66.0.1 runs over uplink');
		expect(frame).toContain('Type uplink to go ahead');
		await press(app, KEYS.escape);
		expect(await adminUp('uplink')).toBe(true);
	});

	it('run, it leaves no route to the client: the revert job undoes it at once', async () => {
		const app = await spaceOn('uplink');
		await typeNameAndRun(app, 'uplink');
		await waitForFrame(app, /↺ Set uplink down in host: undone \(no route to 10\.66\.0\.2 from 10\.66\.0\.1 was left\) · \d+ commands/, 20_000);
		expect(await adminUp('uplink')).toBe(true);
	});

	it('an interface off the session’s path asks as usual, with no name and no countdown', async () => {
		const app = await spaceOn('spare');
		expect(app.lastFrame()).not.toContain('SSH session');
		await press(app, KEYS.enter);
		await waitForFrame(app, 'Sure? Enter again');
		await press(app, KEYS.enter);
		await waitForFrame(app, '✓ Set spare down in host');
		expect(app.lastFrame()).not.toContain('Undone in');
		expect(await adminUp('spare')).toBe(false);
	});
});
