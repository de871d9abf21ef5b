// Draws what a form will run, as much of it as form-layout.ts found room for: the SSH warning and the
// name to type, the commands (wrapped, never cut with …), "… N more", and what the plan takes along.
// A plan of no commands (W writes a file itself) says so, not an empty "It will run:".
import {Box} from 'ink';
import type {ReactNode} from 'react';
import {commandText} from '../../plans/script.js';
import type {FormFacts} from '../../state/form/form-facts.js';
import type {FormLayout, Lower} from '../../state/form/form-layout.js';
import type {FormState} from '../../state/form/form-state.js';
import {Text} from '../text.js';
import {theme} from '../theme.js';

export interface FormPlanProps {
	readonly facts: FormFacts;
	readonly state: FormState;
	readonly lower: Lower & {readonly kind: 'plan'};
	readonly layout: FormLayout;
	/** The countdown after a change on the SSH session's path, to say so. */
	readonly keepSeconds: number;
	/** The server it runs on (`--host`): each command goes there as `ssh HOST -- …`. */
	readonly host?: string;
}

/** Text that wraps, held to the rows the layout gave it: it never pushes into the rows below. */
export function Rows({rows, children}: {readonly rows: number; readonly children: ReactNode}) {
	return (
		<Box height={rows} overflow="hidden" flexShrink={0}>
			{children}
		</Box>
	);
}

export function FormPlan({facts, state, lower, layout, keepSeconds, host}: FormPlanProps) {
	const t = theme();
	const {plan, risk} = facts;
	if (!plan) return null;
	const typedName = state.typedName ?? '';
	const from = lower.review?.from ?? 0;
	const stepsFrom = Math.min(from, plan.steps.length);
	const consequences = plan.consequences ?? [];
	const consequencesFrom = Math.max(from - plan.steps.length, 0);
	// "… N more" follows what it counts: commands not shown, else lines of what the plan takes along.
	const stepsHidden = stepsFrom + lower.steps < plan.steps.length;
	const more = lower.more > 0 && (
		<Rows rows={1}>
			<Text color={t.muted} wrap="truncate">
				{'  '}… {lower.more} more (Enter shows them all first)
			</Text>
		</Rows>
	);
	return (
		<>
			{risk && (
				<>
					<Rows rows={lower.riskRows - 2}>
						<Text bold color={t.bad} wrap="wrap">
							⚠ {risk.reason}.
						</Text>
					</Rows>
					<Rows rows={1}>
						<Text bold color={t.bad} wrap="truncate">
							Type {risk.confirm} to go ahead: {typedName}▏{typedName === risk.confirm ? ' ✓' : state.nameWanted ? `  ✗ type ${risk.confirm} first` : ''}
						</Text>
					</Rows>
					<Rows rows={1}>
						<Text color={t.bad} wrap="truncate">
							{risk.undoable ? `After it runs, it is undone in ${keepSeconds} s unless you press k.` : 'It cannot be undone by itself: if the session drops, nothing brings it back.'}
						</Text>
					</Rows>
				</>
			)}
			<Rows rows={1}>
				<Text bold wrap="truncate">
					{plan.dangerous ? 'This cannot be undone. ' : ''}
					{plan.steps.length === 0 ? 'It runs no command:' : host ? `It will run on ${host} (ssh ${host} -- …):` : 'It will run:'}
				</Text>
			</Rows>
			{state.armed && (
				<Rows rows={1}>
					<Text bold color={t.bad} wrap="truncate">
						Sure? Enter again (or y) runs it · Esc cancels
					</Text>
				</Rows>
			)}
			{lower.review && (
				<Rows rows={lower.review.headerRows}>
					<Text bold color={t.accent} wrap="wrap">
						{lower.review.header}
					</Text>
				</Rows>
			)}
			{plan.steps.slice(stepsFrom, stepsFrom + lower.steps).map((step, i) => (
				<Box key={i} paddingLeft={2} flexShrink={0} height={lower.cut} overflow="hidden">
					<Text color={t.good} wrap="wrap">
						{commandText(step.argv)}
					</Text>
				</Box>
			))}
			{stepsHidden && more}
			{consequences.slice(consequencesFrom, consequencesFrom + lower.consequences).map((line, i) => (
				<Box key={`c${i}`} flexShrink={0} width={layout.innerWidth} height={lower.cut} overflow="hidden">
					<Text color={plan.dangerous ? t.bad : t.warn} wrap="wrap">
						! {line}
					</Text>
				</Box>
			))}
			{!stepsHidden && more}
		</>
	);
}
