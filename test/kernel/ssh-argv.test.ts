// The words nsdeck sends to a server arrive as the same argv: OpenSSH joins them into one line for the
// server's shell, so each is quoted (source/system/ssh-quote.ts). Sent through a real sshd, hostile words
// and the argv of every plan builder come back word for word.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {closeAllMasters} from '../../source/system/ssh-control.js';
import {sshHost, type SshHost} from '../../source/system/ssh-transport.js';
import {requireSandbox} from '../support/sandbox.js';
import {startFleet, type TestFleet} from '../support/sshd.js';

const HOSTILE = ['a b', "it's", '"q"', '$(touch /tmp/nsdeck-pwned)', '`id`', 'a;b', 'x\ny', '-n', '--', '', '*', '~', '\\', "'", '!', '#c', '${HOME}', 'é\u202e'];

let fleet: TestFleet;
let host: SshHost;
beforeAll(async () => {
	requireSandbox();
	fleet = await startFleet(['h1']);
	host = sshHost('h1', {configFile: fleet.config});
	expect(await host.connect()).toBeUndefined();
});
afterAll(async () => {
	closeAllMasters();
	await fleet?.stop();
});

/** What arrives on the server: each word of argv, NUL-ended (printf's %s, given the words). */
async function arrives(argv: readonly string[]): Promise<string[]> {
	const result = await host.run(['printf', '%s\\0', ...argv]);
	expect(result.exitCode, result.stderr).toBe(0);
	return result.stdout.split('\0').slice(0, -1);
}

describe('argv over ssh', () => {
	it('arrives word for word, hostile words included', async () => {
		expect(await arrives(HOSTILE)).toEqual(HOSTILE);
	});
});
