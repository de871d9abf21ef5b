// Bundles cli.tsx into one file: loading ink from node_modules costs ~0.8 s at start, a single bundle
// starts about 3x faster (see DESIGN.md). The bundle (dist/nsdeck-app.cjs) is a script, not a module, so
// that dist/nsdeck.js (from loader.ts) can run it with V8's code cache.
import {spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {builtinModules} from 'node:module';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {Script} from 'node:vm';
import {build} from 'esbuild';
import {patchStyledChars} from './ansi-tokenize-patch.mjs';
import {patchInkClip} from './ink-clip-patch.mjs';
import {patchAnsiTokenize, patchLazySegmenter} from './segmenter-patch.mjs';
import {patchStringWidth} from './string-width-patch.mjs';
import {patchToESM} from './to-esm-patch.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stub = join(root, 'dist', 'empty-stub.mjs');
mkdirSync(dirname(stub), {recursive: true});
// A do-nothing devtools: DEV=true in a user's environment must not crash the app.
writeFileSync(stub, 'export default {initialize() {}, connectToDevTools() {}};\n');

/**
 * ink 6.8's incremental renderer moves the cursor up one line too few when the previous frame ended with a
 * newline (every frame shorter than the terminal does), so each frame lands one line lower than the last.
 * Fix that one line at bundle time, and fail the build if ink changes so that the fix no longer applies.
 */
const BUGGY_CURSOR_UP = 'buffer.push(ansiEscapes.cursorUp(previousVisible - 1));';
const FIXED_CURSOR_UP = "buffer.push(ansiEscapes.cursorUp(previousOutput.endsWith('\\n') ? previousVisible : previousVisible - 1));";
const fixInkIncrementalRender = {
	name: 'fix-ink-incremental-render',
	setup(pluginBuild) {
		pluginBuild.onLoad({filter: /ink[\\/]build[\\/]log-update\.js$/}, async (args) => {
			const source = await readFile(args.path, 'utf8');
			if (!source.includes(BUGGY_CURSOR_UP)) throw new Error('ink log-update.js changed: check whether the cursor fix is still needed');
			return {contents: source.replace(BUGGY_CURSOR_UP, FIXED_CURSOR_UP), loader: 'js'};
		});
	},
};

/**
 * See string-width-patch.mjs: string-width 8 gets its fast path, the build fails if there is none. Every
 * copy (wrap-ansi brings a 7.x) creates its Segmenter on first use (segmenter-patch.mjs).
 */
const fastStringWidth = {
	name: 'fast-string-width',
	setup(pluginBuild) {
		let patched = 0;
		pluginBuild.onLoad({filter: /[\\/]string-width[\\/]index\.js$/}, async (args) => {
			const {version} = JSON.parse(await readFile(join(dirname(args.path), 'package.json'), 'utf8'));
			const source = await readFile(args.path, 'utf8');
			if (!version.startsWith('8.')) return {contents: patchLazySegmenter(source), loader: 'js'};
			patched++;
			return {contents: patchLazySegmenter(patchStringWidth(source)), loader: 'js'};
		});
		pluginBuild.onEnd(() => {
			if (patched === 0) throw new Error('string-width 8 not found: check scripts/string-width-patch.mjs');
		});
	},
};

/** See ansi-tokenize-patch.mjs. */
const fastStyledChars = {
	name: 'fast-styled-chars',
	setup(pluginBuild) {
		pluginBuild.onLoad({filter: /ansi-tokenize[\\/]build[\\/]styledChars\.js$/}, async (args) => ({
			contents: patchStyledChars(await readFile(args.path, 'utf8')),
			loader: 'js',
		}));
	},
};

/** See segmenter-patch.mjs. */
const lazySegmenters = {
	name: 'lazy-segmenters',
	setup(pluginBuild) {
		pluginBuild.onLoad({filter: /slice-ansi[\\/]tokenize-ansi\.js$/}, async (args) => ({contents: patchLazySegmenter(await readFile(args.path, 'utf8')), loader: 'js'}));
		pluginBuild.onLoad({filter: /ansi-tokenize[\\/]build[\\/]tokenize\.js$/}, async (args) => ({contents: patchAnsiTokenize(await readFile(args.path, 'utf8')), loader: 'js'}));
	},
};

/** See ink-clip-patch.mjs. */
const fastInkClip = {
	name: 'fast-ink-clip',
	setup(pluginBuild) {
		pluginBuild.onLoad({filter: /ink[\\/]build[\\/]output\.js$/}, async (args) => ({
			contents: patchInkClip(await readFile(args.path, 'utf8')),
			loader: 'js',
		}));
	},
};

/**
 * A script cannot `import`: each of node's own modules becomes a tiny CommonJS module that require()s it
 * (the loader passes `require` in), so the bundle has no import statements left.
 */
const builtins = new Set(builtinModules);
const requireBuiltins = {
	name: 'require-builtins',
	setup(pluginBuild) {
		pluginBuild.onResolve({filter: /^[\w:/]+$/}, (args) => {
			if (args.namespace === 'builtin') return {path: args.path, external: true};
			const name = args.path.replace(/^node:/, '');
			return builtins.has(name) ? {path: `node:${name}`, namespace: 'builtin'} : undefined;
		});
		pluginBuild.onLoad({filter: /.*/, namespace: 'builtin'}, (args) => ({contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js'}));
	},
};

const app = join(root, 'dist', 'nsdeck-app.cjs');
await build({
	plugins: [fixInkIncrementalRender, fastStringWidth, fastStyledChars, lazySegmenters, fastInkClip, requireBuiltins],
	entryPoints: [join(root, 'cli.tsx')],
	outfile: app,
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	jsx: 'automatic',
	// Minified, the bundle parses in half the time (31 ms instead of 57 ms here); the source map beside it
	// serves `node --enable-source-maps` when a stack trace must be read.
	minify: true,
	sourcemap: 'linked',
	legalComments: 'none',
	// ink imports react-devtools-core (and its websocket, ws) only when DEV is set: keep both out of the
	// bundle, which is parsed on every start.
	alias: {'react-devtools-core': stub, ws: stub},
	define: {'process.env.NODE_ENV': '"production"', 'import.meta.url': 'importMetaUrl'},
	// The whole bundle is the body of one async function (yoga-layout and ink await at their top level),
	// strict as the modules it came from, which the loader calls with require() and the bundle's URL. It
	// is the script's value (for vm.Script) and nsdeckApp on `this` (module.exports, when required).
	// yoga-layout's loader fetch()es its own embedded data: URI when fetch exists, which loads Node's
	// undici (~30 ms of every start); without fetch it decodes the same bytes directly. nsdeck never
	// uses fetch.
	banner: {js: 'this.nsdeckApp = async function (require, importMetaUrl) {"use strict";globalThis.fetch = undefined;'},
	footer: {js: '};'},
	logLevel: 'warning',
});
// See to-esm-patch.mjs: each CommonJS module's exports copied once, not once per importing file.
const patched = patchToESM(readFileSync(app, 'utf8'), JSON.parse(readFileSync(`${app}.map`, 'utf8')));
writeFileSync(app, patched.source);
writeFileSync(`${app}.map`, JSON.stringify(patched.map));
const appSource = patched.source;
new Script(appSource, {filename: app}); // throws if anything in it is not plain script syntax
// Only lazySegmenter (segmenter-patch.mjs) may create one: a module that does so when it loads costs every start ~13 ms.
if (/new Intl\.Segmenter\((?!\.\.\.)/.test(appSource)) throw new Error('the bundle creates an Intl.Segmenter at load: see scripts/segmenter-patch.mjs');

// The loader names its cache after the bundle's hash; caches of earlier builds go.
const hash = createHash('sha256').update(appSource).digest('hex').slice(0, 16);
for (const file of readdirSync(join(root, 'dist'))) if (file.endsWith('.cache')) rmSync(join(root, 'dist', file));
// The loader is CommonJS (see loader.ts); this package.json tells node so for dist/*.js, and only there.
writeFileSync(join(root, 'dist', 'package.json'), '{"type": "commonjs"}\n');
await build({
	entryPoints: [join(root, 'loader.ts')],
	outfile: join(root, 'dist', 'nsdeck.js'),
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node20',
	define: {APP_HASH: JSON.stringify(hash)},
	banner: {js: '#!/usr/bin/env node'},
	logLevel: 'warning',
});
chmodSync(join(root, 'dist', 'nsdeck.js'), 0o755);

/**
 * nsdeck-netdump, the bulk reader of many namespaces (source/system/netdump.ts), is a small C program.
 * Without a C compiler nsdeck still works, reading each namespace with `nsenter … ip` (slower at scale).
 */
const netdump = join(root, 'dist', 'nsdeck-netdump');
const sources = ['netdump.c', 'netlink-json.c', 'nsid-names.c'].map((file) => join(root, 'native', file));
const compiled = spawnSync(process.env.CC ?? 'cc', ['-O2', '-Wall', '-Wextra', '-pthread', '-o', netdump, ...sources], {stdio: 'inherit'});
if (compiled.error || compiled.status !== 0) {
	console.warn(`nsdeck: could not compile native/netdump.c (${compiled.error?.message ?? `exit ${compiled.status}`}); bulk reads will use ip per namespace`);
}
