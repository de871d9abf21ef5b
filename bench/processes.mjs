// The live processes below a PID, from /proc: the churn bench counts the app's children with it, and the
// kernel tests check that none outlive the app.
import {readdirSync, readFileSync} from 'node:fs';

/** Live (not zombie) processes whose parent chain leads to `root`. */
export function descendants(root) {
	const parent = new Map();
	const comm = new Map();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const close = stat.lastIndexOf(')');
			const [state, ppid] = stat.slice(close + 2).split(' ');
			if (state === 'Z') continue;
			parent.set(Number(entry), Number(ppid));
			comm.set(Number(entry), stat.slice(stat.indexOf('(') + 1, close));
		} catch {
			// Gone while we looked.
		}
	}
	const below = (pid) => {
		for (let p = parent.get(pid); p !== undefined && p > 0; p = parent.get(p)) if (p === root) return true;
		return false;
	};
	return [...parent.keys()].filter(below).map((pid) => ({pid, ppid: parent.get(pid) ?? 0, comm: comm.get(pid) ?? '?'}));
}

/** Those of `pids` still running (a zombie has ended). */
export const alive = (pids) =>
	pids.filter((pid) => {
		try {
			return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
		} catch {
			return false;
		}
	});
