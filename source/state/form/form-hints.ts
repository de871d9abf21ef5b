// The form's hint line: only the keys that do something in this form, so that the line fits 80 columns.
import {asksTwice, type Plan} from '../../plans/plan.js';
import {optionsOf, type FormSpec, type FormValues} from '../../plans/forms/form-spec.js';
import {LIST_ABOVE} from './form-state.js';

export interface HintFacts {
	readonly spec: FormSpec;
	readonly values: FormValues;
	readonly dryRun: boolean;
	readonly plan?: Plan;
	readonly copied: boolean;
	/** Nothing to change: nothing to run, so Enter is not offered. */
	readonly nothing: boolean;
	readonly reviewing: boolean;
}

export function formHints({spec, values, dryRun, plan, copied, nothing, reviewing}: HintFacts): string {
	const enter = dryRun ? 'Enter dry run' : plan && asksTwice(plan) ? `Enter twice ${plan.dangerous ? 'DELETES' : 'runs'}` : 'Enter runs';
	// OSC 52 gets no answer: whether the terminal (or tmux) took it cannot be known, so it says "sent".
	const copy = `Ctrl+Y ${copied ? 'copy again' : 'copy'}`;
	if (reviewing) return [enter, 'Esc back to the form', '↑↓ scroll', copy].join(' · ');
	const hints = nothing ? ['Esc close'] : [enter, 'Esc cancel'];
	if (spec.fields.length > 1) hints.push('Tab/↑↓ field');
	const choices = spec.fields.filter((f) => f.kind === 'choice');
	if (choices.some((f) => optionsOf(f, values).length > LIST_ABOVE)) hints.push('←→/type choose');
	else if (choices.length > 0) hints.push('←→ choose');
	else if (spec.fields.some((f) => f.kind === 'toggle')) hints.push('Space flips');
	hints.push(copy);
	return hints.join(' · ');
}
