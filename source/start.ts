// The installed program's entry (dist/nsdeck.js). It turns on Node's own compile cache, then loads the
// app (dist/nsdeck-app.js, cli.tsx and everything it imports as one bundle). With the cache, a start
// reads the bundle's compiled code instead of compiling ~1 MB of JavaScript again (~50 ms here); the
// cache has to be on before the bundle loads, hence this separate, tiny first module.
import {enableCompileCache} from 'node:module';
import {privateCacheDir} from './system/cache-dir.js';

const cache = privateCacheDir('compile-cache');
if (cache) enableCompileCache(cache);
// @ts-expect-error: the bundle is made by scripts/build.mjs, beside this file once built.
await import('./nsdeck-app.js');
