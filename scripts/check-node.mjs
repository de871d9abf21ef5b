// The test command's first step: says which Node runs the tests, and stops if it is older than the
// oldest nsdeck supports (package.json's engines). `npm ci` brings a supported one (the `node` package)
// where the machine's own is older; npm's scripts find it first on their PATH.
import packageJson from '../package.json' with {type: 'json'};

const oldest = Number(/\d+/.exec(packageJson.engines.node)[0]);
const major = Number(process.versions.node.split('.')[0]);
console.log(`Node ${process.version} (${process.execPath})`);
if (major < oldest) {
	console.error(`nsdeck needs Node ${oldest} or newer: run npm ci, which brings one`);
	process.exit(1);
}
