// `npm run demo` twice gives the same demo.cast byte for byte; the recording follows tutorial 2 (its
// steps turn ✓ one after another as the world changes, to "Every step holds") and ends on the topology of
// ns1 and ns2. (The recorder runs `nsdeck tutorial 2`: its lab, a sandbox inside the test's sandbox.)
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {beforeAll, describe, expect, it} from 'vitest';
import {runCommand} from '../../source/system/runner.js';
import {requireSandbox} from '../support/sandbox.js';
import {scratchDir} from '../support/scratch.js';

const RECORDER = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scripts', 'record-demo.mjs');

beforeAll(requireSandbox);

describe('demo.cast', () => {
	it('is reproducible, follows a tutorial and ends on the topology', {timeout: 180_000}, async () => {
		const dir = scratchDir('demo');
		const [first, second] = [join(dir, 'a.cast'), join(dir, 'b.cast')];
		for (const out of [first, second]) {
			// --no-build: the bundle the kernel tests run is built before them; rebuilding it here, while other
			// test files start it, could hand them a half-written file.
			const result = await runCommand([process.execPath, RECORDER, out, '--no-build'], {timeoutMs: 90_000});
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
		const screens = events.map((e) => (e as [number, string, string])[2].replaceAll(/\u001B\[[0-9;]*[A-Za-z]/g, ''));
		// The tutorial's progress, as its panel counts it: each count appears, and in this order.
		const firstShowing = (text: string): number => screens.findIndex((screen) => screen.includes(text));
		const counts = ['0/6', '1/6', '5/6', '6/6'].map((k) => firstShowing(`Two namespaces joined by a veth pair · ${k}`));
		expect(counts.every((at) => at >= 0)).toBe(true);
		expect(counts).toEqual([...counts].sort((a, b) => a - b));
		expect(firstShowing('Hint: In the namespaces pane press n')).toBeGreaterThan(counts[0]);
		const last = screens.at(-1) ?? '';
		expect(last).toContain('Topology');
		expect(last).toContain('✓ Every step holds');
		expect(last).toMatch(/veth_ns1 +veth +UP +10\.1\.1\.1\/24 +→ ns2\/veth_ns2/);
		expect(last).toMatch(/veth_ns2 +veth +UP +10\.1\.1\.2\/24 +→ ns1\/veth_ns1/);
	});
});
