// The lint guard bites: eslint.config.js's rules, run on a planted copy of the layout in a temporary
// directory, fail on each kind of violation (an import cycle, ink below ui/, an upward import, a layer
// importing an entry point at the source/ root) and pass the imports the layering allows.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, relative} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {ESLint} from 'eslint';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

const CONFIG = join(dirname(fileURLToPath(import.meta.url)), '..', 'eslint.config.js');

const PLANTED: Record<string, string> = {
	'source/model/cycle-a.ts': "import {b} from './cycle-b.js';\nexport const a = (): number => b() + 1;\n",
	'source/model/cycle-b.ts': "import {a} from './cycle-a.js';\nexport const b = (): number => (a() > 0 ? 1 : 0);\n",
	'source/model/drawn.ts': "import {Box} from 'ink';\nexport const box = Box;\n",
	'source/plans/react-state.ts': "import {useState} from 'react';\nexport const use = useState;\n",
	'source/model/upward.ts': "import {view} from '../ui/view.js';\nexport const up = view;\n",
	'source/state/rooted.ts': "import {entry} from '../start.js';\nexport const rooted = entry;\n",
	'source/ui/rooted.ts': "import {entry} from '../start.js';\nexport const rooted = entry;\n",
	// Allowed: a layer importing the one below it, ink in ui/, ink's Key type in state/keys/, the root
	// importing any layer.
	'source/model/types.ts': 'export type Id = string;\n',
	'source/system/reader.ts': "import type {Id} from '../model/types.js';\nexport const read = (id: Id): Id => id;\n",
	'source/ui/view.ts': "import {Box} from 'ink';\nexport const view = Box;\n",
	'source/state/keys/key.ts': "import type {Key} from 'ink';\nexport type Pressed = Key;\n",
	'source/start.ts': "import {read} from './system/reader.js';\nexport const entry = read('x');\n",
};

let root: string;
/** File (relative to the planted root) → the rules that failed in it. */
let failed: Map<string, string[]>;

beforeAll(async () => {
	root = mkdtempSync(join(tmpdir(), 'lint-plant-'));
	for (const [path, text] of Object.entries(PLANTED)) {
		mkdirSync(dirname(join(root, path)), {recursive: true});
		writeFileSync(join(root, path), text);
	}
	const {configFor} = (await import(pathToFileURL(CONFIG).href)) as {configFor: (root: string) => ESLint.Options['overrideConfig']};
	const eslint = new ESLint({cwd: root, overrideConfigFile: true, overrideConfig: configFor(root)});
	const results = await eslint.lintFiles(['source']);
	failed = new Map(results.map((result) => [relative(root, result.filePath), result.messages.map((message) => message.ruleId ?? message.message)]));
}, 120_000);

afterAll(() => {
	if (root) rmSync(root, {recursive: true, force: true});
});

describe('the lint guard on planted files', () => {
	it('fails on an import cycle between two .ts files', () => {
		expect(failed.get('source/model/cycle-a.ts')).toContain('import-x/no-cycle');
		expect(failed.get('source/model/cycle-b.ts')).toContain('import-x/no-cycle');
	});

	it('fails on ink or react imported below ui/', () => {
		expect(failed.get('source/model/drawn.ts')).toEqual(['@typescript-eslint/no-restricted-imports']);
		expect(failed.get('source/plans/react-state.ts')).toEqual(['@typescript-eslint/no-restricted-imports']);
	});

	it('fails on a layer importing one above it', () => {
		expect(failed.get('source/model/upward.ts')).toEqual(['import-x/no-restricted-paths']);
	});

	it('fails on a layer, ui/ too, importing an entry point at the source/ root', () => {
		expect(failed.get('source/state/rooted.ts')).toEqual(['import-x/no-restricted-paths']);
		expect(failed.get('source/ui/rooted.ts')).toEqual(['import-x/no-restricted-paths']);
	});

	it('passes what the layering allows', () => {
		for (const path of ['source/model/types.ts', 'source/system/reader.ts', 'source/ui/view.ts', 'source/state/keys/key.ts', 'source/start.ts']) {
			expect(failed.get(path), path).toEqual([]);
		}
	});

	it('refuses a directory in source/ that is in no layer', async () => {
		mkdirSync(join(root, 'source', 'helpers'));
		const {configFor} = (await import(pathToFileURL(CONFIG).href)) as {configFor: (root: string) => unknown};
		expect(() => configFor(root)).toThrow('source/helpers is in no layer');
	});
});
