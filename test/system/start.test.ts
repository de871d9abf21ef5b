// dist/nsdeck.js under whatever Node the machine itself has (Node 20 on the machines this runs on, which
// `npm ci` does not replace): too old, it says what to do instead of failing with a SyntaxError.
import {spawnSync} from 'node:child_process';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

const ENTRY = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'nsdeck.js');
/** The machine's own node, not node_modules/.bin's. */
const env = {PATH: '/usr/local/bin:/usr/bin:/bin'};

describe('dist/nsdeck.js on the system Node', () => {
	it('runs on Node 22 or newer, and on an older one says which Node it needs', () => {
		const version = spawnSync('node', ['--version'], {env, encoding: 'utf8'});
		expect(version.status).toBe(0);
		const major = Number(/^v(\d+)/.exec(version.stdout)?.[1]);
		const run = spawnSync('node', [ENTRY, '--version'], {env, encoding: 'utf8'});
		if (major < 22) {
			expect(run.status).toBe(1);
			expect(run.stderr).toBe(`nsdeck needs Node 22 or newer; this is Node ${version.stdout.trim().slice(1)}. Run it with \`npx nsdeck\` (npm ci brings a supported Node), or use the single executable.\n`);
		} else {
			expect(run.status).toBe(0);
			expect(run.stdout).toMatch(/^\d+\.\d+\.\d+/);
		}
	});
});
