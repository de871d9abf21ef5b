// Builds a lab scenario inside the sandbox, command by command.
import {readlinkSync, statSync} from 'node:fs';
import {setTimeout as sleep} from 'node:timers/promises';
import type {Scenario} from './lab-scenarios.js';
import {errorText, startLongLived, type Runner} from './runner.js';

/** How long a holder may take to be inside its namespace (one fork and two execs). */
const HOLD_WAIT_MS = 5_000;

/** Start `sleep infinity` in /run/netns/NAME, and return once it is inside: the name may then go. */
async function hold(name: string): Promise<void> {
	const wanted = `net:[${statSync(`/run/netns/${name}`).ino}]`;
	const pid = startLongLived(['ip', 'netns', 'exec', name, 'sleep', 'infinity']);
	for (let waited = 0; waited < HOLD_WAIT_MS; waited += 10) {
		try {
			if (readlinkSync(`/proc/${pid}/ns/net`) === wanted) return;
		} catch {
			// Not there yet, or already gone: the wait tells.
		}
		await sleep(10);
	}
	throw new Error(`no process came to hold namespace ${name}`);
}

/** A scenario of commands; one that is a world file is applied (source/lab-build.ts). */
export async function buildScenario(run: Runner, scenario: Scenario): Promise<void> {
	if (!('commands' in scenario)) throw new Error(`lab scenario ${scenario.name} is a world file: apply it`);
	for (const step of scenario.commands) {
		if ('hold' in step) {
			await hold(step.hold);
			continue;
		}
		const result = await run(step);
		if (result.exitCode !== 0) throw new Error(`lab scenario ${scenario.name}: \`${step.join(' ')}\` failed: ${errorText(result)}`);
	}
}
