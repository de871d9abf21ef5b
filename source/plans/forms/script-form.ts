// w in the command log: where to write the log as a script. A path with a default shown (in the current
// directory, named by the time), checked as it is typed: the directory must exist, and a file already
// there is replaced only when the user says so.
import {scriptTarget} from '../../system/log-file.js';
import type {Plan} from '../plan.js';
import {errorsOf, flag, text, type FormSpec} from './form-spec.js';

/** Nothing runs: the plan-shaped preview carries where to write. */
export interface ScriptPlan extends Plan {
	readonly path: string;
	readonly overwrite: boolean;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** ./nsdeck-20261130-094102.sh, in local time. */
export function defaultScriptPath(now = new Date()): string {
	const day = `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}`;
	return `./nsdeck-${day}-${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}.sh`;
}

export function scriptForm(commands: number, now = new Date()): FormSpec<ScriptPlan> {
	return {
		title: `Write the command log (${commands} command${commands === 1 ? '' : 's'}) as a script`,
		fields: [
			{id: 'path', label: 'File', kind: 'text', placeholder: 'e.g. ./lab.sh or ~/lab.sh'},
			{id: 'overwrite', label: 'Replace', kind: 'toggle'},
		],
		initial: {path: defaultScriptPath(now), overwrite: false},
		withoutCommands: true,
		validate(v) {
			const typed = text(v, 'path');
			if (typed === '') return {path: 'a file name is needed, e.g. ./lab.sh'};
			if (/[\u0000-\u001F\u007F]/.test(typed)) return {path: 'control characters are not allowed'};
			const target = scriptTarget(typed);
			// Writing through a symlink would replace a file the user did not name: they name it, or pick another.
			const symlink = target.symlinkTo !== undefined ? `a symlink to ${target.symlinkTo}: type that path to write there` : undefined;
			return errorsOf({
				path: target.problem ?? symlink ?? (target.exists && !flag(v, 'overwrite') ? 'file exists: set Replace' : undefined),
			});
		},
		plan(v): ScriptPlan {
			const target = scriptTarget(text(v, 'path'));
			const overwrite = flag(v, 'overwrite') && target.exists;
			return {
				title: `Write the script to ${target.path}`,
				steps: [],
				dangerous: false,
				affects: [],
				consequences: [`${overwrite ? 'replaces' : 'writes'} ${target.path}`],
				path: target.path,
				overwrite,
			};
		},
	};
}
