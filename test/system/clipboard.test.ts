import {describe, expect, it} from 'vitest';
import {BLOCKED_BY_TMUX, clipboardRoute, clipboardSequence, copyToClipboard} from '../../source/system/clipboard.js';
import type {CommandResult, Runner} from '../../source/system/runner.js';

describe('the clipboard sequence (OSC 52)', () => {
	it('is plain OSC 52 for a terminal, and wrapped in tmux passthrough when asked', () => {
		expect(clipboardSequence('ip netns add ns1\n', false)).toBe('\u001B]52;c;aXAgbmV0bnMgYWRkIG5zMQo=\u0007');
		expect(clipboardSequence('x', true)).toBe('\u001BPtmux;\u001B\u001B]52;c;eA==\u0007\u001B\\');
	});
});

describe('the way a copy goes', () => {
	it.each([
		['outside tmux', undefined, 'plain'],
		['tmux ≥ 3.3 as installed (set-clipboard external, allow-passthrough off)', {setClipboard: 'external', allowPassthrough: 'off'}, 'blocked'],
		['set-clipboard on: a plain OSC 52 into tmux, which passes it on', {setClipboard: 'on', allowPassthrough: 'off'}, 'tmux-buffer'],
		['allow-passthrough on', {setClipboard: 'external', allowPassthrough: 'on'}, 'passthrough'],
		['allow-passthrough all', {setClipboard: 'off', allowPassthrough: 'all'}, 'passthrough'],
		['tmux before 3.3 (no allow-passthrough: passthrough always worked)', {setClipboard: 'external'}, 'passthrough'],
	] as const)('%s', (_name, tmux, route) => {
		expect(clipboardRoute(tmux)).toBe(route);
	});
});

describe('copyToClipboard', () => {
	const terminal = (): {isTTY: boolean; written: string[]; write: (s: string) => boolean} => {
		const written: string[] = [];
		return {isTTY: true, written, write: (s: string) => written.push(s) > 0};
	};
	/** tmux answering show-options as a fresh tmux 3.3 does, or with set-clipboard on. */
	const tmuxWith = (setClipboard: string): {run: Runner; calls: string[][]} => {
		const calls: string[][] = [];
		const run: Runner = async (argv) => {
			calls.push([...argv]);
			const stdout = argv.includes('set-clipboard') ? `${setClipboard}\n` : 'off\n';
			return {exitCode: 0, stdout, stderr: ''} as CommandResult;
		};
		return {run, calls};
	};

	it('inside a tmux that blocks both ways, sends nothing and says what to set', async () => {
		const out = terminal();
		const {run, calls} = tmuxWith('external');
		expect(await copyToClipboard('x', run, {TMUX: '/tmp/tmux-0/default,1,0'}, out as unknown as NodeJS.WriteStream)).toEqual({sent: false, why: BLOCKED_BY_TMUX});
		expect(out.written).toEqual([]);
		expect(calls).toEqual([
			['tmux', 'show-options', '-gv', 'set-clipboard'],
			['tmux', 'show-options', '-Apv', 'allow-passthrough'],
		]);
	});

	it('with set-clipboard on, sends plain OSC 52 for tmux to keep', async () => {
		const out = terminal();
		expect(await copyToClipboard('x', tmuxWith('on').run, {TMUX: '/tmp/tmux-0/default,1,0'}, out as unknown as NodeJS.WriteStream)).toEqual({sent: true, via: 'tmux'});
		expect(out.written).toEqual([clipboardSequence('x', false)]);
	});

	it('outside tmux asks nothing and sends plain OSC 52', async () => {
		const out = terminal();
		const {run, calls} = tmuxWith('on');
		expect(await copyToClipboard('x', run, {}, out as unknown as NodeJS.WriteStream)).toEqual({sent: true, via: 'terminal'});
		expect(calls).toEqual([]);
		expect(out.written).toEqual([clipboardSequence('x', false)]);
	});
});
