// A process's children, by PID, from /proc: the kernel's list of them where it keeps one
// (/proc/PID/task/PID/children), else every process's parent in /proc/*/stat.
import {readdirSync, readFileSync} from 'node:fs';

export function childrenOf(pid: number): number[] {
	try {
		return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
	} catch {
		return readdirSync('/proc')
			.filter((entry) => /^\d+$/.test(entry))
			.filter((entry) => parentOf(Number(entry)) === pid)
			.map(Number);
	}
}

/** The 4th field of /proc/PID/stat, after the command name in parentheses (which may hold anything). */
function parentOf(pid: number): number | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
	} catch {
		return undefined;
	}
}
