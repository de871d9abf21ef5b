// Renders any FormSpec: its fields, each field's message, and live below them the exact commands it will
// run. Enter submits only valid values; Esc cancels.
import {Box, useApp, useInput, usePaste} from 'ink';
import {Text} from '../text.js';
import {useMemo, useRef, useState} from 'react';
import type {World} from '../../model/types.js';
import {asksTwice, type Plan} from '../../plans/plan.js';
import type {SessionRisk} from '../../plans/session-guard.js';
import {commandText} from '../../plans/script.js';
import {keyName} from '../../state/keys/key-name.js';
import {fit} from '../list-window.js';
import {theme} from '../theme.js';
import {copyToClipboard} from '../../system/terminal.js';
import type {FormSpec, FormValues} from '../../plans/forms/form-spec.js';
import {hasErrors, NOTHING_TO_CHANGE, optionsOf} from '../../plans/forms/form-spec.js';
import {ChoiceList} from './choice-list.js';
import {matching} from './choice-filter.js';
import {formReducer, initialFormState, type FormKey, type FormState} from './form-state.js';
import {wrappedRows} from '../../model/text-width.js';

export interface FormViewProps<P extends Plan> {
	readonly spec: FormSpec<P>;
	readonly world: World;
	readonly width: number;
	readonly height: number;
	readonly dryRun: boolean;
	readonly isFocused: boolean;
	/** Whether the plan touches the path of the user's SSH session: then its interface's name is typed first. */
	readonly sessionRisk?: (plan: Plan) => SessionRisk | undefined;
	/** The countdown after such a change (state/use-plans.ts), to say so in the preview. */
	readonly keepSeconds?: number;
	readonly onSubmit: (plan: P) => void;
	readonly onCancel: () => void;
	/** Keys read together with the Enter that submitted (`⏎b` over SSH): not this closing form's. */
	readonly onKeysAfterSubmit?: (text: string) => void;
}

const KEY_ACTIONS: Readonly<Record<string, FormKey>> = {
	tab: {kind: 'next'},
	down: {kind: 'next'},
	'shift+tab': {kind: 'prev'},
	up: {kind: 'prev'},
	left: {kind: 'left'},
	right: {kind: 'right'},
	space: {kind: 'space'},
	backspace: {kind: 'backspace'},
	'ctrl+u': {kind: 'clear'},
};

/**
 * A choice among more than this many opens a filterable list (ChoiceList) on Space or on the first letter
 * typed; fewer are cycled with ← → and Space. Up to five, ← or → reaches any option in at most two
 * presses, which is fewer than opening the list, typing a letter and Enter; from six on the list is as
 * quick or quicker, and with hundreds of namespaces it is the only way.
 */
export const LIST_ABOVE = 5;

/** Only the keys that do something in this form, so that the line fits 80 columns. */
function footerHints(spec: FormSpec<Plan>, values: FormValues, dryRun: boolean, plan: Plan | undefined, copied: boolean, nothing: boolean, reviewing: boolean): string {
	const enter = dryRun ? 'Enter dry run' : plan && asksTwice(plan) ? `Enter twice ${plan.dangerous ? 'DELETES' : 'runs'}` : 'Enter runs';
	const copy = `Ctrl+Y ${copied ? 'sent to the terminal (OSC 52)' : 'copy'}`;
	if (reviewing) return [enter, 'Esc back to the form', '↑↓ scroll', copy].join(' · ');
	// With nothing to change there is nothing to run: Enter is not offered.
	const hints = nothing ? ['Esc close'] : [enter, 'Esc cancel'];
	if (spec.fields.length > 1) hints.push('Tab/↑↓ field');
	const choices = spec.fields.filter((f) => f.kind === 'choice');
	if (choices.some((f) => optionsOf(f, values).length > LIST_ABOVE)) hints.push('←→/type choose');
	else if (choices.length > 0) hints.push('←→ choose');
	else if (spec.fields.some((f) => f.kind === 'toggle')) hints.push('Space flips');
	// OSC 52 gets no answer: whether the terminal (or tmux) took it cannot be known, so it says "sent".
	hints.push(copy);
	return hints.join(' · ');
}


/** How many rows a text takes when ink wraps it at spaces in `width` columns (a word longer than a row is cut into rows). */
export const rowsOf = (text: string, width: number): number => wrappedRows(text, Math.max(width, 1));


export function FormView<P extends Plan>({spec, world, width, height, dryRun, isFocused, sessionRisk, keepSeconds = 30, onSubmit, onCancel, onKeysAfterSubmit}: FormViewProps<P>) {
	const t = theme();
	const [state, setState] = useState<FormState>(() => initialFormState(spec));
	const [copied, setCopied] = useState(false);
	/** What the user typed to confirm a change on their SSH session's path (see SessionRisk.confirm). */
	const [typedName, setTypedName] = useState('');
	const typedNameRef = useRef('');
	const [nameWanted, setNameWanted] = useState(false);
	const setTyped = (value: string): void => {
		typedNameRef.current = value;
		setTypedName(value);
	};
	/** A destructive plan's first Enter arms it; the second (or y) runs it. Any change of values disarms. */
	const [armed, setArmedState] = useState(false);
	// Read through a ref: two Enters in one chunk (over SSH) must see the first one's arming.
	const armedRef = useRef(false);
	const setArmed = (value: boolean): void => {
		armedRef.current = value;
		setArmedState(value);
	};
	/**
	 * Where the form leaves too little room for the whole plan ("… N more"), the first Enter shows all of
	 * it, on the form's whole height, and only the next Enter runs it: nothing runs that was not on screen.
	 */
	const [reviewing, setReviewingState] = useState(false);
	const reviewingRef = useRef(false);
	const setReviewing = (value: boolean): void => {
		reviewingRef.current = value;
		setReviewingState(value);
		setReviewScroll(0);
	};
	const [reviewScroll, setReviewScroll] = useState(0);
	/** Whether the last frame showed every command of the plan, and whether reviewing got to its end (set as it renders). */
	const planAllShown = useRef(true);
	const reviewedToEnd = useRef(false);
	/** How many commands the review shows at once (set as it renders): Enter before the end pages on. */
	const reviewPage = useRef(1);
	/** The choice field whose list is open, if any, and what was typed to open it: it has the keys until Enter or Esc. */
	const [choosing, setChoosingState] = useState<{id: string; filter: string} | undefined>(undefined);
	// Read through a ref: the letters typed right after the one that opened the list go to the list.
	const choosingRef = useRef(choosing);
	const setChoosing = (value: {id: string; filter: string} | undefined): void => {
		choosingRef.current = value;
		setChoosingState(value);
	};
	// Keys may arrive faster than renders: each must see the state the previous one made.
	const ref = useRef(state);
	const apply = (key: FormKey): FormState => {
		if (key.kind !== 'submitAttempt') {
			setArmed(false);
			setReviewing(false);
		}
		ref.current = formReducer(spec, ref.current, key);
		setState(ref.current);
		return ref.current;
	};
	/**
	 * Over SSH, or when keys come fast, several keys arrive as one chunk ("ns1\t10.1.1.1/24\r"): a tab,
	 * return or space inside it still moves to the next field, submits or flips a toggle.
	 */
	const typeChunk = (chunk: string): void => {
		const parts = chunk.split(/([\t\r ])/);
		for (const [index, part] of parts.entries()) {
			if (part === '\t') apply({kind: 'next'});
			else if (part === '\r') {
				if (submit()) return onKeysAfterSubmit?.(parts.slice(index + 1).join(''));
			}
			else if (part === ' ') apply({kind: 'space'});
			else if (part) apply({kind: 'type', text: part});
		}
	};
	/** Whether the plan was handed on to run. */
	const submit = (): boolean => {
		const now = apply({kind: 'submitAttempt'});
		if (hasErrors(spec.validate(now.values, world))) return false;
		const planned = spec.plan(now.values, world);
		// An empty plan is nothing to run: the form says so instead (see `nothing` below).
		if (planned.steps.length === 0 && !spec.withoutCommands) return false;
		const risk = dryRun ? undefined : sessionRisk?.(planned);
		if (risk && typedNameRef.current !== risk.confirm) {
			setNameWanted(true);
			return false;
		}
		if (!planAllShown.current && !reviewingRef.current) {
			setReviewing(true);
			return false;
		}
		if (reviewingRef.current && !reviewedToEnd.current) {
			setReviewScroll((n) => n + reviewPage.current);
			return false;
		}
		// A dry run changes nothing, so it needs no second word; the typed name is a second word already.
		if (asksTwice(planned) && !dryRun && !risk && !armedRef.current) {
			setArmed(true);
			return false;
		}
		onSubmit(planned);
		return true;
	};
	const errors = useMemo(() => spec.validate(state.values, world), [spec, state.values, world]);
	const plan = useMemo(() => (hasErrors(errors) ? undefined : spec.plan(state.values, world)), [spec, state.values, world, errors]);
	const risk = plan && !dryRun ? sessionRisk?.(plan) : undefined;

	const {exit} = useApp();
	useInput(
		(input, key) => {
			const name = keyName(input, key);
			// Everywhere, a form included: Ctrl+C quits.
			if (name === 'ctrl+c') return exit();
			if (name === 'escape') return reviewingRef.current ? setReviewing(false) : onCancel();
			if (name === 'return' || (name === 'y' && armedRef.current)) {
				submit();
				return;
			}
			if (reviewingRef.current) {
				// Only the plan is on screen: keys that would change a field it hides do nothing.
				if (name === 'down' || name === 'pagedown') setReviewScroll((n) => n + (name === 'down' ? 1 : 5));
				if (name === 'up' || name === 'pageup') setReviewScroll((n) => Math.max(n - (name === 'up' ? 1 : 5), 0));
				if (name !== 'ctrl+y') return;
			}
			if (name === 'ctrl+y') {
				if (plan) copyToClipboard(plan.steps.map((step) => commandText(step.argv)).join('\n') + '\n');
				return setCopied(plan !== undefined);
			}
			const field = spec.fields[ref.current.focus];
			// Typing the interface's name for the session guard: keys a text field does not take.
			if (risk && field?.kind !== 'text') {
				if (name === 'backspace') return setTyped(typedNameRef.current.slice(0, -1));
				if (input && !key.ctrl && !key.meta && input !== ' ' && name !== 'tab' && !['up', 'down', 'left', 'right'].includes(name)) return setTyped(typedNameRef.current + input);
			}
			if (choosingRef.current) return;
			if (field?.kind === 'choice' && optionsOf(field, ref.current.values).length > LIST_ABOVE) {
				if (name === 'space') return setChoosing({id: field.id, filter: ''});
				// A letter typed on a long choice opens its list, filtered by that letter.
				if (input && !key.ctrl && !key.meta && !KEY_ACTIONS[name] && !['return', 'tab'].includes(name)) {
					const end = input.search(/[\t\r]/);
					if (end === -1) return setChoosing({id: field.id, filter: input});
					// A chunk that goes on past the filter ("ns2\t…" over SSH): its first match is taken, the rest typed on.
					const match = matching(optionsOf(field, ref.current.values), input.slice(0, end), field.describe)[0];
					if (match !== undefined) apply({kind: 'set', id: field.id, value: match});
					return typeChunk(input.slice(end));
				}
			}
			const action = KEY_ACTIONS[name];
			if (action) apply(action);
			else if (input && !key.ctrl && !key.meta) typeChunk(input);
		},
		{isActive: isFocused && choosing === undefined},
	);
	// A paste is text for the focused field, whole: its line breaks stay in it (shown, and refused as any
	// control character is), so a pasted Enter never submits and a pasted Tab never moves on. Turning this
	// on has the terminal mark pastes (bracketed paste); without it a pasted line break arrives as Enter.
	usePaste(
		(text) => {
			if (reviewingRef.current) return;
			const field = spec.fields[ref.current.focus];
			if (risk && field?.kind !== 'text') return setTyped(typedNameRef.current + text);
			if (field?.kind === 'text') apply({kind: 'type', text});
		},
		{isActive: isFocused && choosing === undefined},
	);
	const choosingField = spec.fields.find((f) => f.id === choosing?.id);

	const labelWidth = Math.max(...spec.fields.map((f) => f.label.length), 8) + 2;
	const valueWidth = Math.min(28, Math.max(width - labelWidth - 8, 10));
	// A choice names where things live (`10.0.0.2 (server/pair-server)`): give it room to be read whole.
	const choiceWidth = Math.min(56, Math.max(width - labelWidth - 8, 10));
	const showError = (id: string): string | undefined => (state.submitted || state.touched.has(id) ? errors[id] : undefined);
	const formError = errors._form;
	const nothing = errors[NOTHING_TO_CHANGE] ?? (plan && plan.steps.length === 0 && !spec.withoutCommands ? 'these values are what the system has now' : undefined);
	const innerWidth = Math.max(width - 4, 10);
	// A message too long for the rest of its field's row goes on the rows below, whole (never cut with …).
	const fieldWidth = (field: FormSpec['fields'][number], shown: string): number =>
		1 + labelWidth + (field.kind === 'choice' ? Math.max(valueWidth, Math.min(shown.length, choiceWidth)) : valueWidth);
	const shownOf = (field: FormSpec['fields'][number]): string => {
		const value = state.values[field.id];
		if (field.kind === 'toggle') return value === true ? '[x] yes' : '[ ] no';
		if (field.kind === 'choice') return `‹ ${String(value)} ›`;
		return String(value);
	};
	const placeholderOf = (field: FormSpec['fields'][number], focused: boolean): string | undefined =>
		// An empty field's fallback (x's last command) shows even while focused: typing replaces it.
		field.kind === 'text' && state.values[field.id] === '' ? (field.fallback ?? (focused ? undefined : field.placeholder)) : undefined;
	const errorBelow = (field: FormSpec['fields'][number], error: string): boolean => {
		const placeholder = placeholderOf(field, spec.fields[state.focus] === field);
		return fieldWidth(field, shownOf(field)) + (placeholder ? placeholder.length + 1 : 0) + 3 + error.length > innerWidth;
	};
	const errorRows = spec.fields.reduce((sum, field) => {
		const error = showError(field.id);
		return sum + (error && errorBelow(field, error) ? rowsOf(`✗ ${error}`, innerWidth - 2) : 0);
	}, 0);
	const formErrorRows = formError && (state.submitted || spec.fields.length === 0) ? rowsOf(`✗ ${formError}`, innerWidth) : 0;
	const consequenceRows = (plan?.consequences ?? []).reduce((sum, line) => sum + rowsOf(`! ${line}`, innerWidth), 0);
	const planRows = (fieldRows: number): number => Math.max(height - 6 - fieldRows - consequenceRows - (armed ? 1 : 0) - (risk ? 4 : 0), 1);
	// A command too long for a row wraps (never cut with …): as many whole commands as fit, then "… N more".
	const stepsThatFit = (steps: Plan['steps'], rowsFree: number): number => {
		let rows = 0;
		for (const [i, step] of steps.entries()) {
			rows += rowsOf(commandText(step.argv), innerWidth - 2);
			const moreRow = i < steps.length - 1 ? 1 : 0;
			if (rows + moreRow > rowsFree) return Math.max(i, 1);
		}
		return steps.length;
	};
	const allSteps = plan?.steps ?? [];
	const shownSteps = stepsThatFit(allSteps, planRows(spec.fields.length + errorRows + formErrorRows));
	planAllShown.current = shownSteps >= allSteps.length;
	// Reviewing: the plan alone, from the first command ↑↓ scrolled to (the plan's end is as far as it goes).
	const reviewFrom = Math.min(reviewScroll, Math.max(allSteps.length - 1, 0));
	const reviewSteps = allSteps.slice(reviewFrom);
	const reviewShown = stepsThatFit(reviewSteps, planRows(0) - 1);
	reviewPage.current = reviewShown;
	if (!reviewing) reviewedToEnd.current = false;
	else if (reviewFrom + reviewShown >= allSteps.length) reviewedToEnd.current = true;
	return (
		<Box flexDirection="column" borderStyle="double" borderColor={plan?.dangerous ? t.bad : t.accent} width={width} height={height} paddingX={1}>
			<Text bold color={t.accent} wrap="truncate">
				{spec.title}
				{dryRun ? '  (dry run: nothing will change)' : ''}
			</Text>
			{!reviewing && spec.fields.map((field, index) => {
				const focused = index === state.focus;
				const error = showError(field.id);
				const shown = shownOf(field) + (field.kind === 'text' && focused ? '▏' : '');
				const placeholder = placeholderOf(field, focused);
				const below = error !== undefined && errorBelow(field, error);
				return (
					<Box key={field.id} flexDirection="column">
						<Text wrap="truncate">
							<Text bold={focused} color={focused ? t.accent : undefined}>
								{focused ? '›' : ' '}
								{field.label.padEnd(labelWidth)}
							</Text>
							<Text inverse={focused && t.inverse}>{fit(placeholder ? '' : shown, field.kind === 'choice' ? Math.max(valueWidth, Math.min(shown.length, choiceWidth)) : valueWidth)}</Text>
							{placeholder && <Text color={t.muted}> {placeholder}</Text>}
							{error && !below && <Text color={t.bad}> ✗ {error}</Text>}
						</Text>
						{below && (
							<Box paddingLeft={2}>
								<Text color={t.bad} wrap="wrap">
									✗ {error}
								</Text>
							</Box>
						)}
					</Box>
				);
			})}
			{!reviewing && formError && (state.submitted || spec.fields.length === 0) && (
				<Text color={t.bad} wrap="wrap">
					✗ {formError}
				</Text>
			)}
			<Text> </Text>
			{choosingField ? (
				<ChoiceList
					label={choosingField.label}
					options={optionsOf(choosingField, state.values)}
					describe={choosingField.describe}
					current={String(state.values[choosingField.id])}
					initialFilter={choosing?.filter}
					height={Math.max(height - 5 - spec.fields.length, 3)}
					width={innerWidth}
					isFocused={isFocused}
					onChoose={(value) => {
						apply({kind: 'set', id: choosingField.id, value});
						setChoosing(undefined);
					}}
					onCancel={() => setChoosing(undefined)}
				/>
			) : nothing !== undefined ? (
				<Text color={t.warn} wrap="wrap">
					Nothing to change: {nothing}.
				</Text>
			) : plan ? (
				<>
					{risk && (
						<>
							<Text bold color={t.bad} wrap="wrap">
								⚠ {risk.reason}.
							</Text>
							<Text bold color={t.bad} wrap="truncate">
								Type {risk.confirm} to go ahead: {typedName}▏{typedName === risk.confirm ? ' ✓' : nameWanted ? `  ✗ type ${risk.confirm} first` : ''}
							</Text>
							<Text color={t.bad} wrap="truncate">
								{risk.undoable ? `After it runs, it is undone in ${keepSeconds} s unless you press k.` : 'It cannot be undone by itself: if the session drops, nothing brings it back.'}
							</Text>
						</>
					)}
					<Text bold wrap="truncate">
						{plan.dangerous ? 'This cannot be undone. It will run:' : 'It will run:'}
					</Text>
					{armed && (
						<Text bold color={t.bad} wrap="truncate">
							Sure? Enter again (or y) runs it · Esc cancels
						</Text>
					)}
					{reviewing && (
						<Text bold color={t.accent} wrap="wrap">
							{reviewedToEnd.current ? `Enter runs these ${plan.steps.length} commands` : 'Enter shows the next commands'} · Esc goes back to the form
							{reviewFrom > 0 || reviewShown < reviewSteps.length ? ` · ↑↓ scroll (${reviewFrom + 1}–${reviewFrom + reviewShown} of ${plan.steps.length})` : ''}
						</Text>
					)}
					{(reviewing ? reviewSteps.slice(0, reviewShown) : plan.steps.slice(0, shownSteps)).map((step, i) => (
						<Box key={i} paddingLeft={2}>
							<Text color={t.good} wrap="wrap">
								{commandText(step.argv)}
							</Text>
						</Box>
					))}
					{!reviewing && plan.steps.length > shownSteps && <Text color={t.muted}>  … {plan.steps.length - shownSteps} more (Enter shows them all first)</Text>}
					{(plan.consequences ?? []).map((line, i) => (
						<Text key={`c${i}`} color={plan.dangerous ? t.bad : t.warn} wrap="wrap">
							! {line}
						</Text>
					))}
				</>
			) : (
				<Text color={t.muted}>{spec.fields.some((f) => showError(f.id) !== undefined) ? 'Fix the fields marked ✗ to see the commands.' : 'Fill in the fields to see the commands.'}</Text>
			)}
			<Box flexGrow={1} />
			<Text color={t.muted} wrap="truncate">
				{footerHints(spec, state.values, dryRun, plan, copied, nothing !== undefined, reviewing)}
			</Text>
		</Box>
	);
}
