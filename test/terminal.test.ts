import {describe, expect, it} from 'vitest';
import {clipboardSequence} from '../source/system/terminal.js';

describe('the clipboard sequence (OSC 52)', () => {
	it('is plain OSC 52 for a terminal, and wrapped in tmux passthrough inside tmux', () => {
		expect(clipboardSequence('ip netns add ns1\n', false)).toBe('\u001B]52;c;aXAgbmV0bnMgYWRkIG5zMQo=\u0007');
		expect(clipboardSequence('x', true)).toBe('\u001BPtmux;\u001B\u001B]52;c;eA==\u0007\u001B\\');
	});
});
