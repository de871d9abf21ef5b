import {defineConfig} from 'vitest/config';

// Two projects: `unit` runs anywhere (parsers, plans, UI over a fake system); `kernel` runs inside a
// private sandbox (see package.json's test script) against real namespaces, one file at a time because
// all its files share that sandbox's world.
export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: ['test/**/*.test.{ts,tsx}'],
					exclude: ['test/kernel/**'],
					// ink-testing-library's stdout has columns but no rows, so on every frame ink asks
					// terminal-size, which (no TTY here) runs `tput cols`, `tput lines` and `resize`: three
					// processes per frame, half the suite's time. These are the sizes it ends up with anyway.
					env: {COLUMNS: '80', LINES: '24'},
				},
			},
			{test: {name: 'kernel', include: ['test/kernel/**/*.test.{ts,tsx}'], fileParallelism: false, testTimeout: 30_000, hookTimeout: 30_000}},
		],
	},
});
