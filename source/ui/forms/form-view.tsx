// Draws any FormSpec: its fields, each field's message, and live below them the exact commands it will
// run. What each key does is state/form/form-reducer.ts, which rows show is state/form/form-layout.ts;
// this file reads the keys (form-keys.ts), hands on what the reducer decides, and draws.
import {Box, useApp} from 'ink';
import {useMemo, useRef, useState} from 'react';
import type {World} from '../../model/types.js';
import type {Plan} from '../../plans/plan.js';
import {pinPlan} from '../../plans/pins.js';
import type {SessionRisk} from '../../plans/session-guard.js';
import type {FormSpec} from '../../plans/forms/form-spec.js';
import {formFacts, type FormEnv} from '../../state/form/form-facts.js';
import {formHints} from '../../state/form/form-hints.js';
import {formLayout} from '../../state/form/form-layout.js';
import {formStep, type FormEvent} from '../../state/form/form-reducer.js';
import {initialFormState, type FormState} from '../../state/form/form-state.js';
import {optionsOf} from '../../plans/forms/form-spec.js';
import {Text} from '../text.js';
import {theme} from '../theme.js';
import {ChoiceList} from './choice-list.js';
import {FormFields} from './form-fields.js';
import {formEvent} from './form-keys.js';
import {useKeyReader} from '../hooks/key-layer.js';
import {FormPlan, Rows} from './form-plan.js';

export interface FormViewProps<P extends Plan> {
	readonly spec: FormSpec<P>;
	readonly world: World;
	readonly width: number;
	readonly height: number;
	readonly dryRun: boolean;
	readonly isFocused: boolean;
	/** Whether the plan touches the path of the user's SSH session: then its interface's name is typed first. */
	readonly sessionRisk?: (plan: Plan) => SessionRisk | undefined;
	/** The countdown after such a change (ui/hooks/use-plans.ts), to say so in the preview. */
	readonly keepSeconds?: number;
	readonly onSubmit: (plan: P) => void;
	/** The server the plan runs on (`--host`): the preview names it. */
	readonly host?: string;
	readonly onCancel: () => void;
	/** Ctrl+Y: the commands, to the clipboard (the status says how it went). */
	readonly onCopy: (text: string) => void;
}

export function FormView<P extends Plan>({spec, world, width, height, dryRun, isFocused, sessionRisk, keepSeconds = 30, onSubmit, onCancel, onCopy, host}: FormViewProps<P>) {
	const t = theme();
	const env = useMemo((): FormEnv<P> => ({spec, world, dryRun, sessionRisk, size: {width, height}}), [spec, world, dryRun, sessionRisk, width, height]);
	const [state, setState] = useState<FormState>(() => initialFormState(spec));
	// The world as the form opened on it: what the user chose from. Each step's interfaces are pinned to
	// it (pins.ts), so a rename from outside while the form is open stops the run instead of retargeting it.
	const [openedOn] = useState(world);
	// Keys may arrive faster than renders: each must see the state the previous one made.
	const latest = useRef(state);
	const {exit} = useApp();
	const handle = (event: FormEvent | undefined): void => {
		if (!event) return;
		const {state: next, effect} = formStep(env, latest.current, event);
		latest.current = next;
		setState(next);
		if (effect?.kind === 'submit') onSubmit(pinPlan(effect.plan, openedOn));
		else if (effect?.kind === 'cancel') onCancel();
		else if (effect?.kind === 'quit') exit();
		else if (effect?.kind === 'copy') onCopy(effect.text);
	};
	// Keys come one by one from the input layer, which holds those after a submitting Enter for the run's
	// end. A paste is text for the focused field, whole: its line breaks stay in it (shown, and refused as
	// any control character is), so a pasted Enter never submits and a pasted Tab never moves on.
	useKeyReader({key: (typed) => handle(formEvent(typed)), paste: (text) => handle({kind: 'paste', text})}, isFocused);

	const facts = formFacts(env, state.values);
	const {plan} = facts;
	const layout = formLayout(facts, state, env.size);
	const {lower} = layout;
	const choosing = state.choosing && spec.fields.find((f) => f.id === state.choosing?.id);
	return (
		<Box flexDirection="column" borderStyle="double" borderColor={plan?.dangerous ? t.bad : t.accent} width={width} height={height} paddingX={1}>
			<Rows rows={1}>
				<Text bold color={t.accent} wrap="truncate">
					{spec.title}
					{dryRun ? '  (dry run: nothing will change)' : ''}
				</Text>
			</Rows>
			<Box flexDirection="column" height={layout.bodyRows} overflow="hidden" flexShrink={0}>
				<FormFields facts={facts} state={state} layout={layout} />
				{layout.formErrorRows > 0 && (
					<Rows rows={layout.formErrorRows}>
						<Text color={t.bad} wrap="wrap">
							✗ {facts.errors._form}
						</Text>
					</Rows>
				)}
				<Rows rows={1}>
					<Text> </Text>
				</Rows>
				{lower.kind === 'choose' && choosing && state.choosing ? (
					<ChoiceList
						label={choosing.label}
						options={optionsOf(choosing, state.values)}
						describe={choosing.describe}
						current={String(state.values[choosing.id])}
						state={state.choosing}
						height={lower.rows}
						width={layout.innerWidth}
					/>
				) : lower.kind === 'nothing' ? (
					<Rows rows={lower.rows}>
						<Text color={t.warn} wrap="wrap">
							{lower.text}
						</Text>
					</Rows>
				) : lower.kind === 'plan' ? (
					<FormPlan facts={facts} state={state} lower={lower} layout={layout} keepSeconds={keepSeconds} host={host} />
				) : lower.kind === 'fill' ? (
					<Rows rows={lower.rows}>
						<Text color={t.muted}>{lower.text}</Text>
					</Rows>
				) : null}
			</Box>
			<Rows rows={1}>
				<Text color={t.muted} wrap="truncate">
					{formHints({spec, values: state.values, dryRun, plan, copied: state.copied ?? false, nothing: facts.nothing !== undefined, reviewing: state.reviewing === true})}
				</Text>
			</Rows>
		</Box>
	);
}
