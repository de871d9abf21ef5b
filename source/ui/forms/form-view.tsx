// Renders any FormSpec: its fields, each field's message, and live below them the exact commands it will
// run. Enter submits only valid values; Esc cancels.
import {Box, useInput} from 'ink';
import {Text} from '../text.js';
import {useMemo, useRef, useState} from 'react';
import type {World} from '../../model/types.js';
import {asksTwice, type Plan} from '../../plans/plan.js';
import type {SessionRisk} from '../../plans/session-guard.js';
import {commandText} from '../../plans/script.js';
import {keyName} from '../../key-name.js';
import {fit} from '../list-window.js';
import {theme} from '../theme.js';
import {copyToClipboard} from '../../terminal.js';
import type {FormSpec} from '../../plans/forms/form-spec.js';
import {hasErrors} from '../../plans/forms/form-spec.js';
import {ChoiceList} from './choice-list.js';
import {formReducer, initialFormState, type FormKey, type FormState} from './form-state.js';

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

/** Only the keys that do something in this form, so that the line fits 80 columns. */
function footerHints(spec: FormSpec<Plan>, dryRun: boolean, plan: Plan | undefined, copied: boolean): string {
	const enter = dryRun ? 'Enter dry run' : plan && asksTwice(plan) ? `Enter twice ${plan.dangerous ? 'DELETES' : 'runs'}` : 'Enter runs';
	const hints = [enter, 'Esc cancel'];
	if (spec.fields.length > 1) hints.push('Tab/↑↓ field');
	if (spec.fields.some((f) => f.kind === 'choice')) hints.push('←→ choose, Space list');
	else if (spec.fields.some((f) => f.kind === 'toggle')) hints.push('Space flips');
	// OSC 52 gets no answer: whether the terminal (or tmux) took it cannot be known, so it says "sent".
	hints.push(`Ctrl+Y ${copied ? 'sent to the terminal (OSC 52)' : 'copy'}`);
	return hints.join(' · ');
}

/** A choice among more than this many opens a list on Space (ChoiceList); fewer are cycled with ← →. */
const LIST_ABOVE = 3;


export function FormView<P extends Plan>({spec, world, width, height, dryRun, isFocused, sessionRisk, keepSeconds = 30, onSubmit, onCancel}: FormViewProps<P>) {
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
	/** The choice field whose list is open, if any: it has the keys until Enter or Esc. */
	const [choosing, setChoosing] = useState<string | undefined>(undefined);
	// Keys may arrive faster than renders: each must see the state the previous one made.
	const ref = useRef(state);
	const apply = (key: FormKey): FormState => {
		if (key.kind !== 'submitAttempt') setArmed(false);
		ref.current = formReducer(spec, ref.current, key);
		setState(ref.current);
		return ref.current;
	};
	/**
	 * Over SSH, or when keys come fast, several keys arrive as one chunk ("ns1\t10.1.1.1/24\r"): a tab,
	 * return or space inside it still moves to the next field, submits or flips a toggle.
	 */
	const typeChunk = (chunk: string): void => {
		for (const part of chunk.split(/([\t\r ])/)) {
			if (part === '\t') apply({kind: 'next'});
			else if (part === '\r') submit();
			else if (part === ' ') apply({kind: 'space'});
			else if (part) apply({kind: 'type', text: part});
		}
	};
	const submit = (): void => {
		const now = apply({kind: 'submitAttempt'});
		if (hasErrors(spec.validate(now.values, world))) return;
		const planned = spec.plan(now.values, world);
		const risk = dryRun ? undefined : sessionRisk?.(planned);
		if (risk && typedNameRef.current !== risk.confirm) return setNameWanted(true);
		// A dry run changes nothing, so it needs no second word; the typed name is a second word already.
		if (asksTwice(planned) && !dryRun && !risk && !armedRef.current) return setArmed(true);
		onSubmit(planned);
	};
	const errors = useMemo(() => spec.validate(state.values, world), [spec, state.values, world]);
	const plan = useMemo(() => (hasErrors(errors) ? undefined : spec.plan(state.values, world)), [spec, state.values, world, errors]);
	const risk = plan && !dryRun ? sessionRisk?.(plan) : undefined;

	useInput(
		(input, key) => {
			const name = keyName(input, key);
			if (name === 'escape') return onCancel();
			if (name === 'return' || (name === 'y' && armedRef.current)) return submit();
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
			if (name === 'space' && field?.kind === 'choice' && (field.options?.length ?? 0) > LIST_ABOVE) return setChoosing(field.id);
			const action = KEY_ACTIONS[name];
			if (action) apply(action);
			else if (input && !key.ctrl && !key.meta) typeChunk(input);
		},
		{isActive: isFocused && choosing === undefined},
	);
	const choosingField = spec.fields.find((f) => f.id === choosing);

	const labelWidth = Math.max(...spec.fields.map((f) => f.label.length), 8) + 2;
	const valueWidth = Math.min(28, Math.max(width - labelWidth - 8, 10));
	// A choice names where things live (`10.0.0.2 (server/pair-server)`): give it room to be read whole.
	const choiceWidth = Math.min(56, Math.max(width - labelWidth - 8, 10));
	const showError = (id: string): string | undefined => (state.submitted || state.touched.has(id) ? errors[id] : undefined);
	const formError = errors._form;
	const previewRows = Math.max(height - 6 - spec.fields.length - (plan?.consequences?.length ?? 0) - (armed ? 1 : 0) - (risk ? 4 : 0), 1);
	return (
		<Box flexDirection="column" borderStyle="double" borderColor={plan?.dangerous ? t.bad : t.accent} width={width} height={height} paddingX={1}>
			<Text bold color={t.accent} wrap="truncate">
				{spec.title}
				{dryRun ? '  (dry run: nothing will change)' : ''}
			</Text>
			{spec.fields.map((field, index) => {
				const focused = index === state.focus;
				const value = state.values[field.id];
				const error = showError(field.id);
				let shown: string;
				if (field.kind === 'toggle') shown = value === true ? '[x] yes' : '[ ] no';
				else if (field.kind === 'choice') shown = `‹ ${String(value)} ›`;
				else shown = String(value) + (focused ? '▏' : '');
				const placeholder = field.kind === 'text' && value === '' ? (field.fallback ?? (focused ? undefined : field.placeholder)) : undefined;
				return (
					<Text key={field.id} wrap="truncate">
						<Text bold={focused} color={focused ? t.accent : undefined}>
							{focused ? '›' : ' '}
							{field.label.padEnd(labelWidth)}
						</Text>
						<Text inverse={focused && t.inverse}>{fit(placeholder ? '' : shown, field.kind === 'choice' ? Math.max(valueWidth, Math.min(shown.length, choiceWidth)) : valueWidth)}</Text>
						{placeholder && <Text color={t.muted}> {placeholder}</Text>}
						{error && <Text color={t.bad}> ✗ {error}</Text>}
					</Text>
				);
			})}
			{formError && (state.submitted || spec.fields.length === 0) && <Text color={t.bad}>✗ {formError}</Text>}
			<Text> </Text>
			{choosingField ? (
				<ChoiceList
					label={choosingField.label}
					options={choosingField.options ?? []}
					current={String(state.values[choosingField.id])}
					height={Math.max(height - 5 - spec.fields.length, 3)}
					isFocused={isFocused}
					onChoose={(value) => {
						apply({kind: 'set', id: choosingField.id, value});
						setChoosing(undefined);
					}}
					onCancel={() => setChoosing(undefined)}
				/>
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
					{plan.steps.slice(0, previewRows).map((step, i) => (
						<Text key={i} color={t.good} wrap="truncate">
							{'  '}
							{commandText(step.argv)}
						</Text>
					))}
					{plan.steps.length > previewRows && <Text color={t.muted}>  … {plan.steps.length - previewRows} more</Text>}
					{(plan.consequences ?? []).map((line, i) => (
						<Text key={`c${i}`} color={plan.dangerous ? t.bad : t.warn} wrap="truncate">
							! {line}
						</Text>
					))}
				</>
			) : (
				<Text color={t.muted}>Fill in the fields to see the commands.</Text>
			)}
			<Box flexGrow={1} />
			<Text color={t.muted} wrap="truncate">
				{footerHints(spec, dryRun, plan, copied)}
			</Text>
		</Box>
	);
}
