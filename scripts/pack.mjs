// `npm run pack`: the npm packages, into dist/packages/:
//   - one per platform (npm/netdump-linux-*), each holding its static helper, for every platform a
//     compiler is found for: `cc` for this machine's, aarch64-linux-gnu-gcc for arm64 (Debian's
//     gcc-aarch64-linux-gnu); an arm64 helper is also run once under qemu-aarch64 where that exists;
//   - nsdeck itself: the bundle and its entry (package.json's `files`), with every platform package as an
//     optional dependency, added here and not in the repository's package.json, where `npm ci` would look
//     for them in the registry before they are published.
import {spawnSync} from 'node:child_process';
import {copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {arch} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {buildNetdump} from './netdump-build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'packages');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const found = (program) => spawnSync(program, ['--version'], {stdio: 'ignore'}).status === 0;

const run = (argv, cwd = root) => {
	const result = spawnSync(argv[0], argv.slice(1), {stdio: ['ignore', 'pipe', 'inherit'], cwd, encoding: 'utf8'});
	if (result.status !== 0) throw new Error(`${argv.join(' ')} failed`);
	return result.stdout;
};

run([process.execPath, join(root, 'scripts', 'build.mjs')]);
mkdirSync(out, {recursive: true});

const PLATFORMS = [
	{cpu: 'x64', cc: arch() === 'x64' ? 'cc' : 'x86_64-linux-gnu-gcc'},
	{cpu: 'arm64', cc: arch() === 'arm64' ? 'cc' : 'aarch64-linux-gnu-gcc', emulator: arch() === 'arm64' ? undefined : 'qemu-aarch64'},
];

const optional = {};
for (const {cpu, cc, emulator} of PLATFORMS) {
	const dir = join(root, 'npm', `netdump-linux-${cpu}`);
	const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
	optional[pkg.name] = manifest.version;
	if (!found(cc)) {
		console.warn(`${pkg.name}: no ${cc}, not packed`);
		continue;
	}
	const helper = join(dir, 'bin', 'nsdeck-netdump');
	mkdirSync(dirname(helper), {recursive: true});
	if (!buildNetdump(helper, cc)) throw new Error(`${pkg.name}: the helper did not compile`);
	if (emulator && found(emulator)) {
		// Its usage line proves the binary starts on that CPU (it exits 2 after printing it).
		const smoke = spawnSync(emulator, [helper, '--bad'], {encoding: 'utf8'});
		if (!/usage: nsdeck-netdump/.test(smoke.stderr)) throw new Error(`${pkg.name}: does not run under ${emulator}: ${smoke.stderr}`);
		console.log(`${pkg.name}: runs under ${emulator}`);
	}
	writeFileSync(join(dir, 'package.json'), `${JSON.stringify({...pkg, version: manifest.version}, null, 2)}\n`);
	console.log(run(['npm', 'pack', '--pack-destination', out], dir).trim());
}

// nsdeck: its package.json as published (no scripts to run on install, the optional platform packages).
const stage = join(root, 'dist', 'stage');
rmSync(stage, {recursive: true, force: true});
mkdirSync(join(stage, 'dist'), {recursive: true});
for (const file of manifest.files) cpSync(join(root, file), join(stage, file));
copyFileSync(join(root, 'README.md'), join(stage, 'README.md'));
const {scripts: _scripts, devDependencies: _dev, allowScripts: _allow, ...published} = manifest;
writeFileSync(join(stage, 'package.json'), `${JSON.stringify({...published, optionalDependencies: optional}, null, 2)}\n`);
console.log(run(['npm', 'pack', '--pack-destination', out], stage).trim());
rmSync(stage, {recursive: true});
