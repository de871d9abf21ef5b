// A form is data: its fields, its first values, how to check them and the plan they make. One generic
// view (form-view.tsx) renders and drives every form.
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
	readonly placeholder?: string;
	/**
	 * What an empty text field stands for (x's last command): shown dimmed in its place even while focused,
	 * so that typing replaces it instead of adding to it. The form's validate and plan use it themselves.
	 */
	readonly fallback?: string;
}

/**
 * A form that makes `P` from its values: a Plan that changes the world, or (ping, one command) a plan-shaped
 * preview that carries what to start. Each form declares its own P, so whoever submits it knows what it gets.
 */
export interface FormSpec<P extends Plan = Plan> {
	readonly title: string;
	readonly fields: readonly FieldSpec[];
	readonly initial: FormValues;
	/** Messages by field id; `_form` for one that belongs to no field. Empty when the values are good. */
	validate(values: FormValues, world: World): FormErrors;
	/** Only called with values that validate. */
	plan(values: FormValues, world: World): P;
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

export const hasErrors = (errors: FormErrors): boolean => Object.values(errors).some((e) => e !== undefined);

/** Keep only the messages that are set, so tests and the view can compare plainly. */
export function errorsOf(entries: Record<string, string | undefined>): FormErrors {
	return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
}

/** A form with no fields: shows a plan and its consequences, and runs it on Enter. "Asks first." */
export function confirmForm(plan: Plan): FormSpec {
	return {title: plan.title, fields: [], initial: {}, validate: () => ({}), plan: () => plan};
}
