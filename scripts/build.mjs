// Bundles cli.tsx into one ESM file: loading ink from node_modules costs ~0.8 s at start,
// a single bundle starts about 3x faster (see DESIGN.md).
import {spawnSync} from 'node:child_process';
import {build} from 'esbuild';
import {chmodSync, mkdirSync, writeFileSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

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

await build({
	plugins: [fixInkIncrementalRender],
	entryPoints: [join(root, 'cli.tsx')],
	outfile: join(root, 'dist', 'nsdeck.js'),
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
	define: {'process.env.NODE_ENV': '"production"'},
	// signal-exit and other CJS deps call require(); ESM output needs one.
	// yoga-layout's loader fetch()es its own embedded data: URI when fetch exists, which loads Node's
	// undici (~30 ms of every start); without fetch it decodes the same bytes directly. nsdeck never
	// uses fetch.
	banner: {
		js: "#!/usr/bin/env node\nimport {createRequire as __nsdeckCreateRequire} from 'node:module';\nconst require = __nsdeckCreateRequire(import.meta.url);\nglobalThis.fetch = undefined;",
	},
	logLevel: 'warning',
});
chmodSync(join(root, 'dist', 'nsdeck.js'), 0o755);

/**
 * nsdeck-netdump, the bulk reader of many namespaces (source/system/netdump.ts), is a small C program.
 * Without a C compiler nsdeck still works, reading each namespace with `nsenter … ip` (slower at scale).
 */
const netdump = join(root, 'dist', 'nsdeck-netdump');
const compiled = spawnSync(process.env.CC ?? 'cc', ['-O2', '-Wall', '-Wextra', '-o', netdump, join(root, 'native', 'netdump.c')], {stdio: 'inherit'});
if (compiled.error || compiled.status !== 0) {
	console.warn(`nsdeck: could not compile native/netdump.c (${compiled.error?.message ?? `exit ${compiled.status}`}); bulk reads will use ip per namespace`);
}
