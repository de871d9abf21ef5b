// `nsdeck show --host DEST…`: each server's world, read over its own SSH master, printed as show prints
// this machine's. Masters are made one after another (a prompt for one server's password is never mixed
// with another's), then all servers are read at once. A server that cannot be reached or read is one
// line on stderr; the others still print.
import {destinationProblem} from './model/ssh-destination.js';
import {buildTopology} from './model/topology.js';
import {localHelper} from './system/remote-helper.js';
import {readRemoteWorld, type RemoteWorld} from './system/remote-read.js';
import {closeAllMasters} from './system/ssh-control.js';
import {sshHost, type SshOptions} from './system/ssh-transport.js';
import {worldToJson, worldToText} from './show.js';

export interface ShowHostsOptions extends SshOptions {
	readonly upload: boolean;
}

/** Connect to each server and read it; problems come back as each server's `problem`. */
export async function readHosts(dests: readonly string[], options: ShowHostsOptions): Promise<RemoteWorld[]> {
	const helper = localHelper();
	const hosts = dests.map((dest) => ({dest, invalid: destinationProblem(dest)}));
	const connected: Array<RemoteWorld | ReturnType<typeof sshHost>> = [];
	try {
		for (const {dest, invalid} of hosts) {
			if (invalid) {
				connected.push({dest, problem: invalid});
				continue;
			}
			const host = sshHost(dest, options);
			const problem = await host.connect();
			connected.push(problem ? {dest, problem} : host);
		}
		return await Promise.all(connected.map((h) => ('connect' in h ? readRemoteWorld(h, {helper, upload: options.upload}) : h)));
	} finally {
		closeAllMasters();
	}
}

/** JSON: every server with its reader and its namespaces, as `show --json` gives them; or its error. */
export function hostsToJson(read: readonly RemoteWorld[]): unknown {
	return {
		hosts: read.map(({dest, world, problem, reader}) => ({
			host: dest,
			reader: reader ?? null,
			...(problem ? {error: problem} : {}),
			namespaces: world ? (worldToJson(world, buildTopology(world)) as {namespaces: unknown[]}).namespaces : [],
		})),
	};
}

/** Text: each server under a heading line. */
export function hostsToText(read: readonly RemoteWorld[]): string {
	return read
		.filter((r) => r.world)
		.map(({dest, world, reader}) => `== ${dest} (read with ${reader === 'helper' ? 'the helper' : 'ip'})\n${worldToText(world!)}`)
		.join('\n');
}
