// How this program starts itself again (the lab and the sandbox re-run nsdeck inside unshare): node, the
// options node was started with (the #! line's, scripts/node-flags.mjs) and the script; or the single
// executable alone, which takes its arguments where node would take the script and applies its own options.
import * as sea from 'node:sea';

export const selfArgv = (): string[] => (sea.isSea() ? [process.execPath] : [process.execPath, ...process.execArgv, process.argv[1] ?? '']);
