// A bundle-time change to esbuild's __toESM, the helper through which a bundled ES module imports a
// CommonJS one (react, react/jsx-runtime, and node's own modules, which the build turns into tiny CommonJS
// modules). esbuild calls it once per importing file, and every call copies all the module's exports onto
// a new object as getters: at start the bundle copied node:process 24 times and react 42 times, ~200
// copies, ~10 ms before the first frame. The copies are read-only views onto the module, so one serves
// every importer: the patch makes each module's copy once (for each of the helper's two modes) and shares
// it. The helper itself is left as esbuild wrote it; a statement after it wraps it.
import {shiftMappings} from './source-map-shift.mjs';

/** Wraps esbuild's __toESM so that each module is copied once per mode. Its source goes into the bundle. */
export function onceForEachModule(toESM) {
	const copies = [new WeakMap(), new WeakMap()];
	return (module, isNodeMode) => {
		if (module === null || (typeof module !== 'object' && typeof module !== 'function')) return toESM(module, isNodeMode);
		const byModule = copies[isNodeMode ? 1 : 0];
		let copy = byModule.get(module);
		if (copy === undefined) byModule.set(module, (copy = toESM(module, isNodeMode)));
		return copy;
	};
}

// esbuild 0.25's minified __toESM: `var w=(e,t,n)=>(n=e!=null?A(B(e)):{},C(t||!e||!e.__esModule?D(n,"default",{value:e,enumerable:!0}):n,e));`
const TO_ESM = /var ([\w$]+)=\(([\w$]+),([\w$]+),([\w$]+)\)=>\(\4=\2!=null\?[\w$]+\([\w$]+\(\2\)\):\{\},[\w$]+\(\3\|\|!\2\|\|!\2\.__esModule\?[\w$]+\(\4,"default",\{value:\2,enumerable:!0\}\):\4,\2\)\);/g;

/**
 * The bundle with its __toESM wrapped, and its source map (parsed JSON) with the code after the inserted
 * statement moved along; throws unless the helper is found exactly once.
 */
export function patchToESM(source, map) {
	const found = [...source.matchAll(TO_ESM)];
	if (found.length !== 1) throw new Error(`esbuild's __toESM found ${found.length} times, not once: check scripts/to-esm-patch.mjs`);
	const [{0: helper, 1: name, index}] = found;
	const at = index + helper.length;
	// On one line, so that only this line's mappings move. (The function has no comments, and no string
	// holds a line break, so joining its lines changes nothing else.)
	const statement = `${name}=(${String(onceForEachModule).replace(/\s*\n\s*/g, ' ')})(${name});`;
	const line = source.slice(0, at).split('\n').length - 1;
	const column = at - (source.lastIndexOf('\n', at - 1) + 1);
	return {
		source: source.slice(0, at) + statement + source.slice(at),
		map: {...map, mappings: shiftMappings(map.mappings, line, column, statement.length)},
	};
}
