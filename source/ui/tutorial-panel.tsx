// The tutorial beside the live panes: the steps with ✓ or ☐, the current one with its goal, why, the `ip`
// commands it teaches and the hints asked for; when every step holds, the commands the learner ran. What
// does not fit its rows scrolls, with its own keys (J, K: keymap.ts, scope `tutorial`), said on its last row.
import {Box} from 'ink';
import {useState} from 'react';
import type {LogEntry} from '../plans/run-plan.js';
import {nsDisplayName} from '../model/netns-id.js';
import type {Tutorial} from '../model/tutorial/types.js';
import {logToScript} from '../plans/script.js';
import {displayKey, KEYMAP, type BindingId} from '../state/keys/keymap.js';
import {countsPings, currentStep, type ShellVisit, type TutorialProgress} from '../state/tutorial-progress.js';
import {useKeys} from './hooks/key-layer.js';
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

/** The columns a tutorial's panel wants beside the panes: its title and count whole, inside the border. */
export const tutorialWidth = (tutorial: Tutorial): number => textWidth(`${tutorial.title} · ${tutorial.steps.length}/${tutorial.steps.length}`) + 2;

/**
 * Where the tutorial goes: beside the panes when the screen is wide enough for both (a third of it, 36 to
 * 48 columns, more when the tutorial's title needs it, as long as the panes keep 60), else below them (9
 * rows), so that the panes keep their usable width at 80 columns. Below, while a form is open, it shrinks
 * to its title with the marks, and the goal (4 rows): a form draws every field and the commands it will
 * run, and the veth form's nine fields need the rest of 24 rows.
 */
export function tutorialRoom(columns: number, rows: number, visible: boolean, formOpen = false, wants = 0): {readonly columns: number; readonly rows: number} {
	if (!visible) return {columns: 0, rows: 0};
	if (columns >= 110) return {columns: Math.min(Math.max(Math.min(Math.max(Math.floor(columns / 3), 36), 48), wants), columns - 60), rows: 0};
	return {columns: 0, rows: Math.min(formOpen ? 4 : 9, Math.max(rows - 12, 4))};
}

const mark = (done: boolean, current: boolean): string => (done ? '✓' : current ? '▶' : '☐');

type Tone = 'title' | 'done' | 'current' | 'todo' | 'command' | 'hint' | 'muted' | 'plain' | 'bold';
interface Line {
	readonly text: string;
	readonly tone: Tone;
}

/** Said beside a step whose check counts p's and x's pings only (a `ping` check without an `echoed` one). */
export const PINGS_NOT_SEEN = 'A ping typed in s is not seen by this step: ping with p, or x.';

/**
 * A line the learner may type or keep (a command, a line of the script), wrapped whole under its first
 * row rather than cut: a command cut with … cannot be typed from the panel.
 */
function unbroken(text: string, first: string, rest: string, width: number, tone: Tone): Line[] {
	return wrapByWidth(text, Math.max(width - textWidth(rest), 8)).map((part, i) => ({text: `${i === 0 ? first : rest}${part}`, tone}));
}

/**
 * The script's commands and its plans' comments, without its header (`#!`, how to re-run it, set -e): the
 * panel has few rows, the commands come first, and `l` then `w` writes the whole script.
 */
function scriptLines(entries: readonly LogEntry[], title: string): string[] {
	return logToScript(entries, `tutorial ${title}`)
		.split('\n')
		.slice(5)
		.filter((line) => line !== '');
}

/**
 * The commands the learner ran, in order; where a shell was opened, a line that says so: what was typed in
 * it is not seen, so it cannot be listed.
 */
function learnerScript(log: readonly LogEntry[], progress: TutorialProgress): string[] {
	const visits: readonly ShellVisit[] = progress.shells ?? [];
	const lines: string[] = [];
	let from = 0;
	for (const visit of visits) {
		const at = Math.min(Math.max(visit.at - progress.logFrom, from), log.length);
		lines.push(...scriptLines(log.slice(from, at), progress.tutorial.title), `# a shell (s) in ${nsDisplayName(visit.ns)}: what was typed there is not seen, so not listed`);
		from = at;
	}
	return [...lines, ...scriptLines(log.slice(from), progress.tutorial.title)];
}

/** The title (and count), pinned at the top, and the rest, most important first where they compete for room. */
function content(progress: TutorialProgress, statuses: readonly boolean[], log: readonly LogEntry[], width: number, rows: number): {head: Line[]; body: Line[]} {
	const {tutorial} = progress;
	const current = currentStep(statuses);
	const done = statuses.filter(Boolean).length;
	const wrapped = (text: string, tone: Tone): Line[] => wrapByWidth(text, width).map((t) => ({text: t, tone}));
	const title = `${tutorial.title} · ${done}/${tutorial.steps.length}`;
	const head: Line[] = wrapped(title, 'title');
	const step = tutorial.steps[current];
	if (!step) {
		const script = learnerScript(log, progress).flatMap((text) => unbroken(text, '', '  ', width, text.startsWith('#') ? 'muted' : 'plain'));
		return {head, body: [{text: '✓ Every step holds. The commands you ran (l, then w, writes them):', tone: 'done'}, ...script]};
	}
	const shownHints = step.hints.slice(0, progress.hints[current] ?? 0);
	const goal = wrapped(`Step ${current + 1}: ${step.goal}`, 'bold');
	const commands = step.commands.flatMap((c) => (c.startsWith('(') ? unbroken(c, '  ', '   ', width, 'command') : unbroken(c, '  $ ', '    ', width, 'command')));
	const hints = shownHints.flatMap((h) => wrapped(`Hint: ${h}`, 'hint'));
	const more: Line[] = [...(shownHints.length < step.hints.length ? [{text: 'h: a hint', tone: 'muted' as const}] : []), ...(countsPings(step.check) ? wrapped(PINGS_NOT_SEEN, 'muted') : [])];
	const essential: Line[] = [...goal, ...commands, ...hints, ...more];
	const why = step.explain ? wrapped(step.explain, 'plain') : [];
	const list = tutorial.steps.flatMap((s, i) => unbroken(s.goal, `${mark(statuses[i], i === current)} ${i + 1} `, '    ', width, statuses[i] ? 'done' : i === current ? 'current' : 'todo'));
	const marks: Line = {text: statuses.map((s, i) => mark(s, i === current)).join(''), tone: 'plain'};
	if (head.length + list.length + essential.length + why.length <= rows) return {head, body: [...list, ...essential, ...why]};
	// Two rows (beside an open form): the marks go on the title's line, so that the goal still shows.
	if (rows <= 2) return {head: [{text: `${title}  ${marks.text}`, tone: 'title'}], body: essential};
	if (head.length + 1 + essential.length <= rows) return {head, body: [marks, ...essential, ...why]};
	// Less room still: a hint asked for comes right after the goal (the learner just pressed h, and it must
	// not fall below the bottom), and the marks go when the rest needs their row (the title counts).
	const withMarks = head.length + 1 + goal.length + hints.length + commands.length <= rows;
	return {head, body: [...(withMarks ? [marks] : []), ...goal, ...hints, ...commands, ...more, ...why]};
}

const keysOf = (id: BindingId): string => KEYMAP.filter((b) => b.id === id && b.scope === 'tutorial').flatMap((b) => b.keys.map(displayKey)).join('/');

/** The panel's last row while it scrolls: how much more there is, and the keys that scroll it. */
function scrollRow(above: number, below: number): Line {
	const down = below > 0 ? `↓ ${below} more: ${keysOf('tutorialScrollDown')}` : '(end)';
	return {text: `${down}${above > 0 ? ` · ${keysOf('tutorialScrollUp')} back up` : ''}`, tone: 'muted'};
}

export interface TutorialView {
	readonly lines: readonly Line[];
	/** How far it scrolls: 0 when everything shows. */
	readonly most: number;
}

/**
 * The panel's rows, scrolled by `scroll` rows of what follows the title; with `footer`, when it does not
 * all fit, the last row says how much more there is and which keys scroll (from 4 rows: fewer are beside
 * an open form, whose keys are its own).
 */
export function tutorialView(progress: TutorialProgress, statuses: readonly boolean[], log: readonly LogEntry[], width: number, rows: number, scroll = 0, footer = false): TutorialView {
	let {head, body} = content(progress, statuses, log, width, rows);
	if (head.length + body.length <= rows) return {lines: [...head, ...body], most: 0};
	const withFooter = footer && rows >= 4;
	if (withFooter) ({head, body} = content(progress, statuses, log, width, rows - 1));
	const room = Math.max(rows - head.length - (withFooter ? 1 : 0), 0);
	const most = Math.max(body.length - room, 0);
	const at = Math.min(Math.max(scroll, 0), most);
	const shown = [...head, ...body.slice(at, at + room)];
	if (withFooter) return {lines: [...shown, scrollRow(at, most - at)].slice(0, rows), most};
	// Too few rows for a scroll row (beside a form, or 15 rows): the title's line says it in short.
	const arrows = footer ? `${at < most ? ` ${keysOf('tutorialScrollDown')}↓` : ''}${at > 0 ? ` ${keysOf('tutorialScrollUp')}↑` : ''}` : '';
	return {lines: shown.slice(0, rows).map((line, i) => (i === 0 && arrows ? {...line, text: `${line.text} ${arrows}`} : line)), most};
}

/** The panel's rows from the top, without a scroll row: what shows first. */
export function tutorialLines(progress: TutorialProgress, statuses: readonly boolean[], log: readonly LogEntry[], width: number, rows: number): Line[] {
	return [...tutorialView(progress, statuses, log, width, rows).lines];
}

export function TutorialPanel({progress, statuses, log, width, height}: TutorialPanelProps) {
	const t = theme();
	const color: Record<Tone, string | undefined> = {title: t.lab, done: t.good, current: t.accent, todo: t.muted, command: t.muted, hint: t.warn, muted: t.muted, plain: undefined, bold: undefined};
	// Scrolled within a step: the next step (or the end) starts from its top.
	const current = currentStep(statuses);
	const [scrolled, setScrolled] = useState({step: current, by: 0});
	const by = scrolled.step === current ? scrolled.by : 0;
	const view = tutorialView(progress, statuses, log, Math.max(width - 2, 10), Math.max(height - 2, 1), by, true);
	const at = Math.min(by, view.most);
	useKeys({
		tutorialScrollDown: () => setScrolled({step: current, by: Math.min(at + 1, view.most)}),
		tutorialScrollUp: () => setScrolled({step: current, by: Math.max(at - 1, 0)}),
	});
	return (
		<Box flexDirection="column" borderStyle="round" borderColor={t.lab} width={width} height={height} overflow="hidden">
			{view.lines.map((line, i) => (
				<Text key={i} wrap="truncate-end" color={color[line.tone]} bold={line.tone === 'title' || line.tone === 'current' || line.tone === 'bold'}>
					{line.text}
				</Text>
			))}
		</Box>
	);
}
