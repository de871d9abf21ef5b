// A tutorial that names its world as a file: `world` is checked like every field, found beside the
// tutorial's file, and its setup is the plan that makes that world from the empty lab.
import {copyFileSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, describe, expect, it} from 'vitest';
import {parseTutorial} from '../../source/model/tutorial/validate.js';
import {tutorialWithWorld} from '../../source/plans/tutorial-setup-plan.js';
import {readTutorialFile} from '../../source/system/tutorial-file.js';
import {readWorldFile} from '../../source/system/world-file-io.js';

const PAIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples', 'worlds', 'pair.yaml');
const minimal = {title: 'T', summary: 'S', steps: [{goal: 'G', commands: ['ping 10.0.0.2'], check: {namespace: 'client'}}]};
const dir = mkdtempSync(join(tmpdir(), 'nsdeck-tutorial-world-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

const problem = (json: unknown): string => {
	try {
		parseTutorial('mine.json', 'mine', JSON.stringify(json));
	} catch (error) {
		return (error as Error).message;
	}
	throw new Error('no error');
};

describe('a tutorial with a world file', () => {
	it('takes `world` as a YAML file, instead of setup commands, never with them', () => {
		expect(parseTutorial('mine.json', 'mine', JSON.stringify({...minimal, world: 'worlds/pair.yaml'})).world).toBe('worlds/pair.yaml');
		expect(problem({...minimal, world: 'pair.json'})).toMatch(/^mine\.json: world: "pair\.json" is not a world file/);
		expect(problem({...minimal, world: 'pair.yaml', setup: [['ip', 'netns', 'add', 'x']]})).toMatch(/^mine\.json: world: give setup commands or a world file, not both/);
	});

	it('finds the file beside the tutorial, and its setup is the plan that builds that world from the empty lab', () => {
		copyFileSync(PAIR, join(dir, 'pair.yaml'));
		const path = join(dir, 'mine.json');
		writeFileSync(path, JSON.stringify({...minimal, world: 'pair.yaml'}));
		const read = readTutorialFile(path);
		expect(read.world).toBe(join(dir, 'pair.yaml'));
		const tutorial = tutorialWithWorld(read, readWorldFile(read.world as string));
		expect(tutorial.setup.map((argv) => argv.join(' '))).toEqual([
			'ip netns add client',
			'ip netns add server',
			'ip link add name pair-client netns client type veth peer name pair-server netns server',
			'ip -n client addr add 10.0.0.1/24 dev pair-client',
			'ip -n server addr add 10.0.0.2/24 dev pair-server',
			'ip -n client link set dev lo up',
			'ip -n client link set dev pair-client up',
			'ip -n server link set dev lo up',
			'ip -n server link set dev pair-server up',
		]);
	});
});
