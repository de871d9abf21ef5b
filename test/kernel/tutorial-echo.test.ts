// A ping typed in a shell (s) ticks a tutorial step: the `echoed` check reads the target namespace's own
// ICMP counters, which see echo requests from any program. In a real terminal (tmux), the bundle as users run it.
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {BUNDLE, startInTmux} from '../support/tmux.js';
import {requireSandbox, resetWorld} from '../support/sandbox.js';
import {fileScratchDir} from '../support/scratch.js';

const dir = fileScratchDir('tutorial-echo');

beforeAll(async () => {
	requireSandbox();
	await resetWorld();
});
afterAll(resetWorld);

it('a ping typed in s ticks the step that waits for echo requests', async () => {
	const setup = [
		['ip', 'netns', 'add', 'pa'],
		['ip', 'netns', 'add', 'pb'],
		['ip', 'link', 'add', 'name', 'va', 'netns', 'pa', 'type', 'veth', 'peer', 'name', 'vb', 'netns', 'pb'],
		['ip', '-n', 'pa', 'addr', 'add', '10.9.0.1/24', 'dev', 'va'],
		['ip', '-n', 'pb', 'addr', 'add', '10.9.0.2/24', 'dev', 'vb'],
		['ip', '-n', 'pa', 'link', 'set', 'dev', 'va', 'up'],
		['ip', '-n', 'pb', 'link', 'set', 'dev', 'vb', 'up'],
	];
	const step = {goal: 'Ping pb from a shell in pa.', commands: ['ip netns exec pa ping -c 2 10.9.0.2'], hints: [], check: {echoed: {ns: 'pb'}}};
	writeFileSync(join(dir, 'echo.json'), JSON.stringify({title: 'Echo', summary: 'S', setup, steps: [step]}));
	const t = await startInTmux(['sh', '-c', `cd ${dir} && exec ${process.execPath} ${BUNDLE} tutorial ./echo.json`], 100, 30);
	try {
		await t.waitFor('▶ 1');
		await t.waitFor(/ pa /);
		// To pa in the namespaces pane (host, pa, pb), and a shell there.
		await t.keys('j');
		await t.waitFor(/›pa /);
		await t.keys('s');
		await t.waitFor('[netns pa]');
		await t.type('ping -c 2 10.9.0.2');
		await t.keys('Enter');
		await t.waitFor('2 received', 15_000);
		await t.type('exit');
		await t.keys('Enter');
		const screen = await t.waitFor('Every step holds', 10_000);
		expect(screen).not.toContain('▶ 1');
	} finally {
		await t.kill();
	}
});
