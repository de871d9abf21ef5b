// Copy (y in the log, Ctrl+Y in a form) with OSC 52: the terminal the user sits at puts the text on its
// clipboard, even over SSH. No terminal answers, so nsdeck says "sent", never "copied".
//
// Inside tmux the sequence goes one of two ways, and tmux ≥ 3.3 blocks both by default: with
// `set-clipboard on` tmux takes a plain OSC 52 into its own buffer (and passes it on to the outer terminal);
// with `allow-passthrough on` a sequence wrapped in tmux's passthrough reaches the outer terminal. Before
// 3.3 there was no allow-passthrough and passthrough always worked. So nsdeck asks tmux which way is open,
// each time (the user may have just opened one), and says what to set when none is.
import type {Runner} from './runner.js';

export type CopyOutcome =
	| {readonly sent: true; readonly via: 'terminal' | 'tmux'}
	| {readonly sent: false; readonly why: string};

/** What tmux says of its options; undefined: it has no such option (older than 3.3 for allow-passthrough). */
export interface TmuxClipboard {
	readonly setClipboard?: string;
	readonly allowPassthrough?: string;
}

export type ClipboardRoute = 'plain' | 'tmux-buffer' | 'passthrough' | 'blocked';

export const BLOCKED_BY_TMUX = 'tmux blocks it; run `tmux set -g set-clipboard on`, then copy again';

/** Which way a copy can go: outside tmux, plain; inside, the way tmux's options leave open. */
export function clipboardRoute(tmux: TmuxClipboard | undefined): ClipboardRoute {
	if (!tmux) return 'plain';
	if (tmux.setClipboard === 'on') return 'tmux-buffer';
	if (tmux.allowPassthrough === undefined || tmux.allowPassthrough === 'on' || tmux.allowPassthrough === 'all') return 'passthrough';
	return 'blocked';
}

/** The OSC 52 sequence for `text`; wrapped in tmux's passthrough (DCS tmux; …, every ESC doubled) when asked. */
export function clipboardSequence(text: string, passthrough: boolean): string {
	const osc = `\u001B]52;c;${Buffer.from(text).toString('base64')}\u0007`;
	return passthrough ? `\u001BPtmux;${osc.replaceAll('\u001B', '\u001B\u001B')}\u001B\\` : osc;
}

/** tmux's clipboard options for the pane nsdeck runs in (inherited values included). */
async function readTmuxClipboard(run: Runner): Promise<TmuxClipboard> {
	const option = async (args: string[]): Promise<string | undefined> => {
		const result = await run(['tmux', 'show-options', ...args], {timeoutMs: 2_000});
		return result.exitCode === 0 ? result.stdout.trim() : undefined;
	};
	const [setClipboard, allowPassthrough] = await Promise.all([option(['-gv', 'set-clipboard']), option(['-Apv', 'allow-passthrough'])]);
	return {setClipboard, allowPassthrough};
}

/** Sends `text` to the clipboard of the terminal the user sits at, the way tmux allows, or says why not. */
export async function copyToClipboard(text: string, run: Runner, env: NodeJS.ProcessEnv = process.env, out: NodeJS.WriteStream = process.stdout): Promise<CopyOutcome> {
	if (!out.isTTY) return {sent: false, why: 'the output is not a terminal'};
	const route = clipboardRoute(env.TMUX ? await readTmuxClipboard(run) : undefined);
	if (route === 'blocked') return {sent: false, why: BLOCKED_BY_TMUX};
	out.write(clipboardSequence(text, route === 'passthrough'));
	return {sent: true, via: route === 'tmux-buffer' ? 'tmux' : 'terminal'};
}
