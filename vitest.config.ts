import {defineConfig} from 'vitest/config';

// Two projects: `unit` runs anywhere (parsers, plans, UI over a fake system); `kernel` runs inside a
// private sandbox (see package.json's test script) against real namespaces, one file at a time because
// all its files share that sandbox's world.
export default defineConfig({
	test: {
		// Fails the run when a test leaves an nsdeck-* entry in /tmp.
		globalSetup: ['test/support/leftovers.ts'],
		projects: [
			{test: {name: 'unit', include: ['test/**/*.test.{ts,tsx}'], exclude: ['test/kernel/**']}},
			{test: {name: 'kernel', include: ['test/kernel/**/*.test.{ts,tsx}'], setupFiles: ['test/support/kernel-setup.ts'], fileParallelism: false, testTimeout: 30_000, hookTimeout: 30_000}},
		],
	},
});
