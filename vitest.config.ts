import {defineConfig, type Plugin} from 'vitest/config';

/** A .yaml file imported is its text, as the bundle's loader makes it (scripts/bundle.mjs). */
const yamlText: Plugin = {
	name: 'yaml-text',
	transform: (code, id) => (id.endsWith('.yaml') ? {code: `export default ${JSON.stringify(code)};`, map: null} : undefined),
};

// Two projects: `unit` runs anywhere (parsers, plans, UI over a fake system); `kernel` runs inside a
// private sandbox (see package.json's test script) against real namespaces, one file at a time because
// all its files share that sandbox's world.
export default defineConfig({
	test: {
		// Fails the run when a test leaves an nsdeck-* entry in /tmp.
		globalSetup: ['test/support/leftovers.ts'],
		projects: [
			{
				plugins: [yamlText],
				test: {
					name: 'unit',
					include: ['test/**/*.test.{ts,tsx}'],
					exclude: ['test/kernel/**'],
					// ink-testing-library's stdout has columns but no rows, so on every frame ink asks
					// terminal-size, which (no TTY here) runs `tput cols`, `tput lines` and `resize`: three
					// processes per frame, half the suite's time. These are the sizes it ends up with anyway.
					env: {COLUMNS: '80', LINES: '24'},
					// Loading ink, React and the app again for every file took two thirds of the suite's CPU
					// time. Files in a worker share one module graph; setup-unit.ts unmounts what a file left.
					// (Threads would save little more, and childrenOf's test needs a process of its own.)
					pool: 'forks',
					isolate: false,
					setupFiles: ['test/support/setup-unit.ts'],
				},
			},
			{plugins: [yamlText], test: {name: 'kernel', include: ['test/kernel/**/*.test.{ts,tsx}'], setupFiles: ['test/support/kernel-setup.ts'], fileParallelism: false, testTimeout: 30_000, hookTimeout: 30_000}},
		],
	},
});
