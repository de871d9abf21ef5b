// Builds what nsdeck ships, into dist/ (the bundling itself is in bundle.mjs):
//   nsdeck-app.js    cli.tsx and every module it imports, one ES module bundle: loading ink, React and
//                    their ~70 packages file by file costs ~0.5 s at start, one bundle a fraction of it
//   nsdeck.js        the entry (source/start.ts): turns on Node's compile cache, then loads the bundle;
//                    its #! line starts node with nsdeck's options (node-flags.mjs)
//   nsdeck-netdump   the helper that reads many namespaces at once (native/), a static binary
// Third-party code goes into the bundle as it is in node_modules: what the tests load is what ships.
// One choice of version is made for speed, in package.json's overrides: ink 8 asks for string-width 8,
// which builds an \p{RGI_Emoji} expression and loads ICU's grapheme data for the first string that is not
// plain ASCII (~21 ms before the first frame); string-width 9, same API, measures it in ~1 ms.
import {mkdirSync, rmSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {bundleApp, bundleEntry} from './bundle.mjs';
import {buildNetdump} from './netdump-build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
// Only what this script writes: the single executable and packages beside them (npm run dist, npm run
// pack) stay, for a build in between (the demo recorder's) must not take them away.
for (const file of ['nsdeck.js', 'nsdeck-app.js', 'nsdeck-app.js.map', 'nsdeck-netdump']) rmSync(join(dist, file), {force: true});
mkdirSync(dist, {recursive: true});

await bundleApp(join(root, 'cli.tsx'), join(dist, 'nsdeck-app.js'), {sourcemap: process.argv.includes('--sourcemap')});
await bundleEntry(join(dist, 'nsdeck.js'));

buildNetdump(join(dist, 'nsdeck-netdump'));
