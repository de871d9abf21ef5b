// Helpers for driving ink-testing-library: wait for the render rather than sleeping a fixed time.
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
	stdin: {write(data: string): void};
}

/** Wait until the last frame contains `text` (or matches). */
export async function waitForFrame(app: Rendered, text: string | RegExp, timeout = 3000): Promise<string> {
	await vi.waitFor(
		() => {
			const frame = app.lastFrame() ?? '';
			if (typeof text === 'string') expect(frame).toContain(text);
			else expect(frame).toMatch(text);
		},
		{timeout, interval: 10},
	);
	// What just rendered may mount input hooks in an effect: let them attach before the next key.
	await settle();
	return app.lastFrame() ?? '';
}

/** One key, then a tick for ink to read it (one write is one key). */
export async function press(app: Rendered, key: string): Promise<void> {
	app.stdin.write(key);
	await new Promise((resolve) => setTimeout(resolve, 20));
}

/** ink attaches its input listener in an effect after a render: give it a tick before the first key. */
export const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 30));
