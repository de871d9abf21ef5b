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

// The real timers, taken at load: a test may fake the global ones (vi.useFakeTimers) and still press keys.
const realSetTimeout = globalThis.setTimeout;
const realSetImmediate = globalThis.setImmediate;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => realSetTimeout(resolve, ms));

/** One turn of the event loop: timers (setTimeout 0: the type-ahead replay), then setImmediate (React's scheduler). */
const turn = (): Promise<void> =>
	new Promise((resolve) => {
		realSetTimeout(() => realSetImmediate(resolve), 0);
	});

/** Turns in a row without a new frame that count as still. */
const QUIET_TURNS = 2;
/** Turns to wait at most for ink's input listener (an app that quit, or reads no keys, never has one). */
const LISTENER_TURNS = 20;
/** And at most this many in all: an app that draws on every turn is never still. */
const MOST_TURNS = 500;

/**
 * Wait until the app is still: no new frame for two turns of the event loop, so that React's passive
 * effects have run (a panel just drawn mounts its input hook in one; ink attaches its stdin listener in
 * one after the first render) and the promises the fake system resolves have landed. With `app` but no
 * stdin listener yet, it waits a little longer for one. Without `app` it waits the quiet turns only.
 */
export async function settle(app?: Rendered): Promise<void> {
	const count = (): number => app?.frames?.length ?? 0;
	const listening = (): boolean => app?.stdin.listenerCount?.('readable') !== 0;
	let frames = count();
	let quiet = 0;
	for (let i = 0; i < MOST_TURNS && (quiet < QUIET_TURNS || (!listening() && i < LISTENER_TURNS)); i++) {
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
	if (key === KEYS.escape) await sleep(ESCAPE_FLUSH_MS);
	await settle(app);
}
