// The pings of this session: the current one streaming, a few earlier ones kept as a short history. A pure
// reducer, so the panel's states are tested without a process.
import type {Fix} from '../model/diagnosis/fix.js';
import type {WayLine} from '../model/diagnosis/way-lines.js';
import type {PingSummary} from '../model/ping-output.js';
import type {PingRequest} from '../plans/exec-commands.js';
import type {StreamName} from '../system/runner.js';

export interface OutputLine {
	readonly text: string;
	readonly from: StreamName;
}

export type RunStatus = 'running' | 'done' | 'stopped' | 'failed';

export interface PingRun {
	readonly id: number;
	readonly request: PingRequest;
	readonly argv: readonly string[];
	readonly lines: readonly OutputLine[];
	readonly status: RunStatus;
	readonly summary?: PingSummary;
	/** Why it failed, in plain words; undefined while still looking (or when it did not fail). */
	readonly diagnosis?: readonly string[];
	/** The way the echo took, hop by hop, and the reply's way back, the first break marked. */
	readonly way?: readonly WayLine[];
	/** The one step that repairs the first cause, where there is one. */
	readonly fix?: Fix;
	/** ping's own words when it could not run or stopped early. */
	readonly error?: string;
}

export type PingRunsAction =
	| {readonly type: 'start'; readonly run: PingRun}
	| {readonly type: 'line'; readonly id: number; readonly line: OutputLine}
	| {readonly type: 'finished'; readonly id: number; readonly status: RunStatus; readonly summary?: PingSummary; readonly error?: string}
	| {readonly type: 'diagnosed'; readonly id: number; readonly reasons: readonly string[]; readonly way?: readonly WayLine[]; readonly fix?: Fix};

/** Runs kept, newest last: the current one and four before it. */
export const PING_HISTORY = 5;
/** Lines kept per run: a long ping at 0.2 s must not grow without bound. */
export const PING_LINES = 500;

const update = (runs: readonly PingRun[], id: number, change: (run: PingRun) => PingRun): PingRun[] => runs.map((r) => (r.id === id ? change(r) : r));

export function pingRunsReducer(runs: readonly PingRun[], action: PingRunsAction): readonly PingRun[] {
	switch (action.type) {
		case 'start':
			return [...runs, action.run].slice(-PING_HISTORY);
		case 'line':
			return update(runs, action.id, (r) => ({...r, lines: [...r.lines, action.line].slice(-PING_LINES)}));
		case 'finished':
			return update(runs, action.id, (r) => ({...r, status: action.status, summary: action.summary, error: action.error}));
		case 'diagnosed':
			return update(runs, action.id, (r) => ({...r, diagnosis: action.reasons, way: action.way, fix: action.fix}));
	}
}
