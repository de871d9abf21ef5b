// 2,000 namespaces created and 5,000 link flaps from outside while `nsdeck lab` is open (bench/churn.mjs,
// in a sandbox of its own): the app never has more than two children at once (ip monitor and one read),
// and is back to ip monitor alone within 2 s of the last change.
import {spawnSync} from 'node:child_process';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {beforeAll, describe, expect, it} from 'vitest';
import {BUNDLE} from '../support/tmux.js';
import {requireSandbox} from '../support/sandbox.js';

const CHURN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench', 'churn.mjs');

beforeAll(requireSandbox);

describe('churn from outside', () => {
	it('at most two children at once, settled within 2 s', {timeout: 120_000}, () => {
		const env = {...process.env};
		delete env.NSDECK_SANDBOX; // a sandbox of its own, nested in this one
		const out = spawnSync(process.execPath, [BUNDLE, 'sandbox', '--', process.execPath, CHURN], {env, encoding: 'utf8', timeout: 110_000});
		const line = out.stdout.split('\n').find((l) => l.startsWith('CHURN '));
		expect(line, out.stderr).toBeDefined();
		const churn = JSON.parse(line!.slice('CHURN '.length)) as {mostChildren: number; settledMs?: number; lab: boolean};
		expect(churn.lab).toBe(true);
		expect(churn.mostChildren).toBeLessThanOrEqual(2);
		expect(churn.settledMs).toBeLessThan(2000);
	});
});
