import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PtyApp} from '../bench/pty.mjs';
import {untilQuiet} from '../bench/quiet.mjs';
import {buildWorld} from '../bench/world.mjs';
buildWorld(Number(process.env.N), mkdtempSync(join(tmpdir(), 'p-')));
await untilQuiet();
for (let i = 0; i < 4; i++) {
	const app = new PtyApp([process.execPath, ...(i === 3 ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof2'] : []), 'dist/nsdeck.js'], {columns: 120, rows: 40});
	const t = (await app.waitFor(/Interfaces in host \([1-9]/)) - app.started;
	console.log('frame', Math.round(t));
	await app.quiet(300);
	await app.stop();
	await untilQuiet();
}
