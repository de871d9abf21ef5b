// The System is everything the UI may ask of the machine. The real one runs `ip`; UI tests use a fake.
import type {Netns, World} from '../model/types.js';
import {detectAccess, type Access} from './access.js';
import {runCommand, type CommandResult, type RunOptions, type Runner} from './runner.js';
import {hostLocation, listNamed, namedLocation, readNamespace, readWorld} from './snapshot.js';
import {HOST_ID} from '../model/types.js';

export interface System {
	/** True inside `nsdeck lab`: the world is a throwaway sandbox. */
	readonly lab: boolean;
	readonly access: Access;
	readWorld(): Promise<World>;
	/** Read one namespace again; undefined when it no longer exists. */
	readNamespace(id: string): Promise<Netns | undefined>;
	/** Run one command of a plan. */
	run(argv: readonly string[], options?: RunOptions): Promise<CommandResult>;
}

export interface RealSystemOptions {
	readonly lab: boolean;
	readonly runner?: Runner;
}

export function createRealSystem({lab, runner = runCommand}: RealSystemOptions): System {
	return {
		lab,
		access: detectAccess(),
		readWorld: () => readWorld(runner),
		async readNamespace(id) {
			if (id === HOST_ID) return readNamespace(runner, hostLocation);
			const named = await listNamed();
			return named.some((l) => l.id === id) ? readNamespace(runner, namedLocation(id)) : undefined;
		},
		run: (argv, options) => runner(argv, options),
	};
}

/** ip missing is the one error that makes nsdeck useless; say which package brings it. */
export async function checkIpInstalled(runner: Runner = runCommand): Promise<string | undefined> {
	const result = await runner(['ip', '-V'], {timeoutMs: 3_000});
	if (result.exitCode === 0) return undefined;
	return /ENOENT|not found/i.test(result.failure ?? result.stderr)
		? 'nsdeck needs the `ip` command: install iproute2 (apt-get install iproute2)'
		: `cannot run ip: ${result.stderr.trim() || result.failure}`;
}
