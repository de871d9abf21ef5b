// `x yes`: a command that floods its output. The app keeps answering keys, and its memory stays bounded.
import {readFileSync} from 'node:fs';
import {afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {PtyApp} from '../../bench/pty.mjs';
import {BUNDLE} from '../support/tmux.js';
import {requireSandbox, resetWorld} from '../support/sandbox.js';

let app: PtyApp | undefined;
beforeAll(requireSandbox);
beforeEach(resetWorld);
afterEach(async () => {
	await app?.stop();
	app = undefined;
});

const rssMb = (pid: number): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

describe('x yes', () => {
	it('keys are answered within 500 ms while it floods, and memory stays bounded', async () => {
		app = new PtyApp([process.execPath, BUNDLE], {columns: 100, rows: 30});
		await app.waitFor(/Interfaces in host \([1-9]/, 0, 10_000);
		await app.quiet(300);
		const pid = app.appPid();
		app.write('x');
		await app.waitFor('Run one command in the host', 0, 5000);
		app.write('yes');
		await new Promise((resolve) => setTimeout(resolve, 100));
		app.write('\r');
		await app.waitFor(/lines \d+–\d+ of [1-9]/, 0, 5000);
		// Shown as a flood: more lines than the panel keeps.
		await app.waitFor(/floods: [\d,]+ lines unseen · running/, 0, 5000);
		const rss: number[] = [];
		for (let i = 0; i < 6; i++) {
			await new Promise((resolve) => setTimeout(resolve, 500));
			rss.push(rssMb(pid));
		}
		const from = app.output.length;
		const asked = performance.now();
		app.write('\u001B');
		const answered = await app.waitFor('stopped', from, 5000);
		expect(answered - asked).toBeLessThan(500);
		// Within the app's budget (peak RSS < 150 MB). Measured: 100 to 111 MB, as only the newest 1,000 lines
		// of each chunk become lines; all of them: 124 to 160 MB; the old code grew to 426 MB and stayed.
		expect(Math.max(...rss)).toBeLessThan(150);
	});
});
