// A plan failed: which step, the kernel's words, a plain hint, and what was rolled back.
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

export function ResultOverlay({result, width, height}: ResultOverlayProps) {
	const t = theme();
	const {plan, failedStep = 0} = result;
	return (
		<Box flexDirection="column" borderStyle="double" borderColor={t.bad} width={width} height={height} paddingX={1}>
			{/* Wrapped, never cut: it is what says which step failed (issue 27: "step 1 of 1…"). */}
			<Text bold color={t.bad} wrap="wrap">
				✗ {plan.title}: step {failedStep + 1} of {plan.steps.length} failed — Esc to close
			</Text>
			{plan.steps.map((step, i) => (
				<Text key={i} wrap="truncate" color={i < failedStep ? t.muted : i === failedStep ? t.bad : t.muted}>
					{i < failedStep ? ' ✓ ' : i === failedStep ? ' ✗ ' : ' · '}
					{commandText(step.argv)}
					{i > failedStep ? '  (not run)' : ''}
				</Text>
			))}
			<Text> </Text>
			<Text wrap="wrap">
				<Text bold>kernel: </Text>
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
		</Box>
	);
}
