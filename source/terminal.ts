// Full screen: enter the alternate screen on start and always leave it on exit, crash or signal,
// so the user's shell comes back as it was.
const ENTER = '\u001B[?1049h\u001B[H';
const LEAVE = '\u001B[?25h\u001B[?1049l';

let active = false;

export function leaveFullScreen(): void {
	if (!active) return;
	active = false;
	process.stdout.write(LEAVE);
}

export function enterFullScreen(): void {
	if (active || !process.stdout.isTTY) return;
	active = true;
	process.stdout.write(ENTER);
	process.once('exit', leaveFullScreen);
	for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
		process.once(signal, () => {
			leaveFullScreen();
			process.exit(128 + (signal === 'SIGTERM' ? 15 : 1));
		});
	}
	process.once('uncaughtException', (error) => {
		leaveFullScreen();
		console.error(error);
		process.exit(1);
	});
}

/**
 * Copy to the clipboard of the terminal the user sits at, even over SSH (OSC 52). Terminals that do not
 * support it ignore the sequence, so the caller also says what it copied.
 */
export function copyToClipboard(text: string): void {
	if (!process.stdout.isTTY) return;
	process.stdout.write(`\u001B]52;c;${Buffer.from(text).toString('base64')}\u0007`);
}
