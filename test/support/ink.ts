// Helpers for driving ink-testing-library: wait for what the next step needs (a frame, ink's input
// listener, React's effects), never a fixed sleep.
import {expect, vi} from 'vitest';

export const KEYS = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	tab: '\t',
	shiftTab: '\u001B[Z',
	enter: '\r',
	escape: '\u001B',
	space: ' ',
	backspace: '\u007F',
} as const;

export interface Rendered {
	lastFrame(): string | undefined;
	/** Every frame ink wrote (ink-testing-library keeps them; ink in debug mode writes one per commit). */
	readonly frames?: readonly string[];
	stdin: {write(data: string): void; listenerCount?(event: string): number};
}

/**
 * ink holds a lone ESC this long in case the rest of an escape sequence follows (its App.js,
 * pendingInputFlushDelayMilliseconds): a key written sooner would be read as Meta+key.
 */
const ESCAPE_FLUSH_MS = 20;

/** One turn of the event loop: timers (setTimeout 0: the type-ahead replay), then setImmediate (React's scheduler). */
const turn = (): Promise<void> =>
	new Promise((resolve) => {
		setTimeout(() => setImmediate(resolve), 0);
	});

/** Turns in a row without a new frame that count as settled; and at most this many turns in all. */
const QUIET_TURNS = 2;
const MOST_TURNS = 200;

/**
 * Wait until the app is still: ink's input listener attached (useInput attaches it in an effect after a
 * render), React's passive effects run (a panel just drawn mounts its own input hook in one), and no new
 * frame for two turns of the event loop. Promises the fake system resolves run before each turn ends.
 * Without `app` it waits the quiet turns only.
 */
export async function settle(app?: Rendered): Promise<void> {
	const count = (): number => app?.frames?.length ?? 0;
	const listening = (): boolean => app?.stdin.listenerCount?.('readable') !== 0;
	let frames = count();
	let quiet = 0;
	for (let i = 0; i < MOST_TURNS && (quiet < QUIET_TURNS || !listening()); i++) {
		await turn();
		const now = count();
		quiet = now === frames ? quiet + 1 : 0;
		frames = now;
	}
}

/** Wait until the last frame contains `text` (or matches), then until the app is still (settle). */
export async function waitForFrame(app: Rendered, text: string | RegExp, timeout = 3000): Promise<string> {
	await vi.waitFor(
		() => {
			const frame = app.lastFrame() ?? '';
			if (typeof text === 'string') expect(frame).toContain(text);
			else expect(frame).toMatch(text);
		},
		{timeout, interval: 2},
	);
	await settle(app);
	return app.lastFrame() ?? '';
}

/**
 * One key (one write is one key, or one pasted chunk), then wait until the app is still: its frame
 * rendered and the effects of that render run, so that the next key finds the listeners it needs.
 */
export async function press(app: Rendered, key: string): Promise<void> {
	app.stdin.write(key);
	if (key === KEYS.escape) await new Promise((resolve) => setTimeout(resolve, ESCAPE_FLUSH_MS));
	await settle(app);
}
