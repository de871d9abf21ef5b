// Builds what nsdeck ships, into dist/:
//   nsdeck-app.js    cli.tsx and every module it imports, one ES module bundle: loading ink, React and
//                    their ~70 packages file by file costs ~0.5 s at start, one bundle a fraction of it
//   nsdeck.js        the entry (source/start.ts): turns on Node's compile cache, then loads the bundle
//   nsdeck-netdump   the helper that reads many namespaces at once (native/), a static binary
// Third-party code goes into the bundle as it is in node_modules: what the tests load is what ships.
import {chmodSync, mkdirSync, rmSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {buildNetdump} from './netdump-build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
rmSync(dist, {recursive: true, force: true});
mkdirSync(dist, {recursive: true});

/** Node 22 is the oldest Node nsdeck supports (package.json's engines). */
const TARGET = 'node22';

await build({
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
	banner: {js: '#!/usr/bin/env node'},
	logLevel: 'warning',
});
chmodSync(join(dist, 'nsdeck.js'), 0o755);

buildNetdump(join(dist, 'nsdeck-netdump'));
