// The tutorial beside the live panes: the steps with ✓ or ☐, the current one with its goal, why, the `ip`
// commands it teaches and the hints asked for; when every step holds, the commands the learner ran.
import {Box} from 'ink';
import type {LogEntry} from '../plans/run-plan.js';
import {logToScript} from '../plans/script.js';
import {currentStep, type TutorialProgress} from '../state/tutorial-progress.js';
import {Text} from './text.js';
import {theme} from './theme.js';
import {wrapWords} from './overlays/wrap-words.js';

export interface TutorialPanelProps {
	readonly progress: TutorialProgress;
	readonly statuses: readonly boolean[];
	/** The learner's commands: the log since the tutorial began. */
	readonly log: readonly LogEntry[];
	readonly width: number;
	readonly height: number;
}

/**
 * Where the tutorial goes: beside the panes when the screen is wide enough for both (a third of it, 36 to
 * 48 columns), else below them (9 rows), so that the panes keep their usable width at 80 columns.
 */
export function tutorialRoom(columns: number, rows: number, visible: boolean): {readonly columns: number; readonly rows: number} {
	if (!visible) return {columns: 0, rows: 0};
	if (columns >= 110) return {columns: Math.min(Math.max(Math.floor(columns / 3), 36), 48), rows: 0};
	return {columns: 0, rows: Math.min(9, Math.max(rows - 12, 4))};
}

const mark = (done: boolean, current: boolean): string => (done ? '✓' : current ? '▶' : '☐');

type Tone = 'title' | 'done' | 'current' | 'todo' | 'command' | 'hint' | 'muted' | 'plain' | 'bold';
interface Line {
	readonly text: string;
	readonly tone: Tone;
}

/**
 * The panel's lines, most important first where they compete for room: the current step's goal, its
 * commands and the hints asked for come before the why, and the step list shrinks to one line of marks.
 */
export function tutorialLines(progress: TutorialProgress, statuses: readonly boolean[], log: readonly LogEntry[], width: number, rows: number): Line[] {
	const {tutorial} = progress;
	const current = currentStep(statuses);
	const done = statuses.filter(Boolean).length;
	const wrapped = (text: string, tone: Tone): Line[] => wrapWords(text, width).map((t) => ({text: t, tone}));
	const head: Line[] = [{text: `${tutorial.title} · ${done}/${tutorial.steps.length}`, tone: 'title'}];
	const step = tutorial.steps[current];
	if (!step) {
		const script = logToScript(log, `tutorial ${tutorial.title}`)
			.split('\n')
			.filter((line) => line !== '' && !line.startsWith('#!'))
			.map((text): Line => ({text, tone: text.startsWith('#') ? 'muted' : 'plain'}));
		const finished: Line = {text: '✓ Every step holds. The commands you ran (l, then w, writes them):', tone: 'done'};
		return [...head, finished, ...script].slice(0, rows);
	}
	const shownHints = step.hints.slice(0, progress.hints[current] ?? 0);
	const essential: Line[] = [
		...wrapped(`Step ${current + 1}: ${step.goal}`, 'bold'),
		...step.commands.map((c): Line => ({text: `  ${c.startsWith('(') ? c : `$ ${c}`}`, tone: 'command'})),
		...shownHints.flatMap((h) => wrapped(`Hint: ${h}`, 'hint')),
		...(shownHints.length < step.hints.length ? [{text: 'h: a hint', tone: 'muted' as const}] : []),
	];
	const why = step.explain ? wrapped(step.explain, 'plain') : [];
	const list = tutorial.steps.map((s, i): Line => ({text: `${mark(statuses[i], i === current)} ${i + 1} ${s.goal}`, tone: statuses[i] ? 'done' : i === current ? 'current' : 'todo'}));
	const marks: Line = {text: statuses.map((s, i) => mark(s, i === current)).join(''), tone: 'plain'};
	const full = [...head, ...list, ...essential, ...why];
	if (full.length <= rows) return full;
	const compact = [...head, marks, ...essential, ...why];
	return compact.slice(0, rows);
}

export function TutorialPanel({progress, statuses, log, width, height}: TutorialPanelProps) {
	const t = theme();
	const color: Record<Tone, string | undefined> = {title: t.lab, done: t.good, current: t.accent, todo: t.muted, command: t.muted, hint: t.warn, muted: t.muted, plain: undefined, bold: undefined};
	const lines = tutorialLines(progress, statuses, log, Math.max(width - 2, 10), Math.max(height - 2, 1));
	return (
		<Box flexDirection="column" borderStyle="round" borderColor={t.lab} width={width} height={height} overflow="hidden">
			{lines.map((line, i) => (
				<Text key={i} wrap="truncate-end" color={color[line.tone]} bold={line.tone === 'title' || line.tone === 'current' || line.tone === 'bold'}>
					{line.text}
				</Text>
			))}
		</Box>
	);
}
