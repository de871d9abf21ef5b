// How this program starts itself again (the lab and the sandbox re-run nsdeck inside unshare): node and
// the script, or the single executable alone, which takes its arguments where node would take the script.
import * as sea from 'node:sea';

export const selfArgv = (): string[] => (sea.isSea() ? [process.execPath] : [process.execPath, process.argv[1] ?? '']);
