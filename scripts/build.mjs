// Builds what nsdeck ships, into dist/:
//   nsdeck-app.js    cli.tsx and every module it imports, one ES module bundle: loading ink, React and
//                    their ~70 packages file by file costs ~0.5 s at start, one bundle a fraction of it
//   nsdeck.js        the entry (source/start.ts): turns on Node's compile cache, then loads the bundle;
//                    its #! line starts node with nsdeck's options (node-flags.mjs)
//   nsdeck-netdump   the helper that reads many namespaces at once (native/), a static binary
// Third-party code goes into the bundle as it is in node_modules: what the tests load is what ships.
// One choice of version is made for speed, in package.json's overrides: ink 8 asks for string-width 8,
// which builds an \p{RGI_Emoji} expression and loads ICU's grapheme data for the first string that is not
// plain ASCII (~21 ms before the first frame); string-width 9, same API, measures it in ~1 ms.
import {chmodSync, mkdirSync, rmSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {buildNetdump} from './netdump-build.mjs';
import {NODE_FLAGS} from './node-flags.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
// Only what this script writes: the single executable and packages beside them (npm run dist, npm run
// pack) stay, for a build in between (the demo recorder's) must not take them away.
for (const file of ['nsdeck.js', 'nsdeck-app.js', 'nsdeck-app.js.map', 'nsdeck-netdump']) rmSync(join(dist, file), {force: true});
mkdirSync(dist, {recursive: true});

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

await build({
	plugins: [commonJsOnce],
	entryPoints: [join(root, 'cli.tsx')],
	outfile: join(dist, 'nsdeck-app.js'),
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: TARGET,
	jsx: 'automatic',
	// Minified, the bundle parses in about half the time. No source map ships (npm pack, the single
	// executable); `npm run build -- --sourcemap` writes one beside it to read a stack trace.
	minify: true,
	sourcemap: process.argv.includes('--sourcemap') ? 'linked' : false,
	legalComments: 'none',
	// See no-devtools.mjs.
	alias: {'react-devtools-core': join(root, 'scripts', 'no-devtools.mjs')},
	define: {'process.env.NODE_ENV': '"production"'},
	// Bundled CommonJS modules (React, among others) call require() for Node's own modules.
	banner: {js: "import {createRequire as __nsdeckRequire} from 'node:module';const require = __nsdeckRequire(import.meta.url);"},
	logLevel: 'warning',
});

await build({
	entryPoints: [join(root, 'source', 'start.ts')],
	outfile: join(dist, 'nsdeck.js'),
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: TARGET,
	external: ['./nsdeck-app.js'],
	// `env -S` splits the options from `node`. It is GNU coreutils 8.30's (2018): every system whose glibc
	// (2.28 or newer) runs Node 22's own builds has it.
	banner: {js: `#!/usr/bin/env -S node ${NODE_FLAGS.join(' ')}`},
	logLevel: 'warning',
});
chmodSync(join(dist, 'nsdeck.js'), 0o755);

buildNetdump(join(dist, 'nsdeck-netdump'));
