// `npm run demo` twice gives the same demo.cast byte for byte, and the recording ends on the topology of
// ns1 and ns2. (The recorder runs `nsdeck lab empty`: a sandbox inside the test's sandbox.)
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {beforeAll, describe, expect, it} from 'vitest';
import {runCommand} from '../../source/system/runner.js';
import {requireSandbox} from '../support/sandbox.js';

const RECORDER = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scripts', 'record-demo.mjs');

beforeAll(requireSandbox);

describe('demo.cast', () => {
	it('is reproducible and ends on the topology', {timeout: 180_000}, async () => {
		const dir = mkdtempSync(join(tmpdir(), 'nsdeck-demo-'));
		const [first, second] = [join(dir, 'a.cast'), join(dir, 'b.cast')];
		for (const out of [first, second]) {
			const result = await runCommand([process.execPath, RECORDER, out], {timeoutMs: 90_000});
			expect(result.stderr).toBe('');
			expect(result.exitCode).toBe(0);
		}
		const text = readFileSync(first, 'utf8');
		expect(readFileSync(second, 'utf8')).toBe(text);

		const [header, ...events] = text.trim().split('\n').map((line) => JSON.parse(line) as unknown);
		expect(header).toMatchObject({version: 2, width: 100, height: 30});
		const times = events.map((e) => (e as [number])[0]);
		expect(times).toEqual([...times].sort((a, b) => a - b));
		expect(times.at(-1)).toBeLessThanOrEqual(60);
		const last = ((events.at(-1) as [number, string, string])[2]).replaceAll(/\u001B\[[0-9;]*[A-Za-z]/g, '');
		expect(last).toContain('Topology');
		expect(last).toMatch(/veth_ns1 +veth +UP +10\.1\.1\.1\/24 +→ ns2\/veth_ns2/);
		expect(last).toMatch(/veth_ns2 +veth +UP +10\.1\.1\.2\/24 +→ ns1\/veth_ns1/);
	});
});
