// A line typed in x: plain words (and quotes, which split the same with or without a shell) run as an
// argv, exactly as typed; a line with shell syntax — a pipe, a list, a redirection, an expansion, a glob —
// means what a shell makes of it, so it runs through `sh -c`, and the preview says so. Which of the two a
// line is, is read here, without running anything.
import {splitWords} from './split-words.js';

export type TypedLine =
	| {readonly kind: 'argv'; readonly words: readonly string[]}
	/** `syntax`: what in the line needs a shell, as the user would name it (`|`, `&&`, `$( )`), in order. */
	| {readonly kind: 'shell'; readonly line: string; readonly syntax: readonly string[]}
	| {readonly kind: 'error'; readonly error: string};

/** Characters that mean something to sh wherever they stand outside quotes. */
const GLOB = new Set(['*', '?', '[']);
/** `NAME=value cmd`: an assignment in front of the command, which only a shell does. */
const ASSIGNMENT = /^[ \t]*[A-Za-z_][A-Za-z0-9_]*=/;

/** What in `line` needs a shell, outside and inside double quotes; or why sh would refuse it. */
export function shellSyntaxOf(line: string): {readonly syntax: readonly string[]} | {readonly error: string} {
	const found: string[] = [];
	const add = (what: string): void => {
		if (!found.includes(what)) found.push(what);
	};
	if (ASSIGNMENT.test(line)) add('NAME=');
	/** `$(` opens a substitution, and its `(` is not a subshell's; `$NAME`, `${…}`, `$?` expand. */
	const dollar = (next: string | undefined): string => (next === '(' ? '$( )' : '$');
	let quote: '"' | "'" | undefined;
	let backquotes = 0;
	// What each open parenthesis began: `$(`, said as `$( )`, or a subshell `(`, said as `( )`.
	const open: Array<'$(' | '('> = [];
	let wordStart = true;
	for (let i = 0; i < line.length; i++) {
		const c = line[i];
		const next = line[i + 1];
		if (quote === "'") {
			if (c === "'") quote = undefined;
			continue;
		}
		if (quote === '"') {
			// In double quotes sh still expands $ and `…`, and \ escapes: split alone, they would stay as typed.
			if (c === '"') quote = undefined;
			else if (c === '\\') {
				add('\\');
				i++;
			} else if (c === '$') add(dollar(next));
			else if (c === '`') {
				add('` `');
				backquotes++;
			}
			continue;
		}
		const atStart = wordStart;
		wordStart = c === ' ' || c === '\t' || '|&;<>()'.includes(c);
		if (c === "'" || c === '"') quote = c;
		else if (c === '\\') {
			add('\\');
			i++;
		} else if (c === '|' || c === '&') {
			add(next === c ? c + c : c);
			if (next === c) i++;
		} else if (c === ';' || c === '<' || c === '>') add(c);
		else if (c === '(') {
			open.push('(');
			add('( )');
		} else if (c === ')') {
			if (open.pop() !== '$(') add('( )');
		} else if (c === '$') {
			add(dollar(next));
			if (next === '(') {
				open.push('$(');
				wordStart = true;
				i++;
			}
		} else if (c === '`') {
			add('` `');
			backquotes++;
		} else if (GLOB.has(c)) add(c);
		else if (atStart && (c === '~' || c === '#')) add(c);
	}
	if (quote) return {error: `a ${quote} quote is not closed`};
	if (backquotes % 2 === 1) return {error: 'a ` is not closed'};
	return {syntax: found};
}

export function readTypedLine(line: string): TypedLine {
	const shell = shellSyntaxOf(line);
	if ('error' in shell) return {kind: 'error', error: shell.error};
	if (shell.syntax.length > 0) return {kind: 'shell', line: line.trim(), syntax: shell.syntax};
	const split = splitWords(line);
	return 'error' in split ? {kind: 'error', error: split.error} : {kind: 'argv', words: split.words};
}
