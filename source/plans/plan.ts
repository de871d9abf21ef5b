// A plan: the exact commands a change runs, each with the command that undoes it.
import {NETNS_DIR, isPathId} from '../model/netns-id.js';
import type {PlannedEffect, PredictedChange} from '../model/planned-effect.js';
import {HOST_ID, type NetnsIdentity, type Route} from '../model/types.js';

export type Argv = readonly string[];

export interface Step {
	readonly argv: Argv;
	/**
	 * Undoes this step and every earlier step of the same `group` (see run-plan.ts): a veth pair's steps all
	 * undo by deleting the pair wherever it is by then, because deleting one end removes both.
	 */
	readonly undo?: Argv;
	readonly group?: string;
	/** The interfaces it names, as the preview showed them (pins.ts): checked right before it runs. */
	readonly pins?: readonly Pin[];
}

/** An interface a step names, pinned to the object the preview showed. */
export interface Pin {
	readonly ns: string;
	readonly name: string;
	readonly ifindex: number;
	/** The namespace's nsfs identity as the preview saw it. */
	readonly identity?: NetnsIdentity;
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
	/** What the kernel changes by itself as it runs (kernel-predicted.ts), said in `consequences` too. */
	readonly predicted?: readonly PredictedChange[];
}

/** Whether running the plan needs a second confirmation (see Plan.destructive). */
export const asksTwice = (plan: Plan): boolean => plan.dangerous || plan.destructive === true;

/**
 * How `ip link set DEV netns …` names the host, which has no /run/netns name: by the path of PID 1's
 * namespace. Not by a PID: ip looks a word up as a namespace name first, so a namespace named `1` would
 * take the interface, and a PID other than 1 means nothing once nsdeck has exited (an exported script).
 * The lab runs in its own PID namespace, so there too PID 1 lives in the lab's host.
 */
export const HOST_NETNS_PATH = '/proc/1/ns/net';

/** A word ip's get_integer takes as a number (strtol, base 0: 1, -1, 0x1, 017). */
const READ_AS_PID = /^\s*[+-]?(0x[0-9a-f]+|[0-9]+)$/i;

/**
 * The namespace a `netns` argument names (`ip link set DEV netns …`, `ip link add … netns …`): the host by
 * PID 1's namespace path; a namespace without a name by its path; a named one by its name, as users write
 * it — unless ip could read that name as a PID: ip looks `netns 1` up as a name and, when no such name is
 * left (deleted between the preview and the run), takes PID 1's namespace, the host. Such a name goes by
 * its path, which ip never reads as a PID (iproute2's netns_get_fd opens any word with a '/').
 */
export function netnsArg(ns: string): string {
	if (ns === HOST_ID) return HOST_NETNS_PATH;
	return !isPathId(ns) && READ_AS_PID.test(ns) ? `${NETNS_DIR}/${ns}` : ns;
}

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
