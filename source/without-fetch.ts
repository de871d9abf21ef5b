// nsdeck never uses fetch(). yoga-layout (ink's layout engine) loads its WebAssembly from an embedded
// data: URI, with fetch() when the global exists, else by decoding the same bytes itself; Node makes the
// global on first touch by loading undici, ~20 ms of every start. Removing it before yoga's module runs
// takes the second path. cli.tsx imports this first.
Reflect.deleteProperty(globalThis, 'fetch');
