// The tutorials nsdeck ships: one JSON file each in builtin/, bundled, and validated like anyone's file
// when first asked for (validate.ts), so a mistake in one names its file and field.
import fresh from './builtin/1-fresh-namespace.json' with {type: 'json'};
import veth from './builtin/2-veth-pair.json' with {type: 'json'};
import bridge from './builtin/3-bridge.json' with {type: 'json'};
import host from './builtin/4-host-and-namespaces.json' with {type: 'json'};
import router from './builtin/5-router.json' with {type: 'json'};
import repair from './builtin/6-repair.json' with {type: 'json'};
import type {Tutorial} from './types.js';
import {readTutorial} from './validate.js';

const FILES: ReadonlyArray<readonly [string, unknown]> = [
	['1-fresh-namespace', fresh],
	['2-veth-pair', veth],
	['3-bridge', bridge],
	['4-host-and-namespaces', host],
	['5-router', router],
	['6-repair', repair],
];

let read: readonly Tutorial[] | undefined;

/** As written: one that names a world file has no setup yet (plans/builtin-tutorials.ts gives it one). */
export function builtinTutorialFiles(): readonly Tutorial[] {
	read ??= FILES.map(([name, json]) => readTutorial(`builtin/${name}.json`, name, json));
	return read;
}
