// A .yaml file imported is its text: the bundle (scripts/bundle.mjs) and the tests (vitest.config.ts)
// load it so, and model/world-file/ reads it as any world file.
declare module '*.yaml' {
	const text: string;
	export default text;
}
