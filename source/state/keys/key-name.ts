// Turns ink's (input, key) pair into one name that keymap.ts uses.
import type {Key} from 'ink';

export function keyName(input: string, key: Key): string {
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.pageUp) return 'pageup';
	if (key.pageDown) return 'pagedown';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.tab) return key.shift ? 'shift+tab' : 'tab';
	if (key.return) return 'return';
	if (key.escape) return 'escape';
	if (key.backspace || key.delete) return 'backspace';
	if (key.ctrl && input) return `ctrl+${input.toLowerCase()}`;
	if (input === ' ') return 'space';
	return input;
}

/** How a key is shown to people: 'return' → 'Enter', 'up' → '↑'. */
export function displayKey(key: string): string {
	const names: Record<string, string> = {
		return: 'Enter',
		escape: 'Esc',
		up: '↑',
		down: '↓',
		left: '←',
		right: '→',
		tab: 'Tab',
		'shift+tab': 'Shift+Tab',
		space: 'Space',
		pageup: 'PgUp',
		pagedown: 'PgDn',
		home: 'Home',
		end: 'End',
		backspace: 'Backspace',
	};
	if (names[key]) return names[key];
	if (key.startsWith('ctrl+')) return `Ctrl+${key.slice(5).toUpperCase()}`;
	return key;
}
