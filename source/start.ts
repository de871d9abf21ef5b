// The installed program's entry (dist/nsdeck.js). It turns on Node's own compile cache, then loads the
// app (dist/nsdeck-app.js, cli.tsx and everything it imports as one bundle). With the cache, a start
// reads the bundle's compiled code instead of compiling ~1 MB of JavaScript again (~50 ms here); the
// cache has to be on before the bundle loads, hence this separate, tiny first module.
//
// A namespace import, not a named one: on a Node too old for nsdeck, a missing named export would stop
// the module from loading at all, before it could say why.
import * as nodeModule from 'node:module';
import {privateCacheDir} from './system/cache-dir.js';

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
	process.stderr.write(`nsdeck needs Node 22 or newer; this is Node ${process.versions.node}. Run it with \`npx nsdeck\` (npm ci brings a supported Node), or use the single executable.\n`);
	process.exit(1);
}
const cache = privateCacheDir('compile-cache');
if (cache) nodeModule.enableCompileCache(cache);
// @ts-expect-error: the bundle is made by scripts/build.mjs, beside this file once built.
await import('./nsdeck-app.js');
