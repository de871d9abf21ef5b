// `x` with a command that leaves a child behind holding its output (a shell's background job, `unshare
// --fork`): Esc stops it all, and a command that ends does not leave its children running either.
import {afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {PtyApp} from '../../bench/pty.mjs';
import {BUNDLE} from '../support/tmux.js';
import {requireSandbox, resetWorld, sh} from '../support/sandbox.js';

let app: PtyApp | undefined;
beforeAll(requireSandbox);
beforeEach(resetWorld);
afterEach(async () => {
	await app?.stop();
	app = undefined;
});

/** Processes whose command line is `sleep SECONDS`, for each of `seconds`. */
const running = async (...seconds: number[]): Promise<string[]> =>
	(await sh('sh', '-c', `pgrep -f '^sleep (${seconds.join('|')})$' || true`)).split('\n').filter(Boolean);

async function runX(command: string): Promise<PtyApp> {
	const started = new PtyApp([process.execPath, BUNDLE], {columns: 100, rows: 30});
	await started.waitFor(/Interfaces in host \([1-9]/, 0, 10_000);
	await started.quiet(300);
	started.write('x');
	await started.waitFor('Run one command in the host', 0, 5000);
	started.write(command);
	await new Promise((resolve) => setTimeout(resolve, 100));
	started.write('\r');
	return started;
}

describe('x and the children of its command', () => {
	it('Esc stops a command whose background child holds its output, and the child with it', async () => {
		app = await runX('sh -c "sleep 301 & exec sleep 302"');
		await app.waitFor('running', 0, 5000);
		expect(await running(301)).toHaveLength(1);
		const from = app.output.length;
		app.write('\u001B');
		await app.waitFor('stopped', from, 5000);
		expect(await running(301, 302)).toEqual([]);
	});

	it('a command that ends takes the children it left with it', async () => {
		app = await runX('sh -c "sleep 303 & echo started"');
		await app.waitFor('exit status 0', 0, 5000);
		expect(await running(303)).toEqual([]);
	});
});
