// Types for processes.mjs, which the kernel tests use too.
export declare function descendants(root: number): Array<{pid: number; ppid: number; comm: string}>;
export declare function alive(pids: readonly number[]): number[];
