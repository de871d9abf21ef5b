// The command log, exported as a script, over hostile names: `sh -n` accepts it, and running it in the
// sandbox runs the intended ip commands and nothing else (no injected line, no command substitution).
import {existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {beforeAll, beforeEach, describe, expect, it} from 'vitest';
import type {LogEntry} from '../../source/plans/run-plan.js';
import {logToScript} from '../../source/plans/script.js';
import {runCommand} from '../../source/system/runner.js';
import {requireSandbox, resetWorld} from '../support/sandbox.js';

beforeAll(requireSandbox);
beforeEach(resetWorld);

describe('an exported script over hostile names', () => {
	it('passes sh -n, and runs only the intended commands', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'nsdeck-script-'));
		// Names cannot hold '/': the injected commands touch files in the script's working directory.
		const pwned = (n: number): string => `pwned${n}`;
		const entry = (argv: string[], plan: string): LogEntry => ({argv, status: 'ok', plan, at: new Date(0)});
		const entries = [
			entry(['ip', 'netns', 'add', `q$(touch ${pwned(1)})`], `Create namespace q$(touch ${pwned(1)})`),
			entry(['ip', 'netns', 'add', `it's;touch ${pwned(2)}`], 'Create a namespace with a quote'),
			entry(['ip', 'netns', 'add', `nl\ntouch ${pwned(3)}`], `Create namespace nl\ntouch ${pwned(4)}`),
			entry(['ip', 'netns', 'add', 'plain'], 'Create namespace plain'),
		];
		const script = join(dir, 'log.sh');
		writeFileSync(script, logToScript(entries));
		const check = await runCommand(['sh', '-n', script]);
		expect(check.exitCode, check.stderr).toBe(0);
		const ran = await runCommand(['sh', '-c', 'cd "$1" && sh log.sh', 'sh', dir]);
		expect(ran.exitCode, ran.stderr).toBe(0);
		for (const n of [1, 2, 3, 4]) expect(existsSync(join(dir, pwned(n))), `pwned${n}`).toBe(false);
		expect(readdirSync('/run/netns').sort()).toEqual([`it's;touch ${pwned(2)}`, 'plain', `q$(touch ${pwned(1)})`].sort());
		rmSync(dir, {recursive: true});
	});
});
