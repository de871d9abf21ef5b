// What the bundle holds in place of react-devtools-core, an optional peer of ink that nsdeck does not
// install: ink imports it only when DEV=true and import.meta.resolve finds the package, which it never
// does beside the bundle. Bundled in, ink's import of it would otherwise be a static import that fails
// at every start.
export default {
	initialize() {},
	connectToDevTools() {},
};
