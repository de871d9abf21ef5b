// A plan: the exact commands a change runs, each with the command that undoes it.
import {isPathId} from '../model/netns-id.js';
import type {PlannedEffect} from '../model/planned-effect.js';
import {HOST_ID, type Route} from '../model/types.js';

export type Argv = readonly string[];

export interface Step {
	readonly argv: Argv;
	/**
	 * Undoes this step and every earlier step of the same `group` (see run-plan.ts): a veth pair's steps all
	 * undo by deleting the pair wherever it is by then, because deleting one end removes both.
	 */
	readonly undo?: Argv;
	readonly group?: string;
}

/** What a plan takes away, in words the session guard (session-guard.ts) can compare with the world. */
export type Touch =
	| {readonly ns: string; readonly link: string; readonly change: 'down' | 'delete' | 'move' | 'settings'}
	/** A port taken out of bridge `link`: which port carries the session is not known, so the bridge stands for it. */
	| {readonly ns: string; readonly link: string; readonly change: 'detach'; readonly port: string}
	| {readonly ns: string; readonly link: string; readonly change: 'address'; readonly address: string}
	| {readonly ns: string; readonly change: 'route'; readonly route: Route};

export interface Plan {
	readonly title: string;
	readonly steps: readonly Step[];
	/** Destroys something that undo cannot bring back: the form says so in red. */
	readonly dangerous: boolean;
	/**
	 * Takes something away (deletes, sets down, moves out, removes an address, a route or forwarding): the
	 * form asks a second time before it runs. Additive plans run on the first Enter. Dangerous ones are
	 * destructive too.
	 */
	readonly destructive?: boolean;
	readonly touches?: readonly Touch[];
	/** What else goes with it, in plain words (e.g. a namespace's veths are destroyed). */
	readonly consequences?: readonly string[];
	/** Namespaces to read again afterwards. */
	readonly affects: readonly string[];
	/** What to select once the world is read again. */
	readonly select?: {readonly ns: string; readonly link?: string};
	/**
	 * What it does to the world, as data, in order: a dry run applies it to show planned objects
	 * (model/planned-world.ts). Absent: the plan is still recorded and exported, but shows nothing.
	 */
	readonly effects?: readonly PlannedEffect[];
}

/** Whether running the plan needs a second confirmation (see Plan.destructive). */
export const asksTwice = (plan: Plan): boolean => plan.dangerous || plan.destructive === true;

/**
 * `ip -n NS …`, plain `ip …` for the host, `nsenter --net=PATH ip …` for a namespace without a name
 * (netns-id.ts): the idiom users learn, exactly as it runs. Plans always say `dev NAME` and `name NAME`:
 * ip reads a bare word that prefixes one of its keywords as that keyword (an interface called `a` becomes
 * `address` in `ip link add a type veth`).
 */
export function ipIn(ns: string, ...args: string[]): string[] {
	return ns === HOST_ID || isPathId(ns) ? execIn(ns, 'ip', ...args) : ['ip', '-n', ns, ...args];
}

/** `ip netns exec NS CMD…`, plain `CMD…` for the host, `nsenter --net=PATH CMD…` for a path. */
export function execIn(ns: string, ...command: string[]): string[] {
	if (ns === HOST_ID) return command;
	return isPathId(ns) ? ['nsenter', `--net=${ns}`, ...command] : ['ip', 'netns', 'exec', ns, ...command];
}
