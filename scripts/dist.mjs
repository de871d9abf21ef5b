// `npm run dist`: the single executable, dist/nsdeck-linux-<arch>: the one file an admin copies to a server
// that has no Node and no compiler. Node's single-executable-application support puts the bundle, V8's
// code cache for it and the static helper (as an asset) into a copy of the node binary that runs this.
import {spawnSync} from 'node:child_process';
import {copyFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {arch} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {NODE_FLAGS} from './node-flags.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const run = (argv) => {
	const result = spawnSync(argv[0], argv.slice(1), {stdio: 'inherit', cwd: root});
	if (result.status !== 0) throw new Error(`${argv.join(' ')} failed`);
};

run([process.execPath, join(root, 'scripts', 'build.mjs')]);
const output = join(dist, `nsdeck-linux-${arch()}`);
// The node binary without its symbol table (~150 MB → ~116 MB): only a debugger reads it.
const base = join(dist, 'node-base');
copyFileSync(process.execPath, base);
const stripped = spawnSync('strip', [base], {stdio: 'inherit'});
if (stripped.status !== 0) console.warn('strip failed or is missing (apt-get install binutils): the executable keeps node\'s symbols');
const config = {
	main: join(dist, 'nsdeck-app.js'),
	mainFormat: 'module',
	executable: base,
	output,
	// Compiled at build time: a start then reads compiled code instead of compiling the bundle.
	useCodeCache: true,
	disableExperimentalSEAWarning: true,
	execArgv: NODE_FLAGS,
	// source/system/netdump-binary.ts writes it to the private cache on first use.
	assets: {'nsdeck-netdump': join(dist, 'nsdeck-netdump')},
};
const configFile = join(dist, 'sea-config.json');
writeFileSync(configFile, JSON.stringify(config, null, 2));
run([process.execPath, '--build-sea', configFile]);
rmSync(base);
console.log(`${output}: ${(statSync(output).size / 1e6).toFixed(1)} MB (node ${process.version})`);
