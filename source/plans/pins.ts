// Each step's target, pinned: the interfaces a step names (`dev`, `master`, a lower `link`) are the objects
// the preview showed — that ifindex, that name, in that namespace — or the step does not run. Between the
// preview and Enter anyone may rename, delete or make interfaces: `delete a1` must never delete the
// interface that took the name a1 meanwhile (transaction.ts checks each pin right before its step).
import {HOST_ID, type World} from '../model/types.js';
import type {Pin, Plan, Step} from './plan.js';

/** The namespace a step's argv runs in, and its ip words after the namespace part; undefined for no ip. */
export function ipWords(argv: readonly string[]): {readonly ns: string; readonly words: readonly string[]} | undefined {
	if (argv[0] === 'ip' && argv[1] === '-n' && argv[2] !== undefined) return {ns: argv[2], words: argv.slice(3)};
	if (argv[0] === 'nsenter' && argv[1]?.startsWith('--net=') && argv[2] === 'ip') return {ns: argv[1].slice('--net='.length), words: argv.slice(3)};
	if (argv[0] === 'ip' && argv[1] !== 'netns') return {ns: HOST_ID, words: argv.slice(1)};
	return undefined;
}

/** Words after which ip takes an existing interface's name. */
const NAMES_DEVICE = new Set(['dev', 'master', 'oif', 'iif']);

/** The interfaces a step names, in its namespace. */
export function stepTargets(step: Step): Array<{readonly ns: string; readonly name: string}> {
	const parsed = ipWords(step.argv);
	if (!parsed) return [];
	const {ns, words} = parsed;
	const objectAt = words.findIndex((w) => !w.startsWith('-'));
	const names: string[] = [];
	words.forEach((w, i) => {
		const next = words[i + 1];
		if (next === undefined || i <= objectAt) return;
		// `ip link add NAME link LOWER type macvlan`: the lower device; `ip link set dev X …` has `link` as its object.
		if (NAMES_DEVICE.has(w) || (w === 'link' && words[objectAt] === 'link' && words[objectAt + 1] === 'add')) names.push(next);
	});
	return names.map((name) => ({ns, name}));
}

/** A step after which a name may mean another interface: made, deleted, renamed, moved away. */
function changesIdentity(step: Step): boolean {
	const words = ipWords(step.argv)?.words ?? [];
	const object = words.find((w) => !w.startsWith('-'));
	return object === 'link' && (words.includes('add') || words.includes('del') || words.includes('delete') || words.includes('name') || words.includes('netns'));
}

/**
 * The plan with each step's targets pinned to the interfaces `world` (what the preview showed) has under
 * those names. A name is pinned until a step of the plan itself makes, deletes, renames or moves an
 * interface of that name: after it, the plan means its own new one.
 */
export function pinPlan<P extends Plan>(plan: P, world: World): P {
	const retired = new Set<string>();
	const key = (ns: string, name: string): string => `${ns}\0${name}`;
	const steps = plan.steps.map((step) => {
		const targets = stepTargets(step);
		const pins = targets.flatMap(({ns, name}): Pin[] => {
			if (retired.has(key(ns, name))) return [];
			const netns = world.namespaces.find((n) => n.id === ns);
			const link = netns?.links.find((l) => l.name === name && !l.planned);
			return netns && link && !netns.planned ? [{ns, name, ifindex: link.ifindex, ...(netns.identity ? {identity: netns.identity} : {})}] : [];
		});
		if (changesIdentity(step)) {
			for (const word of ipWords(step.argv)?.words ?? []) retired.add(key(ipWords(step.argv)?.ns ?? '', word));
			for (const {ns, name} of targets) retired.add(key(ns, name));
		}
		return pins.length > 0 ? {...step, pins} : step;
	});
	return {...plan, steps};
}

/** Why `pin` no longer holds, given the namespace's links now (undefined: it is gone or another one). */
export function pinProblem(pin: Pin, links: ReadonlyArray<{readonly ifindex: number; readonly name: string}> | undefined): string | undefined {
	if (!links) return `namespace ${pin.ns} is gone, or is another namespace than the preview showed`;
	const byName = links.find((l) => l.name === pin.name);
	if (byName?.ifindex === pin.ifindex) return undefined;
	const byIndex = links.find((l) => l.ifindex === pin.ifindex);
	const now = byName ? `${pin.name} is now another interface (ifindex ${byName.ifindex})` : `no interface is called ${pin.name} now`;
	const was = byIndex ? `the one the preview showed (ifindex ${pin.ifindex}) is now called ${byIndex.name}` : `the one the preview showed (ifindex ${pin.ifindex}) is gone`;
	return `${pin.name} in ${pin.ns} changed since the preview: ${now}; ${was}`;
}
