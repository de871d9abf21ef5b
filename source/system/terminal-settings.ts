// The lab's outer process keeps the terminal for the app it runs in the sandbox. The app restores the
// terminal whenever it can; killed by SIGKILL it cannot, and the user's shell came back on the alternate
// screen, its cursor hidden, its line discipline raw. The outer process lives on, so it saves the
// terminal's settings before and puts them and the screen back when the app dies by a signal.
import {execaSync} from 'execa';
import {LEAVE} from './terminal.js';

/** Bracketed paste off: the app turned it on (ink does), and a shell would read the marks as text. */
const PASTE_OFF = '\u001B[?2004l';

/** `stty -g`: the settings as one word of hex fields and colons, to give back to stty. */
export function saveTerminalSettings(): string | undefined {
	if (!process.stdin.isTTY) return undefined;
	const result = execaSync('stty', ['-g'], {stdin: 'inherit', reject: false});
	const saved = String(result.stdout ?? '').trim();
	return result.exitCode === 0 && /^[0-9a-fA-F:]+$/.test(saved) ? saved : undefined;
}

/**
 * Puts back what `saveTerminalSettings` read. The dead app's process group had the terminal's foreground,
 * and stty from the background would be stopped (SIGTTOU): the helper's --foreground takes the terminal
 * back first. Without the helper the settings stay, and only the screen is restored.
 */
export function restoreTerminal(saved: string | undefined, helper: string | undefined): void {
	if (saved && helper) execaSync(helper, ['--foreground', '--', 'stty', saved], {stdin: 'inherit', reject: false, timeout: 5000});
	if (process.stdout.isTTY) process.stdout.write(`${PASTE_OFF}${LEAVE}`);
}
