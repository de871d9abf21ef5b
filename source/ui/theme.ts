// Colours in one place, switched off by NO_COLOR (https://no-color.org). Everything that colour says is
// also said in text (a marker, a word), so the screen reads the same without it.

const noColor = (): boolean => (process.env.NO_COLOR ?? '') !== '';

export interface Theme {
	readonly accent?: string;
	readonly muted?: string;
	readonly good?: string;
	readonly bad?: string;
	readonly warn?: string;
	readonly lab?: string;
	/**
	 * Reverse video for the focused pane's selected row. Kept without colour: reverse video is a style, not a
	 * colour (NO_COLOR asks for no colour), and a lone › marker is easy to lose in a long list.
	 */
	readonly inverse: boolean;
}

const colored: Theme = {accent: 'cyan', muted: 'gray', good: 'green', bad: 'red', warn: 'yellow', lab: 'magenta', inverse: true};
const plain: Theme = {inverse: true};

export const theme = (): Theme => (noColor() ? plain : colored);

/** The colour of a link state word. */
export function stateColor(state: string): string | undefined {
	const t = theme();
	if (state === 'UP') return t.good;
	if (state === 'DOWN') return t.bad;
	return t.warn;
}
