// The tutorial beside the live panes: the steps with ✓ or ☐, the current one with its goal, why, the `ip`
// commands it teaches and the hints asked for; when every step holds, the commands the learner ran.
import {Box} from 'ink';
import type {LogEntry} from '../plans/run-plan.js';
import {logToScript} from '../plans/script.js';
import {currentStep, type TutorialProgress} from '../state/tutorial-progress.js';
import {Text} from './text.js';
import {theme} from './theme.js';
import {textWidth, wrapByWidth} from '../model/text-width.js';

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
 * 48 columns), else below them (9 rows), so that the panes keep their usable width at 80 columns. Below,
 * while a form is open, it shrinks to its title with the marks, and the goal (4 rows): a form draws every
 * field and the commands it will run, and the veth form's nine fields need the rest of 24 rows.
 */
export function tutorialRoom(columns: number, rows: number, visible: boolean, formOpen = false): {readonly columns: number; readonly rows: number} {
	if (!visible) return {columns: 0, rows: 0};
	if (columns >= 110) return {columns: Math.min(Math.max(Math.floor(columns / 3), 36), 48), rows: 0};
	return {columns: 0, rows: Math.min(formOpen ? 4 : 9, Math.max(rows - 12, 4))};
}

const mark = (done: boolean, current: boolean): string => (done ? '✓' : current ? '▶' : '☐');

type Tone = 'title' | 'done' | 'current' | 'todo' | 'command' | 'hint' | 'muted' | 'plain' | 'bold';
interface Line {
	readonly text: string;
	readonly tone: Tone;
}

/**
 * A line the learner may type or keep (a command, a line of the script), wrapped whole under its first
 * row rather than cut: a command cut with … cannot be typed from the panel.
 */
function unbroken(text: string, first: string, rest: string, width: number, tone: Tone): Line[] {
	return wrapByWidth(text, Math.max(width - textWidth(rest), 8)).map((part, i) => ({text: `${i === 0 ? first : rest}${part}`, tone}));
}

/**
 * The panel's lines, most important first where they compete for room: the current step's goal, its
 * commands and the hints asked for come before the why, and the step list shrinks to one line of marks.
 */
export function tutorialLines(progress: TutorialProgress, statuses: readonly boolean[], log: readonly LogEntry[], width: number, rows: number): Line[] {
	const {tutorial} = progress;
	const current = currentStep(statuses);
	const done = statuses.filter(Boolean).length;
	const wrapped = (text: string, tone: Tone): Line[] => wrapByWidth(text, width).map((t) => ({text: t, tone}));
	const head: Line[] = [{text: `${tutorial.title} · ${done}/${tutorial.steps.length}`, tone: 'title'}];
	const step = tutorial.steps[current];
	if (!step) {
		const script = logToScript(log, `tutorial ${tutorial.title}`)
			.split('\n')
			.filter((line) => line !== '' && !line.startsWith('#!'))
			.flatMap((text) => unbroken(text, '', '  ', width, text.startsWith('#') ? 'muted' : 'plain'));
		const finished: Line = {text: '✓ Every step holds. The commands you ran (l, then w, writes them):', tone: 'done'};
		return [...head, finished, ...script].slice(0, rows);
	}
	const shownHints = step.hints.slice(0, progress.hints[current] ?? 0);
	const goal = wrapped(`Step ${current + 1}: ${step.goal}`, 'bold');
	const commands = step.commands.flatMap((c) => (c.startsWith('(') ? unbroken(c, '  ', '   ', width, 'command') : unbroken(c, '  $ ', '    ', width, 'command')));
	const hints = shownHints.flatMap((h) => wrapped(`Hint: ${h}`, 'hint'));
	const more: Line[] = shownHints.length < step.hints.length ? [{text: 'h: a hint', tone: 'muted'}] : [];
	const essential: Line[] = [...goal, ...commands, ...hints, ...more];
	const why = step.explain ? wrapped(step.explain, 'plain') : [];
	const list = tutorial.steps.map((s, i): Line => ({text: `${mark(statuses[i], i === current)} ${i + 1} ${s.goal}`, tone: statuses[i] ? 'done' : i === current ? 'current' : 'todo'}));
	const marks: Line = {text: statuses.map((s, i) => mark(s, i === current)).join(''), tone: 'plain'};
	const full = [...head, ...list, ...essential, ...why];
	if (full.length <= rows) return full;
	// Two rows (beside an open form): the marks go on the title's line, so that the goal still shows.
	if (rows <= 2) return [{text: `${head[0].text}  ${marks.text}`, tone: 'title' as const}, ...essential].slice(0, rows);
	const compact = [...head, marks, ...essential];
	if (compact.length <= rows) return [...compact, ...why].slice(0, rows);
	// Less room still: a hint asked for comes right after the goal (the learner just pressed h, and it must
	// not fall below the bottom), and the marks go when the rest needs their row (the title counts).
	const tight = [...goal, ...hints, ...commands, ...more];
	const withMarks = head.length + 1 + goal.length + hints.length + commands.length <= rows;
	return [...head, ...(withMarks ? [marks] : []), ...tight, ...why].slice(0, rows);
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
