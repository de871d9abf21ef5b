// The form's one place for keys: a read from the terminal becomes the form's events. Each key is looked up
// in the form's key table (keymap.ts, scope `form`); what is no key there is text for the focused field.
// Over SSH, or when keys come fast, several keys arrive in one read ("ns1\t10.1.1.1/24\r"): it is split
// as the panes split it (key-chunk.ts), and its runs of text are typed whole.
import type {Key} from 'ink';
import {splitChunk} from '../../state/keys/key-chunk.js';
import {findBinding} from '../../state/keys/keymap.js';
import type {FormEvent} from '../../state/form/form-reducer.js';

export interface ReadEvent {
	readonly event: FormEvent;
	/** What came after it in the same read: the keys an Enter that submits leaves for the panes. */
	readonly rest: string;
}

export function formEvents(input: string, key: Key): ReadEvent[] {
	const keys = splitChunk(input, key);
	const chars = [...input];
	const after = (index: number): string => (keys.length > 1 ? chars.slice(index + 1).join('') : '');
	const events: ReadEvent[] = [];
	let text = '';
	const typed = (end: number): void => {
		if (text) events.push({event: {kind: 'type', text, whole: end >= keys.length}, rest: after(end - 1)});
		text = '';
	};
	for (const [index, typedKey] of keys.entries()) {
		// A line feed inside a read is a character typed, as forms always took it: shown (␊) and refused, never Enter.
		const lineFeed = keys.length > 1 && chars[index] === '\n';
		const binding = lineFeed ? undefined : findBinding(typedKey.name, ['form']);
		const printable = lineFeed || (typedKey.input !== '' && !typedKey.key.ctrl && !typedKey.key.meta && !typedKey.input.includes('\u001B'));
		// In a read of several keys, y is a letter of the text (a single y may confirm).
		if (printable && (!binding || (binding.id === 'formConfirm' && keys.length > 1))) {
			text += lineFeed ? '\n' : typedKey.input;
			continue;
		}
		typed(index);
		if (binding) events.push({event: {kind: 'key', id: binding.id, name: typedKey.name}, rest: after(index)});
	}
	typed(keys.length);
	return events;
}
