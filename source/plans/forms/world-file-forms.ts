// W and A in the app: save the world as a file (where, checked as it is typed), and apply a file as an
// ordinary plan (the file read and compared with the world as it is typed: its mistakes, or what cannot
// be planned, said in the form; the plan shown below it, as every form's is).
import type {World} from '../../model/types.js';
import {fullPath, scriptTarget} from '../../system/log-file.js';
import {readWorldFile} from '../../system/world-file-io.js';
import type {Plan} from '../plan.js';
import {diffWorld} from '../world-diff.js';
import {errorsOf, flag, NOTHING_TO_CHANGE, text, type FormErrors, type FormSpec, type FormValues} from './form-spec.js';
import type {ScriptPlan} from './script-form.js';

export const DEFAULT_WORLD_FILE = './nsdeck-world.yaml';

function fromFile(v: FormValues, world: World, cannotMake?: ReadonlyMap<string, string>): {errors: FormErrors; plan?: Plan} {
	const typed = text(v, 'path');
	if (typed === '') return {errors: {path: 'a world file is needed: nsdeck save writes one, netnsplan files are read too'}};
	if (/[\u0000-\u001F\u007F]/.test(typed)) return {errors: {path: 'control characters are not allowed'}};
	const path = fullPath(typed);
	try {
		const diff = diffWorld(readWorldFile(path), world, {prune: flag(v, 'prune'), title: `Make the world match ${path}`, cannotMake});
		if (diff.problems.length > 0) return {errors: {_form: diff.problems.join('; ')}};
		return diff.plan ? {errors: {}, plan: diff.plan} : {errors: {[NOTHING_TO_CHANGE]: 'the world matches the file'}};
	} catch (error) {
		return {errors: {path: error instanceof Error ? error.message : String(error)}};
	}
}

/** `cannotMake`: the kinds this kernel cannot make, with why; a file that needs one is refused. */
export function applyFileForm(cannotMake?: ReadonlyMap<string, string>): FormSpec {
	return {
		title: 'Apply a world file: make the world match it',
		fields: [
			{id: 'path', label: 'File', kind: 'text', placeholder: 'e.g. ./lab.yaml (nsdeck save; netnsplan too)'},
			{id: 'prune', label: 'Prune', kind: 'toggle'},
		],
		initial: {path: '', prune: false},
		validate: (v, world) => fromFile(v, world, cannotMake).errors,
		plan(v, world) {
			const {plan} = fromFile(v, world, cannotMake);
			if (!plan) throw new Error('no plan: the form did not validate');
			return plan;
		},
	};
}

/** Nothing runs: the plan-shaped preview carries where to write, as the log's script form does. */
export function saveWorldForm(namespaces: number): FormSpec<ScriptPlan> {
	return {
		title: `Save the world (${namespaces} namespace${namespaces === 1 ? '' : 's'}) as a file`,
		fields: [
			{id: 'path', label: 'File', kind: 'text', placeholder: 'e.g. ./lab.yaml or ~/lab.yaml'},
			{id: 'overwrite', label: 'Replace', kind: 'toggle'},
		],
		initial: {path: DEFAULT_WORLD_FILE, overwrite: false},
		withoutCommands: true,
		validate(v) {
			const typed = text(v, 'path');
			if (typed === '') return {path: 'a file name is needed, e.g. ./lab.yaml'};
			if (/[\u0000-\u001F\u007F]/.test(typed)) return {path: 'control characters are not allowed'};
			const target = scriptTarget(typed);
			return errorsOf({path: target.problem ?? (target.exists && !flag(v, 'overwrite') ? 'file exists: set Replace' : undefined)});
		},
		plan(v): ScriptPlan {
			const target = scriptTarget(text(v, 'path'));
			const overwrite = flag(v, 'overwrite') && target.exists;
			return {
				title: `Save the world to ${target.path}`,
				steps: [],
				dangerous: false,
				affects: [],
				consequences: [`${overwrite ? 'replaces' : 'writes'} ${target.path}; nsdeck apply FILE (or A) makes it again`],
				path: target.path,
				overwrite,
			};
		},
	};
}
