// Over SSH, or whenever the event loop was busy, several keys arrive in one read; ink then hands them to
// useInput as one input ("jj", "nns1\r", "\rb") that matches no binding, so every one of them was lost on
// the panes. Split such a chunk into the keys it holds, one per character: the input layer
// (ui/hooks/use-key-input.ts) does it once for everything that reads through it.
import type {Key} from 'ink';
import {keyName} from './key-name.js';

export interface TypedKey {
	readonly input: string;
	readonly key: Key;
	/** As keyName() names it: shown on the running screen and in the status. */
	readonly name: string;
	/**
	 * The character it was, when it came with others in one read (split from text): a form types a line
	 * feed or a y of such a read as text, where alone they are Enter and a confirmation.
	 */
	readonly char?: string;
}

/**
 * More keys than this in one read is a paste rather than typing: on the panes each would act (q quits),
 * so such a read is not used there (the filter still takes it as text).
 */
export const MAX_KEYS_IN_A_READ = 8;

const CONTROL: Record<string, Partial<Key>> = {'\r': {return: true}, '\n': {return: true}, '\t': {tab: true}, '\u007F': {backspace: true}, '\b': {backspace: true}};

/** No key flag set: a plain character. */
const PLAIN: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

/** One character as the key it is: \r is Enter, \t Tab, DEL Backspace, a capital a shifted letter. */
function charKey(char: string, base: Key): TypedKey {
	const control = CONTROL[char];
	const key: Key = {...base, ...control, shift: !control && /[A-Z]/.test(char)};
	const input = control ? '' : char;
	return {input, key, name: keyName(input, key), char};
}

/** Text read as keys (what a form got after its submitting Enter), one per character. */
export const keysOfText = (text: string): TypedKey[] => [...text].map((char) => charKey(char, PLAIN));

const ESCAPE: TypedKey = {input: '', key: {...PLAIN, escape: true}, name: 'escape'};

/** An arrow or a page key: with Alt it is one escape sequence of its own, not Esc and a key. */
const moves = (key: Key): boolean => key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown || key.home || key.end;

/**
 * A key ink parsed as one (an arrow, Ctrl+X, Esc) stays whole; printable text splits by character.
 * `altIsEscape`: ESC and the key after it in one read (typed quickly, over SSH, or while the app was busy)
 * are one Alt+key to ink, and the panes bind no Alt key: there it is Esc, then that key (as vim and less
 * read it). A form keeps Alt+key whole (ignored): a readline habit such as Alt+B must not close it.
 */
export function splitChunk(input: string, key: Key, altIsEscape = false): TypedKey[] {
	if (altIsEscape && key.meta && !key.escape && !moves(key)) return [ESCAPE, ...splitChunk(input, {...key, meta: false})];
	const chars = [...input];
	const special = key.ctrl || key.meta || key.escape || key.return || key.tab || key.backspace || key.delete || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown || key.home || key.end;
	// An escape sequence that ink could not name is no text to split either.
	if (chars.length <= 1 || special || input.includes('\u001B')) return [{input, key, name: keyName(input, key)}];
	return chars.map((char) => charKey(char, key));
}

const CONTROL_TEXT: ReadonlyArray<[keyof Key, string]> = [['return', '\r'], ['tab', '\t'], ['backspace', '\u007F']];

/**
 * The text a key was typed as, for bytes that must stay text (after a paste's end in the same read): ink
 * gives Enter, Tab and Backspace no input, so they are put back; a key with no text at all is ''.
 */
export function textOfKey(input: string, key: Key): string {
	if (input !== '') return input;
	return CONTROL_TEXT.find(([flag]) => key[flag])?.[1] ?? '';
}
