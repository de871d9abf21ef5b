// A server of the test fleet (sshd.ts) as nsdeck's System with the helper, counting the one-off commands
// it runs there (run, runBytes: each an ssh session), for the tests that count round trips.
import {expect} from 'vitest';
import {localHelper} from '../../source/system/remote-helper.js';
import {createRemoteSystem, remoteAccess} from '../../source/system/remote-system.js';
import {sshHost} from '../../source/system/ssh-transport.js';
import type {System} from '../../source/system/system.js';

/** `fits`: what connecting already knew of the helper and the server's CPU (undefined: ask). */
export async function helperSystemOn(dest: string, configFile: string, fits?: boolean): Promise<{system: System; ran: string[][]}> {
	const host = sshHost(dest, {configFile});
	expect(await host.connect()).toBeUndefined();
	const ran: string[][] = [];
	const counted = {
		...host,
		run: (argv: readonly string[], options?: Parameters<typeof host.run>[1]) => (ran.push([...argv]), host.run(argv, options)),
		runBytes: (argv: readonly string[], options: Parameters<typeof host.runBytes>[1]) => (ran.push([...argv]), host.runBytes(argv, options)),
	};
	const helper = localHelper();
	expect(helper).toBeDefined();
	return {system: createRemoteSystem(counted, await remoteAccess(host), {helper, upload: true, fits}), ran};
}
