// `npm run lint`: typescript-eslint's recommended rules, and the layering of docs/ARCHITECTURE.md checked
// on every import: model ← system ← plans ← state ← ui, each layer importing only the ones to its left;
// the files at the source/ root (start.ts, app.tsx, …) are entry points above them all, which no layer
// imports; ink and react only where the screen is drawn; and no import cycles anywhere.
// test/lint.test.ts plants one violation of each and expects the lint to fail.
import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import js from '@eslint/js';
import {createTypeScriptImportResolver} from 'eslint-import-resolver-typescript';
import {importX} from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

export const LAYERS = ['model', 'system', 'plans', 'state', 'ui'];

/** The zones of import-x/no-restricted-paths: what each file in source/ must not import. */
function layerZones() {
	const below = LAYERS.slice(0, -1).map((layer, index) => ({
		target: `./source/${layer}`,
		from: LAYERS.slice(index + 1).map((above) => `./source/${above}`),
		message: `${layer}/ sits below ${LAYERS.slice(index + 1).join(', ')} (docs/ARCHITECTURE.md)`,
	}));
	const entries = {
		target: LAYERS.map((layer) => `./source/${layer}`),
		from: './source/*.{ts,tsx}',
		message: 'the files at the source/ root are entry points, above every layer: no layer imports them',
	};
	return [...below, entries];
}

/** A directory in source/ that is no layer would be in no zone, its imports unchecked: say so instead. */
function checkEveryDirectoryIsALayer(root) {
	const stray = readdirSync(join(root, 'source'), {withFileTypes: true}).filter((entry) => entry.isDirectory() && !LAYERS.includes(entry.name));
	if (stray.length > 0) throw new Error(`source/${stray[0].name} is in no layer: put it in one of ${LAYERS.join(', ')}, or add it to LAYERS in eslint.config.js`);
}

const EXACT_ADDRESSES = {name: 'ipaddr.js', message: 'read addresses through source/model/ip-address.ts: ipaddr.js alone reads ::10.1.1.1 as ::ffff:10.1.1.1'};

const DRAWING = 'ink and react belong to source/ui/ (and source/app.tsx, cli.tsx): the layers below draw nothing';
/** ink, react and their kin, for @typescript-eslint/no-restricted-imports; `typesOfInk` lets `import type` of ink through. */
const drawingImports = (typesOfInk) => ['error', {
	paths: [
		{name: 'ink', message: DRAWING, allowTypeImports: typesOfInk},
		{name: 'react', message: DRAWING},
		{name: 'react-dom', message: DRAWING},
	],
	patterns: [{group: ['ink-*', 'react/*', 'react-dom/*', '@inkjs/*'], message: DRAWING}],
}];

/** The lint of the project at `root` (this directory; test/lint.test.ts passes a planted copy's). */
export function configFor(root) {
	checkEveryDirectoryIsALayer(root);
	return tseslint.config(
		{ignores: ['dist/', 'node_modules/', 'npm/*/bin/']},
		js.configs.recommended,
		...tseslint.configs.recommended,
		{
			plugins: {'import-x': importX},
			settings: {
				// import-x reads only the files whose extension it is told (by default .js, .mjs, .cjs): without
				// .ts and .tsx here, no-cycle never followed an import between two files of source/.
				'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
				'import-x/resolver-next': [createTypeScriptImportResolver()],
			},
			rules: {
				'import-x/no-cycle': 'error',
				// basePath: the zones are relative to the project, not to where eslint was started.
				'import-x/no-restricted-paths': ['error', {basePath: root, zones: layerZones()}],
				// Intentional, and said why where used (e.g. a control character in a validation regex).
				'no-control-regex': 'off',
				'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
			},
		},
		{
			files: ['source/**/*.ts', 'source/**/*.tsx'],
			ignores: ['source/ui/**', 'source/app.tsx'],
			rules: {'@typescript-eslint/no-restricted-imports': drawingImports(false)},
		},
		{
			// The key layer describes the input it normalises with ink's own Key type: a type, erased from the
			// build, so state/ still runs without ink.
			files: ['source/state/keys/**/*.ts'],
			rules: {'@typescript-eslint/no-restricted-imports': drawingImports(true)},
		},
		{
			files: ['source/**/*.ts'],
			ignores: ['source/model/ip-address.ts'],
			rules: {'no-restricted-imports': ['error', {paths: [EXACT_ADDRESSES]}]},
		},
		{
			// Text on screen goes through source/ui/text.tsx, which makes strings from the kernel safe to draw.
			files: ['source/**/*.tsx', 'cli.tsx'],
			ignores: ['source/ui/text.tsx'],
			rules: {
				'no-restricted-imports': ['error', {paths: [{name: 'ink', importNames: ['Text'], message: 'use Text from source/ui/text.tsx: it makes strings from the kernel safe to draw'}, EXACT_ADDRESSES]}],
			},
		},
		{
			files: ['**/*.mjs', '**/*.js'],
			languageOptions: {globals: {console: 'readonly', process: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', performance: 'readonly', Buffer: 'readonly', URL: 'readonly'}},
		},
	);
}

export default configFor(import.meta.dirname);
