// The tutorials nsdeck ships, ready to start: one whose JSON names a world file (examples/worlds/, bundled
// as text like the lab's scenarios) starts from that file's plan from the empty lab, as a tutorial given
// as a file does (tutorial-setup-plan.ts). One format for every world: the lab's, a tutorial's, a user's.
import tutorial4 from '../../examples/worlds/tutorial-4-host-and-namespaces.yaml';
import tutorial5 from '../../examples/worlds/tutorial-5-router.yaml';
import tutorial6 from '../../examples/worlds/tutorial-6-repair.yaml';
import {builtinTutorialFiles} from '../model/tutorial/catalog.js';
import type {Tutorial} from '../model/tutorial/types.js';
import {parseWorldFile} from '../model/world-file/parse.js';
import {tutorialWithWorld} from './tutorial-setup-plan.js';

/** The built-in tutorials' world files, by the name their JSON gives. */
const WORLDS: Readonly<Record<string, string>> = {
	'tutorial-4-host-and-namespaces.yaml': tutorial4,
	'tutorial-5-router.yaml': tutorial5,
	'tutorial-6-repair.yaml': tutorial6,
};

function withWorld(tutorial: Tutorial): Tutorial {
	if (tutorial.world === undefined) return tutorial;
	const text = WORLDS[tutorial.world];
	if (text === undefined) throw new Error(`builtin/${tutorial.name}.json: world: no built-in world file "${tutorial.world}"`);
	return tutorialWithWorld(tutorial, parseWorldFile(`examples/worlds/${tutorial.world}`, text));
}

let ready: readonly Tutorial[] | undefined;

export function builtinTutorials(): readonly Tutorial[] {
	ready ??= builtinTutorialFiles().map(withWorld);
	return ready;
}

/** By its full name, or its number or the words after it: '2', 'veth-pair' and '2-veth-pair' alike. */
export function findTutorial(wanted: string): Tutorial | undefined {
	return builtinTutorials().find((t) => t.name === wanted || t.name.split('-')[0] === wanted || t.name.slice(t.name.indexOf('-') + 1) === wanted);
}
