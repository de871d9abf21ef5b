// A form is data: its fields, its first values, how to check them and the plan they make. One generic
// engine (state/form/, drawn by ui/forms/form-view.tsx) drives every form.
import type {Link, World} from '../../model/types.js';
import type {Plan} from '../../plans/plan.js';

export type FieldValue = string | boolean;
export type FormValues = Readonly<Record<string, FieldValue>>;
export type FormErrors = Readonly<Record<string, string | undefined>>;

export interface FieldSpec {
	readonly id: string;
	readonly label: string;
	/** text: typed; toggle: Space flips; choice: ← → pick one of `options`. */
	readonly kind: 'text' | 'toggle' | 'choice';
	readonly options?: readonly string[];
	/** Who or what an option is (a namespace's pod or container): shown beside it in the list, and matched by its filter. */
	readonly describe?: (option: string) => string | undefined;
	/** Options that depend on the other values (a bridge among those in the namespace chosen above). */
	readonly optionsFor?: (values: FormValues) => readonly string[];
	readonly placeholder?: string;
	/**
	 * What an empty text field stands for (x's last command): shown dimmed in its place even while focused,
	 * so that typing replaces it instead of adding to it. The form's validate and plan use it themselves.
	 */
	readonly fallback?: string;
	/**
	 * A default worked out from the other values (an end's name from its namespace): until the user edits
	 * the field, its value follows them. Typing into a followed text field replaces the suggestion.
	 */
	readonly follows?: (values: FormValues) => FieldValue;
	/**
	 * A choice's free-text sibling (the ping target's "Other address"): text typed on the choice goes there,
	 * with the cursor, instead of narrowing the choice's list.
	 */
	readonly typedInto?: string;
}

/** The options a choice field offers with these values. */
export const optionsOf = (field: FieldSpec, values: FormValues): readonly string[] => field.optionsFor?.(values) ?? field.options ?? [];

/**
 * Put every following field (FieldSpec.follows) that the user has not edited in step with the others. Two
 * passes, so that a field may follow one below it (an end's name follows the bridge chosen after it).
 */
export function withFollowers(fields: readonly FieldSpec[], values: FormValues, edited: ReadonlySet<string>): FormValues {
	let next = values;
	for (let pass = 0; pass < 2; pass++) {
		for (const field of fields) {
			if (!field.follows || edited.has(field.id)) continue;
			const value = field.follows(next);
			if (next[field.id] !== value) next = {...next, [field.id]: value};
		}
	}
	return next;
}

/**
 * A form that makes `P` from its values: a Plan that changes the world, or (ping, one command) a plan-shaped
 * preview that carries what to start. Each form declares its own P, so whoever submits it knows what it gets.
 */
export interface FormSpec<P extends Plan = Plan> {
	readonly title: string;
	readonly fields: readonly FieldSpec[];
	readonly initial: FormValues;
	/** The field that has the cursor when the form opens: the first one most people type in (default: the first). */
	readonly focus?: string;
	/**
	 * Opens with its messages shown, as after an Enter: the form came back from a check that only a process
	 * could make after Enter (capture's filter, compiled by tcpdump), and says what it found.
	 */
	readonly showErrors?: boolean;
	/**
	 * Messages by field id; `_form` for one that belongs to no field; `_nothing` (NOTHING_TO_CHANGE) when the
	 * values describe the world as it is: not an error, said as "Nothing to change: …", and nothing runs.
	 * Empty when the values are good.
	 */
	validate(values: FormValues, world: World): FormErrors;
	/** Only called with values that validate. */
	plan(values: FormValues, world: World): P;
	/**
	 * What it does is not commands (w writes the log to a file): its plan has no steps and is still something
	 * to do. Otherwise a plan without steps means the values ask for nothing new.
	 */
	readonly withoutCommands?: boolean;
}

/** What a form may start from: the selection when its key was pressed. */
export interface FormContext {
	readonly world: World;
	readonly ns: string;
	readonly link?: Link;
}

export const text = (values: FormValues, id: string): string => {
	const v = values[id];
	return typeof v === 'string' ? v.trim() : '';
};

export const flag = (values: FormValues, id: string): boolean => values[id] === true;

/** The key of FormErrors that says the values ask for nothing new (see FormSpec.validate). */
export const NOTHING_TO_CHANGE = '_nothing';

export const hasErrors = (errors: FormErrors): boolean => Object.values(errors).some((e) => e !== undefined);

/** Keep only the messages that are set, so tests and the view can compare plainly. */
export function errorsOf(entries: Record<string, string | undefined>): FormErrors {
	return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
}

/** A form with no fields: shows a plan and its consequences, and runs it on Enter. "Asks first." */
export function confirmForm(plan: Plan): FormSpec {
	return {title: plan.title, fields: [], initial: {}, validate: () => ({}), plan: () => plan};
}
