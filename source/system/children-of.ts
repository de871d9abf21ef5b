// A process's children, by PID, from the kernel's list of them (/proc/PID/task/PID/children, which the
// distributions' kernels keep). Empty where there is none: callers then act as if it had no children.
import {readFileSync} from 'node:fs';

export function childrenOf(pid: number): number[] {
	try {
		return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
	} catch {
		return [];
	}
}
