// A tutorial that names its world as a file starts from that world: its setup, run as `nsdeck tutorial
// FILE` runs it, builds what the file declares, byte for byte as `nsdeck save` writes it back. The
// built-in tutorials with a world (4, 5, 6: examples/worlds/tutorial-*.yaml) too.
import {copyFileSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeEach, describe, expect, it} from 'vitest';
import {builtinTutorials} from '../../source/plans/builtin-tutorials.js';
import {tutorialWithWorld} from '../../source/plans/tutorial-setup-plan.js';
import {runCommand} from '../../source/system/runner.js';
import {readTutorialFile} from '../../source/system/tutorial-file.js';
import {readWorldFile} from '../../source/system/world-file-io.js';
import {requireSandbox, resetWorld} from '../support/sandbox.js';
import {save, worldFileDir} from '../support/world-cli.js';

const WORLDS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples', 'worlds');
const PAIR = join(WORLDS, 'pair.yaml');
const files = worldFileDir('tutorial-world');
afterAll(files.remove);

describe('a tutorial with a world file', () => {
	beforeEach(async () => {
		requireSandbox();
		await resetWorld();
	});

	it('builds the world the file declares', async () => {
		const tutorial = files.file('mine.json', JSON.stringify({title: 'T', summary: 'S', world: 'pair.yaml', steps: [{goal: 'G', commands: [], check: {namespace: 'client'}}]}));
		copyFileSync(PAIR, join(dirname(tutorial), 'pair.yaml'));
		const read = readTutorialFile(tutorial);
		const chosen = tutorialWithWorld(read, readWorldFile(read.world as string));
		for (const argv of chosen.setup) expect((await runCommand(argv)).stderr).toBe('');
		expect(save()).toBe(readFileSync(PAIR, 'utf8'));
	});

	it.each(builtinTutorials().filter((t) => t.world !== undefined).map((t) => [t.name, t] as const))('built-in %s builds its world file', async (_name, tutorial) => {
		expect(tutorial.setup.length).toBeGreaterThan(0);
		for (const argv of tutorial.setup) expect((await runCommand(argv)).stderr, argv.join(' ')).toBe('');
		// The file's comment lines say what it is; the rest is what save writes back.
		const declared = readFileSync(join(WORLDS, tutorial.world as string), 'utf8').replace(/^(?:#.*\n)+/, '');
		expect(save().replace(/^(?:#.*\n)+/, '')).toBe(declared);
	});
});
