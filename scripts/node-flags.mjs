// The Node options nsdeck runs with, wherever it starts: the installed program's #! line (build.mjs) and
// the single executable's execArgv (dist.mjs). When nsdeck starts itself again (source/system/self.ts),
// it passes on the options it was started with.
//
// --max-semi-space-size=4: while a large world loads, V8 lets the young generation grow to 16 MB a
// semi-space, which held ~45 MB of memory at 1,000 namespaces; capped at 4 MB, the peak RSS there is
// ~20 MB lower, and the first frame no slower (npm run bench's peak RSS and first frame columns).
// --heap-growing-percent=30: after each full collection V8 lets the old generation grow by a factor it
// picks (up to 4x for a small heap) before the next; loading 1,000 namespaces leaves a lot of short-lived
// records there, so the heap grew to ~125 MB around ~35 MB of live objects. Growing by 1.3x, the peak
// RSS there fell from 189-204 MB to 123-126 MB with the load no slower (/work/tools/rss-trace.mjs, two
// runs each; npm run bench's peak RSS and first frame columns).
// V8 reads these options only when it makes the heap: the program cannot set them for itself.
export const NODE_FLAGS = ['--max-semi-space-size=4', '--heap-growing-percent=30'];
