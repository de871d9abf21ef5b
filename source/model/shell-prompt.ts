// What the shell from `s` shows in its prompt: the namespace, made safe. A namespace's name is untrusted
// (anyone with a writable /run/netns picks it): in a prompt it must neither reach the terminal raw nor be
// read by the shell as a prompt escape (bash's \u, zsh's %n), an expansion ($(…), `…`) or a history
// number (!). The user's rc files are never touched: bash gets a generated one that sources them first.
import {shown} from './display.js';
import {shortenMiddle} from './shorten-middle.js';

/** How nsdeck can put the namespace in a shell's prompt. */
export type PromptWay = 'bash-rcfile' | 'ps1-env' | 'env-only';

const PS1_SHELLS = new Set(['sh', 'dash', 'ash', 'ksh', 'mksh', 'busybox']);

export function promptWay(shellPath: string): PromptWay {
	const name = shellPath.split('/').at(-1) ?? '';
	if (name === 'bash') return 'bash-rcfile';
	return PS1_SHELLS.has(name) ? 'ps1-env' : 'env-only';
}

/** Longer names are shortened in the middle: the prompt stays a prompt. */
const MOST = 40;

/**
 * The namespace as prompt text: control characters shown as symbols (display.ts), and every character a
 * shell reads in a prompt (\ $ ` ! % and quotes) replaced by `?`, so that it is plain text in any shell.
 */
export function promptLabel(name: string): string {
	return shortenMiddle(shown(name).replace(/[\\$`!%'"{}]/g, '?'), MOST);
}

/** The prefix every prompt gets: `[netns ns1] `. */
export const promptPrefix = (name: string): string => `[netns ${promptLabel(name)}] `;

/**
 * bash's --rcfile: what bash would have read (the system's bashrc, then ~/.bashrc, as it does for an
 * interactive shell), then the prefix. The label holds no quote, so single quotes keep it literal.
 */
export function bashRc(name: string): string {
	return [
		'# Written by nsdeck for one shell in a network namespace; removed when it exits.',
		'[ -f /etc/bash.bashrc ] && . /etc/bash.bashrc',
		'[ -f "$HOME/.bashrc" ] && . "$HOME/.bashrc"',
		`PS1='${promptPrefix(name)}'"$PS1"`,
		'',
	].join('\n');
}

/** For a POSIX sh, which takes PS1 from its environment: the prefix and the usual `$ ` or `# `. */
export const shPs1 = (name: string, root: boolean): string => `${promptPrefix(name)}${root ? '#' : '$'} `;

/** Printed before the shell starts, safe to print. */
export const shellBanner = (name: string): string => `nsdeck: shell in namespace ${shown(name)} — exit to return`;
