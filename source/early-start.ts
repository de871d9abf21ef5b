// cli.tsx imports this module before any other, so that for the app its first read starts here, before
// the UI's modules (ink, React, yoga: ~80 ms) are evaluated. `ip` then runs on the other core meanwhile,
// and the first frame can already show the namespace list and the host's details. `nsdeck show` (of this
// machine) starts its whole read here too: the helper reads every namespace while the rest loads.
import {parseCli} from './cli-args.js';
import {readFirst, type FirstRead} from './system/first-read.js';
import {createRealSystem, type System} from './system/system.js';
import type {World} from './model/types.js';

function startsApp(argv: readonly string[]): boolean {
	try {
		const {input, flags} = parseCli(argv);
		return input.length === 0 && !flags.help && !flags.version && flags.hosts.length === 0;
	} catch {
		return false; // cli.tsx reports the bad flag
	}
}

export interface EarlyStart {
	readonly system: System;
	/** Undefined if the read failed: the app then reads as it always does. */
	readonly firstRead: Promise<FirstRead | undefined>;
}

export const early: EarlyStart | undefined = startsApp(process.argv.slice(2))
	? (() => {
			const system = createRealSystem({lab: false});
			return {system, firstRead: readFirst(system).catch(() => undefined)};
		})()
	: undefined;

/** `nsdeck show` of this machine, however printed; not --help, not a server's (--host). */
function showsThisMachine(argv: readonly string[]): boolean {
	try {
		const {input, flags} = parseCli(argv);
		return input[0] === 'show' && !flags.help && !flags.version && flags.hosts.length === 0;
	} catch {
		return false;
	}
}

export interface EarlyShow {
	readonly system: System;
	readonly world: Promise<World>;
}

export const earlyShow: EarlyShow | undefined = showsThisMachine(process.argv.slice(2))
	? (() => {
			const system = createRealSystem({lab: false});
			const world = system.readWorld();
			// Awaited by cli.tsx once it has loaded, which reports a failure; not unhandled meanwhile.
			world.catch(() => undefined);
			return {system, world};
		})()
	: undefined;
