// After a plan: if it failed (or stopped because a target changed since the preview), which step, the
// kernel's words, a plain hint, what was rolled back and what is still different; if it ran, what the
// kernel changed beyond what the plan said (transaction.ts).
import {Box} from 'ink';
import {Text} from '../text.js';
import type {PlanResult} from '../../plans/run-plan.js';
import {commandText} from '../../plans/script.js';
import {theme} from '../theme.js';

export interface ResultOverlayProps {
	readonly result: PlanResult;
	readonly width: number;
	readonly height: number;
}

/** A plan that ran, and what else the kernel changed: routes dropped with a link, a bridge's MAC, … */
function RanOverlay({result, width, height}: ResultOverlayProps) {
	const t = theme();
	return (
		<Box flexDirection="column" borderStyle="double" borderColor={t.warn} width={width} height={height} paddingX={1}>
			<Text bold color={t.good} wrap="wrap">
				✓ {result.plan.title} — Esc to close
			</Text>
			<Text> </Text>
			<Text bold color={t.warn}>
				the kernel also changed:
			</Text>
			{(result.alsoChanged ?? []).map((line, i) => (
				<Text key={i} wrap="wrap">
					{' · '}
					{line}
				</Text>
			))}
		</Box>
	);
}

export function ResultOverlay(props: ResultOverlayProps) {
	if (props.result.ok) return <RanOverlay {...props} />;
	const {result, width, height} = props;
	const t = theme();
	const {plan, failedStep = 0} = result;
	return (
		<Box flexDirection="column" borderStyle="double" borderColor={t.bad} width={width} height={height} paddingX={1}>
			{/* Wrapped, never cut: it is what says which step failed (issue 27: "step 1 of 1…"). */}
			<Text bold color={t.bad} wrap="wrap">
				✗ {plan.title}: step {failedStep + 1} of {plan.steps.length} {result.stopped ? 'not run' : 'failed'} — Esc to close
			</Text>
			{plan.steps.map((step, i) => (
				<Text key={i} wrap="truncate" color={i < failedStep ? t.muted : i === failedStep ? t.bad : t.muted}>
					{i < failedStep ? ' ✓ ' : i === failedStep ? ' ✗ ' : ' · '}
					{commandText(step.argv)}
					{i > failedStep || (i === failedStep && result.stopped) ? '  (not run)' : ''}
				</Text>
			))}
			<Text> </Text>
			<Text wrap="wrap">
				<Text bold>{result.stopped ? 'stopped: ' : 'kernel: '}</Text>
				{result.error}
			</Text>
			{result.hint && (
				<Text wrap="wrap" color={t.warn}>
					<Text bold>hint: </Text>
					{result.hint}
				</Text>
			)}
			<Text> </Text>
			{result.rolledBack.length === 0 ? (
				<Text>Nothing had changed: nothing to roll back.</Text>
			) : (
				<>
					<Text bold>Rolled back, newest first:</Text>
					{result.rolledBack.map((u, i) => (
						<Text key={i} wrap="truncate" color={u.ok ? t.good : t.bad}>
							{u.ok ? ' ↺ ' : ' ✗ '}
							{commandText(u.argv)}
							{u.error ? `  (${u.error})` : ''}
						</Text>
					))}
				</>
			)}
			{result.left && result.left.length > 0 && (
				<>
					<Text bold color={t.bad}>
						Still different from before:
					</Text>
					{result.left.map((line, i) => (
						<Text key={i} wrap="wrap" color={t.bad}>
							{' · '}
							{line}
						</Text>
					))}
				</>
			)}
		</Box>
	);
}
