// `npm run lint`: typescript-eslint's recommended rules, and the layering of DESIGN.md checked on every
// import: model ← system ← plans ← state ← ui, each layer importing only the ones to its left, and no
// import cycles anywhere.
import js from '@eslint/js';
import {createTypeScriptImportResolver} from 'eslint-import-resolver-typescript';
import {importX} from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const LAYERS = ['model', 'system', 'plans', 'state', 'ui'];

/** For each layer, the layers above it, which it must not import. */
const layerZones = LAYERS.slice(0, -1).map((layer, index) => ({
	target: `./source/${layer}`,
	from: LAYERS.slice(index + 1).map((above) => `./source/${above}`),
	message: `${layer}/ sits below ${LAYERS.slice(index + 1).join(', ')} (see DESIGN.md: Layers)`,
}));

export default tseslint.config(
	{ignores: ['dist/', 'node_modules/', 'npm/*/bin/']},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		plugins: {'import-x': importX},
		settings: {'import-x/resolver-next': [createTypeScriptImportResolver()]},
		rules: {
			'import-x/no-cycle': 'error',
			'import-x/no-restricted-paths': ['error', {zones: layerZones}],
			// Intentional, and said why where used (e.g. a control character in a validation regex).
			'no-control-regex': 'off',
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
		},
	},
	{
		// Text on screen goes through source/ui/text.tsx, which makes strings from the kernel safe to draw.
		files: ['source/**/*.tsx', 'cli.tsx'],
		ignores: ['source/ui/text.tsx'],
		rules: {
			'no-restricted-imports': ['error', {paths: [{name: 'ink', importNames: ['Text'], message: 'use Text from source/ui/text.tsx: it makes strings from the kernel safe to draw'}]}],
		},
	},
	{
		files: ['**/*.mjs', '**/*.js'],
		languageOptions: {globals: {console: 'readonly', process: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', performance: 'readonly', Buffer: 'readonly', URL: 'readonly'}},
	},
);
