// What the SSH guard's revert job (system/revert-job.ts) is handed, and how its outcome is told. Before a
// guarded change runs, the before-state of the session's namespace is read from the kernel; the job gets
// the plan's inverse followed by the commands that put that before-state back (guard-restore.ts). After
// the change, `ip route get CLIENT from SERVER` says whether the session still has a way home.
import type {SessionPath} from '../model/ssh-session.js';
import type {CommandResult} from '../system/runner.js';
import type {RevertReport, RevertResult} from '../system/revert-job.js';
import {parseBeforeState, restoreCommands} from './guard-restore.js';
import {execIn, ipIn, type Argv, type Plan} from './plan.js';
import type {LogEntry} from './run-plan.js';
import {undoSequence} from './run-plan.js';

type Run = (argv: Argv) => Promise<CommandResult>;

/** The links of the session's namespace whose before-state the revert puts back. */
export function revertScope(plan: Plan, path: SessionPath): Set<string> {
	const links = new Set(path.links);
	for (const touch of plan.touches ?? []) {
		if (touch.ns !== path.ns) continue;
		if (touch.change === 'route') {
			if (touch.route.dev) links.add(touch.route.dev);
		} else {
			links.add(touch.link);
			if (touch.change === 'detach') links.add(touch.port);
		}
	}
	return links;
}

/** The job's commands: the plan's inverse, then the before-state read now. Throws when it cannot be read. */
export async function revertCommands(run: Run, plan: Plan, path: SessionPath): Promise<Argv[]> {
	const read = async (...args: string[]): Promise<string> => {
		const result = await run(ipIn(path.ns, '-j', ...args));
		if (result.exitCode !== 0) throw new Error(`cannot read the state to revert to (ip ${args.join(' ')}): ${result.stderr.trim()}`);
		return result.stdout;
	};
	const before = parseBeforeState(path.ns, await read('addr', 'show'), await read('-4', 'route', 'show', 'table', 'all'), await read('-6', 'route', 'show', 'table', 'all'));
	return [...undoSequence(plan.steps), ...restoreCommands(before, revertScope(plan, path))];
}

/** Whether the server still has a route to the client from the session's own address. */
export async function pathHolds(run: Run, path: SessionPath): Promise<boolean> {
	const {client, server} = path.session;
	return (await run(execIn(path.ns, 'ip', 'route', 'get', client, 'from', server))).exitCode === 0;
}

/** One line on what the job did: how many commands, and which failed (a revert runs every one). */
export function revertedSummary(result: RevertResult): string {
	const failed = result.commands.filter((c) => c.status !== 0);
	const count = `${result.commands.length} command${result.commands.length === 1 ? '' : 's'}`;
	return failed.length === 0 ? count : `${count}, ${failed.length} failed: ${failed.map((c) => c.argv.join(' ')).join('; ')}`;
}

/** The job's commands as log entries, so the log (l) shows what was put back. */
export function revertLog(title: string, result: RevertResult): LogEntry[] {
	return result.commands.map((c) => ({argv: c.argv, status: c.status === 0 ? 'undo ok' : 'undo failed', exitCode: c.status, plan: `Revert ${title}`, at: new Date(result.at)}));
}

const clock = (ms: number): string => new Date(ms).toISOString().slice(11, 19);

/** What the next start says of a job whose nsdeck is gone. */
export function reportText(report: RevertReport): string {
	if (!report.result) return `✗ the guard’s revert of “${report.title}” (started ${clock(report.startedAt)} UTC) never ran: check this change by hand`;
	return `↺ reverted while nsdeck was away: “${report.title}” at ${clock(report.result.at)} UTC (${revertedSummary(report.result)}; l lists them)`;
}
