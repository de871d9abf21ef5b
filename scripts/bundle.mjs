// How nsdeck is bundled: the app (one ES module with everything it imports) and the small entry that
// starts it (source/start.ts). build.mjs makes nsdeck with these; the bench makes a one-line ink app with
// them too, to time what ink itself costs at start (bench/ink-alone.tsx).
import {chmodSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {NODE_FLAGS} from './node-flags.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Node 22, the oldest nsdeck supports (package.json's engines), runs all of ES2024. Named so, not as
 * 'node22': esbuild's table does not credit Node with the regular expressions' v flag, and would turn
 * string-width's /…/v literals into `new RegExp(…)` calls that V8 compiles at load (~14 ms of every start)
 * instead of on first use.
 */
const TARGET = 'es2024';

/**
 * React is CommonJS. esbuild gives every ES module that imports a CommonJS module its own copy of that
 * module's exports (its __toESM helper): ink and nsdeck import react and react/jsx-runtime in 68 files,
 * ~16 ms of copying at every start. Resolved here to one small ES module that re-exports each, they are
 * copied once. Nothing in React or ink changes; only which file their imports name.
 */
const ONCE = /^react(\/jsx-runtime)?$/;
const require = createRequire(import.meta.url);
const commonJsOnce = {
	name: 'commonjs-once',
	setup(pluginBuild) {
		pluginBuild.onResolve({filter: ONCE}, (args) =>
			args.namespace === 'commonjs-once' ? {path: require.resolve(args.path)} : {path: args.path, namespace: 'commonjs-once'},
		);
		pluginBuild.onLoad({filter: /.*/, namespace: 'commonjs-once'}, (args) => ({
			contents: `export * from ${JSON.stringify(args.path)};\nexport {default} from ${JSON.stringify(args.path)};\n`,
			resolveDir: root,
			loader: 'js',
		}));
	},
};

/**
 * Node's own modules, required rather than imported. An ES import of one makes Node build its ES facade,
 * which reads every export, getters included: node:fs's ReadStream getter loads Node's streams, node:util's
 * MIMEParams its MIME parser. A module importing the ~20 built-in modules the bundle names starts ~25 ms
 * slower than `node -e 0`; one requiring them, ~8 ms. Each becomes a small module that requires it and
 * exports each of its names as read on first use of the module: a pure call, which esbuild drops where
 * the name is not imported, so no getter runs that nothing needs. `require` is the banner's.
 */
const REQUIRED = /^node:/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const builtinsRequired = {
	name: 'builtins-required',
	setup(pluginBuild) {
		// A require() of one (in bundled CommonJS, or in the module below) stays a require().
		pluginBuild.onResolve({filter: REQUIRED}, (args) =>
			args.kind === 'import-statement' && args.namespace !== 'builtins-required' ? {path: args.path, namespace: 'builtins-required'} : {path: args.path, external: true},
		);
		pluginBuild.onLoad({filter: /.*/, namespace: 'builtins-required'}, (args) => {
			// Names only: listing them runs no getter.
			const names = Object.getOwnPropertyNames(require(args.path)).filter((name) => IDENTIFIER.test(name) && name !== 'default');
			const lines = [`const m = require(${JSON.stringify(args.path)});`, 'export default m;', ...names.map((name) => `export const ${name} = /* @__PURE__ */ (() => m.${name})();`)];
			return {contents: lines.join('\n') + '\n', loader: 'js'};
		});
	},
};

/** How the bundles get `require` (for builtinsRequired, and bundled CommonJS modules calling it for Node's own). */
const REQUIRE_BANNER = "import {createRequire as __nsdeckRequire} from 'node:module';const require = __nsdeckRequire(import.meta.url);";

/** `entryPoint` and everything it imports, as the one module `outfile` (named nsdeck-app.js beside the entry). */
export async function bundleApp(entryPoint, outfile, {sourcemap = false} = {}) {
	await build({
		plugins: [commonJsOnce, builtinsRequired],
		entryPoints: [entryPoint],
		outfile,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: TARGET,
		jsx: 'automatic',
		// The lab's built-in world files (examples/worlds/) ship inside the bundle as their text.
		loader: {'.yaml': 'text'},
		// Minified, the bundle parses in about half the time. No source map ships (npm pack, the single
		// executable); `npm run build -- --sourcemap` writes one beside it to read a stack trace.
		minify: true,
		sourcemap: sourcemap ? 'linked' : false,
		legalComments: 'none',
		// See no-devtools.mjs.
		alias: {'react-devtools-core': join(root, 'scripts', 'no-devtools.mjs')},
		define: {'process.env.NODE_ENV': '"production"'},
		banner: {js: REQUIRE_BANNER},
		logLevel: 'warning',
	});
}

/** The entry (source/start.ts) as the program `outfile` (executable), which loads ./nsdeck-app.js beside it. */
export async function bundleEntry(outfile) {
	await build({
		entryPoints: [join(root, 'source', 'start.ts')],
		outfile,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: TARGET,
		external: ['./nsdeck-app.js'],
		// `env -S` splits the options from `node`. It is GNU coreutils 8.30's (2018): every system whose glibc
		// (2.28 or newer) runs Node 22's own builds has it.
		plugins: [builtinsRequired],
		banner: {js: `#!/usr/bin/env -S node ${NODE_FLAGS.join(' ')}\n${REQUIRE_BANNER}`},
		logLevel: 'warning',
	});
	chmodSync(outfile, 0o755);
}
