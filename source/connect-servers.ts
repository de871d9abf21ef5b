// `nsdeck --host DEST…` and `nsdeck lab fleet`: the servers' masters connect here, before the UI, one
// after another: a passphrase or password prompt is ssh's own, on the terminal. Each server becomes a
// System of its own (one world per server, state/fleet-sync.ts).
import {destinationProblem} from './model/ssh-destination.js';
import type {FleetServer} from './state/fleet-sync.js';
import {helperForServer, remoteGuardJobs, remoteSession} from './system/remote-guard.js';
import {localHelper} from './system/remote-helper.js';
import {createRemoteSystem, remoteAccess} from './system/remote-system.js';
import {sshHost} from './system/ssh-transport.js';

export interface ServerOptions {
	readonly configFile?: string;
	readonly sudo?: boolean;
	readonly upload: boolean;
	/** The fleet lab's servers, in its sandbox: the title says LAB, not [host]. */
	readonly lab?: boolean;
}

export interface Connected {
	readonly servers: readonly FleetServer[];
	/** One line per server that could not be reached (or a DEST that is no destination). */
	readonly problems: readonly string[];
}

export async function connectServers(dests: readonly string[], {configFile, sudo, upload, lab = false}: ServerOptions): Promise<Connected> {
	const servers: FleetServer[] = [];
	const problems: string[] = [];
	for (const dest of dests) {
		const invalid = destinationProblem(dest);
		if (invalid) {
			problems.push(invalid);
			continue;
		}
		const host = sshHost(dest, {configFile, sudo});
		const problem = await host.connect();
		if (problem) {
			problems.push(problem);
			continue;
		}
		const helper = localHelper();
		// The lockout guard protects this very connection; its revert job runs on the server (remote-guard.ts).
		// The three questions go at once over the master: each is a round trip the first frame waits for.
		const [session, guardHelper, access] = await Promise.all([remoteSession(host), helperForServer(host, helper), remoteAccess(host)]);
		const guard = {session, jobs: remoteGuardJobs(host, guardHelper, upload)};
		servers.push({dest, system: createRemoteSystem(host, access, {helper, upload, fits: guardHelper !== undefined}, guard, lab)});
	}
	return {servers, problems};
}
