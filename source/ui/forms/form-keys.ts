// The form's one place for keys: each key the input layer hands over (use-key-input.ts) becomes one of the
// form's events. It is looked up in the form's key table (keymap.ts, scope `form`); what is no key there is
// text for the focused field.
import {findBinding} from '../../state/keys/keymap.js';
import type {TypedKey} from '../../state/keys/key-chunk.js';
import type {FormEvent} from '../../state/form/form-reducer.js';

export function formEvent(typed: TypedKey): FormEvent | undefined {
	// A line feed that came with other keys in one read is a character typed, as forms always took it:
	// shown (␊) and refused, never Enter (a paste without bracketed paste).
	if (typed.char === '\n') return {kind: 'type', text: '\n'};
	const binding = findBinding(typed.name, ['form']);
	const printable = typed.input !== '' && !typed.key.ctrl && !typed.key.meta && !typed.input.includes('\u001B');
	// In a read of several keys, y is a letter of the text (a y alone may confirm).
	if (printable && (!binding || (binding.id === 'formConfirm' && typed.char !== undefined))) return {kind: 'type', text: typed.input};
	return binding ? {kind: 'key', id: binding.id} : undefined;
}
