// The command log wraps by columns: a command naming CJK or emoji interfaces, or holding a bidi override,
// never makes a row wider than the overlay.
import {describe, expect, it} from 'vitest';
import {textWidth} from '../../source/model/text-width.js';
import type {LogEntry} from '../../source/plans/run-plan.js';
import {entryRows} from '../../source/state/log-scroll.js';

const entry = (argv: string[], error?: string): LogEntry => ({argv, status: error ? 'failed' : 'ok', plan: 'p', at: new Date(0), durationMs: 12, error});

describe('log rows by columns', () => {
	it.each([41, 50, 60])('no row wider than %i columns, and nothing lost', (width) => {
		const e = entry(['ip', '-n', '网桥', 'link', 'add', 'name', '网桥网桥网桥网桥网桥网桥网桥', 'type', 'veth', 'peer', 'name', '🐳👨‍👩‍👧🐳', 'a\u202Eb'], 'Cannot find device "网桥网桥"');
		const rows = entryRows(e, width);
		for (const row of rows) expect(textWidth(row.prefix + row.pieces.map((p) => p.text).join(''))).toBeLessThanOrEqual(width);
		const text = rows.map((row) => row.pieces.map((p) => p.text).join('')).join('');
		for (const part of ['网桥网桥网桥网桥网桥网桥网桥', '🐳👨‍👩‍👧🐳', 'a⟨U+202E⟩b', 'Cannot find device']) expect(text.replaceAll(' ', '')).toContain(part.replaceAll(' ', ''));
	});
});
