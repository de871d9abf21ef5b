// The test command's first step: says which Node runs the tests, and stops unless that Node satisfies the
// engines of nsdeck and of every package installed here. This is the engines check aimed at the Node that
// runs the packages: npm's own check compares them with the Node npm runs on, the machine's, which runs
// none of them here (.npmrc says why npm's is quiet). `npm ci` brings the Node they run on, pinned and
// hashed in package-lock.json (node-linux-<cpu>), and npm's scripts and npx find it first on their PATH;
// CI also runs this on the oldest Node nsdeck supports.
import {existsSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import packageJson from '../package.json' with {type: 'json'};
import lock from '../package-lock.json' with {type: 'json'};

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const oldest = Number(/\d+/.exec(packageJson.engines.node)[0]);
const major = Number(process.versions.node.split('.')[0]);
console.log(`Node ${process.version} (${process.execPath})`);
// Said before anything is imported from node_modules, which may not be there yet.
if (major < oldest) {
	console.error(`nsdeck needs Node ${oldest} or newer: run npm ci, which brings one`);
	process.exit(1);
}

const {default: semver} = await import('semver');
// Only what is on disk: npm skips the other CPUs' optional packages, and --omit leaves some out.
const installed = Object.entries(lock.packages).filter(([path]) => path !== '' && existsSync(join(root, path)));
const wanted = [['nsdeck', packageJson.engines.node], ...installed.map(([path, entry]) => [path.replace(/^.*node_modules\//, ''), entry.engines?.node])];
const unmet = wanted.filter(([, range]) => typeof range === 'string' && !semver.satisfies(process.version, range));
for (const [name, range] of unmet) console.error(`${name} needs Node ${range}`);
if (unmet.length > 0) {
	console.error(`Node ${process.version} does not satisfy the engines of ${unmet.length} package(s) above`);
	process.exit(1);
}
console.log(`it satisfies the engines of nsdeck and of the ${installed.length} packages installed`);
