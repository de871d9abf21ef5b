// Where a learner is in a tutorial: which steps hold now, the current one, the hints asked for, and the
// pings they ran. Pure, so the panel's states are tested without an app. Step status is live: computed
// from the world every time it changes, so a step undone turns back to ☐.
import {holds} from '../model/tutorial/checks.js';
import {pingRecordOf} from '../model/tutorial/ping-record.js';
import type {Check, PingRecord, Tutorial} from '../model/tutorial/types.js';
import type {LogEntry} from '../plans/run-plan.js';
import type {Topology} from '../model/topology.js';
import {HOST_ID, type World} from '../model/types.js';
import {namedId} from '../model/netns-id.js';

export interface TutorialProgress {
	readonly tutorial: Tutorial;
	/** Hints shown, by step index. */
	readonly hints: Readonly<Record<number, number>>;
	/** How many entries the command log had when the tutorial began: what came after is the learner's. */
	readonly logFrom: number;
	/**
	 * The shells (s) opened since, each where the log stood then: what is typed in a shell is not seen, so
	 * the commands the learner ran say there was one, and that its commands cannot be listed.
	 */
	readonly shells?: readonly ShellVisit[];
}

export interface ShellVisit {
	/** The log's length when the shell opened. */
	readonly at: number;
	readonly ns: string;
}

export const startProgress = (tutorial: Tutorial, logFrom: number): TutorialProgress => ({tutorial, hints: {}, logFrom});

export const withShell = (p: TutorialProgress, visit: ShellVisit): TutorialProgress => ({...p, shells: [...(p.shells ?? []), visit]});

const has = (check: Check, kind: 'ping' | 'echoed'): boolean => {
	if ('all' in check) return check.all.some((c) => has(c, kind));
	if ('any' in check) return check.any.some((c) => has(c, kind));
	if ('not' in check) return has(check.not, kind);
	return kind in check;
};

/**
 * Whether a check counts pings that nsdeck sees only when p or x ran them, not in a shell: not when it
 * also counts echo requests (`echoed`), which a shell's ping raises too.
 */
export const countsPings = (check: Check): boolean => has(check, 'ping') && !has(check, 'echoed');

/** The pings in the learner's part of the log: p's, and a `ping` typed in x. (A shell's are not seen.) */
export const pingsOf = (p: TutorialProgress, log: readonly LogEntry[]): PingRecord[] =>
	log.slice(p.logFrom).flatMap((e) => pingRecordOf(e.argv, e.exitCode) ?? []);

export function stepStatuses(p: TutorialProgress, world: World | undefined, topology: Topology, log: readonly LogEntry[] = [], echoes?: ReadonlyMap<string, number>): boolean[] {
	if (!world) return p.tutorial.steps.map(() => false);
	const context = {world, topology, pings: pingsOf(p, log), ...(echoes ? {echoes} : {})};
	return p.tutorial.steps.map((step) => holds(step.check, context));
}

/** The first step whose check does not hold; the step count when every one holds. */
export const currentStep = (statuses: readonly boolean[]): number => {
	const open = statuses.indexOf(false);
	return open < 0 ? statuses.length : open;
};

/** One more hint for the step, up to as many as it has; undefined when it has no more. */
export function withNextHint(p: TutorialProgress, step: number): TutorialProgress | undefined {
	const shown = p.hints[step] ?? 0;
	if (shown >= (p.tutorial.steps[step]?.hints.length ?? 0)) return undefined;
	return {...p, hints: {...p.hints, [step]: shown + 1}};
}

/** What the current step is about, as namespace ids and interface names: the map picks these out. */
export function currentFocus(p: TutorialProgress, statuses: readonly boolean[]): Array<{readonly ns: string; readonly name: string}> {
	const step = p.tutorial.steps[currentStep(statuses)];
	return (step?.focus ?? []).flatMap((f) => (f.ns === undefined ? [] : [{ns: f.ns === HOST_ID ? HOST_ID : namedId(f.ns), name: f.name}]));
}
