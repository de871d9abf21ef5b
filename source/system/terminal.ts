// Full screen: enter the alternate screen on start and always leave it on exit, crash or signal,
// so the user's shell comes back as it was.
const ENTER = '\u001B[?1049h\u001B[H';
/**
 * The alternate screen is cleared before it is left: tmux, leaving it at a size other than the one it was
 * entered at, folds the rows still on it into the shell's own lines (seen after 80x24 → 100x30: a dozen
 * rows of the last frame in the middle of the shell's scrollback). Blank, there is nothing to fold in.
 */
export const LEAVE = '\u001B[0m\u001B[H\u001B[2J\u001B[?25h\u001B[?1049l';
const HIDE_CURSOR = '\u001B[?25l';

let active = false;
let guarded = false;
/** Another program (a shell, s) has the terminal. */
let handedOver = false;

export function leaveFullScreen(): void {
	if (!active) return;
	active = false;
	process.stdout.write(LEAVE);
}

export function enterFullScreen(): void {
	if (active || !process.stdout.isTTY) return;
	active = true;
	process.stdout.write(ENTER);
	// Entered again after each shell: the guards below are set up once.
	if (guarded) return;
	guarded = true;
	process.once('exit', leaveFullScreen);
	// In raw mode Ctrl+C is a key, not SIGINT; a SIGINT still comes from `kill -INT`, and must leave the
	// terminal as it found it like the others.
	const codes = {SIGINT: 2, SIGTERM: 15, SIGHUP: 1} as const;
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.on(signal, () => {
			// Ctrl+C in a shell from s reaches us too (same process group): it is the shell's.
			if (signal === 'SIGINT' && handedOver) return;
			leaveFullScreen();
			if (process.stdin.isTTY) process.stdin.setRawMode(false);
			process.exit(128 + codes[signal]);
		});
	}
	process.once('uncaughtException', (error) => {
		leaveFullScreen();
		console.error(error);
		process.exit(1);
	});
}

/** Runs another program with the terminal handed over; the app is back afterwards, fully redrawn. */
export type Suspend = <T>(run: () => Promise<T>, note?: string) => Promise<T>;

/**
 * The service the App's shell uses. The App has already released stdin (no input hook mounted, so ink
 * left raw mode); here the screen goes back to the user's, and afterwards `redraw` makes ink forget what
 * it drew, so the next frame is written whole. ink cannot draw over the shell meanwhile: the shell runs
 * synchronously (see runInTerminal), so no render, refresh or resize handler runs until it exits.
 */
export function createSuspend(redraw: () => void): Suspend {
	return async (run, note) => {
		leaveFullScreen();
		if (note) process.stdout.write(`${note}\n`);
		handedOver = true;
		try {
			return await run();
		} finally {
			handedOver = false;
			enterFullScreen();
			process.stdout.write(HIDE_CURSOR);
			redraw();
		}
	};
}
