// bench/run.mjs's rows for the app on a remote host: runs bench/remote.mjs in a sandbox of its own and
// prints its figures against the targets (issue 30's "Speed").
import {spawnSync} from 'node:child_process';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const ms = (t) => `${Math.round(t)} ms`;

function printRemote(r) {
	const verdict = (ok) => (ok ? 'met' : 'MISSED');
	console.log(`\nRemote host (nsdeck --host over loopback SSH to an sshd whose world is ${r.n} namespaces, medians of ${r.starts} starts in turn with the local app on the same world):`);
	console.log(`  first frame with the host's data <= local + 300 ms: ${ms(r.remoteFrame)} vs ${ms(r.localFrame)} local, ${r.remoteFrame >= r.localFrame ? "+" : ""}${ms(r.remoteFrame - r.localFrame)}  ${verdict(r.remoteFrame <= r.localFrame + 300)}`);
	console.log(`  one SSH connection per host: at most ${r.connections} TCP connection(s) to port 22 at once (${r.sshProcesses} ssh processes at most, the master and its multiplexed commands)  ${verdict(r.connections === 1)}`);
	console.log(`  a change on the server shown <= 300 ms: ${ms(r.changeHost)} in its host, ${ms(r.changeInside)} in ns${r.n}  ${verdict(r.changeHost <= 300 && r.changeInside <= 300)}`);
}

/** Runs bench/remote.mjs in a fresh sandbox with `bundle` and prints its rows. */
export function reportRemote(bundle) {
	process.stderr.write('remote: 1,000 namespaces served by sshd on loopback, in a fresh sandbox…\n');
	const out = spawnSync(process.execPath, [bundle, 'sandbox', '--', process.execPath, join(here, 'remote.mjs')], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit']});
	const line = out.stdout.split('\n').find((l) => l.startsWith('REMOTE '));
	if (line) printRemote(JSON.parse(line.slice('REMOTE '.length)));
	else console.log(`\nremote: no result (exit ${out.status})`);
}
