// dist/nsdeck.js: runs the app (dist/nsdeck-app.cjs, the whole program as one script) with V8's code cache.
// Without it node compiles the 600 KB bundle on every start (~30 ms) and then each function the first
// time it runs (~30 ms more before the first frame). Node 20 has no compile cache for ES modules
// (module.enableCompileCache is 22.1+), so the bundle is a script, compiled here with vm.Script.
// This file itself is built as CommonJS (dist/package.json says so): started as an ES module, it would
// make node set up its ES module loader first, ~10 ms before the first line here runs.
import {accessSync, constants, readFileSync, renameSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {Script} from 'node:vm';

/** The bundle's hash, from the build: V8 checks only a cache's length against the source, not its content. */
declare const APP_HASH: string;

type App = (require: NodeJS.Require, importMetaUrl: string) => Promise<void>;

const dir = __dirname;
const appFile = join(dir, 'nsdeck-app.cjs');
// Beside the bundle: whoever may write there may change the program itself, so the cache (code) is as trusted.
const cacheFile = join(dir, `nsdeck-app.${APP_HASH}.${process.version}.cache`);

function writable(path: string): boolean {
	try {
		accessSync(path, constants.W_OK);
		return true;
	} catch {
		return false;
	}
}

function compile(): App {
	// `node --enable-source-maps` maps stack traces of required files, not of vm scripts: require it then.
	if (process.sourceMapsEnabled) return createRequire(__filename)(appFile).nsdeckApp;
	let cachedData: Buffer | undefined;
	try {
		cachedData = readFileSync(cacheFile);
	} catch {
		// None yet.
	}
	const script = new Script(readFileSync(appFile, 'utf8'), {filename: appFile, cachedData});
	// The app calls this once its first frame is drawn: the cache then holds what a start compiles, no more.
	if ((cachedData === undefined || script.cachedDataRejected) && writable(dir)) {
		const global = globalThis as {nsdeckSaveCodeCache?: () => void};
		global.nsdeckSaveCodeCache = () => {
			delete global.nsdeckSaveCodeCache;
			try {
				const temporary = `${cacheFile}.${process.pid}`;
				writeFileSync(temporary, script.createCachedData());
				renameSync(temporary, cacheFile);
			} catch {
				// The next start tries again.
			}
		};
	}
	return script.runInThisContext() as App;
}

compile()(createRequire(appFile), pathToFileURL(appFile).href).catch((error: unknown) => {
	// What an ES module's top-level await would have done with it.
	console.error(error);
	process.exit(1);
});
