// Bundles cli.tsx into one ESM file: loading ink from node_modules costs ~0.8 s at start,
// a single bundle starts about 3x faster (see DESIGN.md).
import {build} from 'esbuild';
import {chmodSync, mkdirSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stub = join(root, 'dist', 'empty-stub.mjs');
mkdirSync(dirname(stub), {recursive: true});
// A do-nothing devtools: DEV=true in a user's environment must not crash the app.
writeFileSync(stub, 'export default {initialize() {}, connectToDevTools() {}};\n');

await build({
	entryPoints: [join(root, 'cli.tsx')],
	outfile: join(root, 'dist', 'nsdeck.js'),
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	jsx: 'automatic',
	minify: false,
	legalComments: 'none',
	// ink imports react-devtools-core (and its websocket, ws) only when DEV is set: keep both out of the
	// bundle, which is parsed on every start.
	alias: {'react-devtools-core': stub, ws: stub},
	define: {'process.env.NODE_ENV': '"production"'},
	// signal-exit and other CJS deps call require(); ESM output needs one.
	banner: {
		js: "#!/usr/bin/env node\nimport {createRequire as __nsdeckCreateRequire} from 'node:module';\nconst require = __nsdeckCreateRequire(import.meta.url);",
	},
	logLevel: 'warning',
});
chmodSync(join(root, 'dist', 'nsdeck.js'), 0o755);
