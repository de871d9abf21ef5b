// The Node options nsdeck runs with, wherever it starts: the installed program's #! line (build.mjs) and
// the single executable's execArgv (dist.mjs). When nsdeck starts itself again (source/system/self.ts),
// it passes on the options it was started with.
//
// --max-semi-space-size=4: while a large world loads, V8 lets the young generation grow to 16 MB a
// semi-space, which held ~45 MB of memory at 1,000 namespaces; capped at 4 MB, the peak RSS there is
// ~20 MB lower, and the first frame no slower (npm run bench's peak RSS and first frame columns).
// V8 reads the option only when it makes the heap: the program cannot set it for itself. (The app sets
// --heap-growing-percent itself, when it starts: cli.tsx startApp.)
export const NODE_FLAGS = ['--max-semi-space-size=4'];
