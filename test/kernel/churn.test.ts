// 2,000 namespaces created and 5,000 link flaps from outside while `nsdeck lab` is open (bench/churn.mjs,
// in a sandbox of its own): besides its long-lived children — the helper's watch and, while rates show, the
// helper serving counters, one process each whatever the number of namespaces — the app has at most one
// read running at once, and is back to the long-lived ones alone within 2 s of the last change.
import {spawnSync} from 'node:child_process';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {beforeAll, describe, expect, it} from 'vitest';
import {BUNDLE} from '../support/tmux.js';
import {requireSandbox} from '../support/sandbox.js';

const CHURN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench', 'churn.mjs');

beforeAll(requireSandbox);

describe('churn from outside', () => {
	it('at most one read beside the long-lived watch and counters, settled within 2 s', {timeout: 120_000}, () => {
		const env = {...process.env};
		delete env.NSDECK_SANDBOX; // a sandbox of its own, nested in this one
		const out = spawnSync(process.execPath, [BUNDLE, 'sandbox', '--', process.execPath, CHURN], {env, encoding: 'utf8', timeout: 110_000});
		const line = out.stdout.split('\n').find((l) => l.startsWith('CHURN '));
		expect(line, out.stderr).toBeDefined();
		const churn = JSON.parse(line!.slice('CHURN '.length)) as {mostChildren: number; baselineChildren: number; settledMs?: number; lab: boolean};
		expect(churn.lab).toBe(true);
		expect(churn.baselineChildren).toBeLessThanOrEqual(2);
		expect(churn.mostChildren - churn.baselineChildren).toBeLessThanOrEqual(1);
		expect(churn.settledMs).toBeLessThan(2000);
	});
});
