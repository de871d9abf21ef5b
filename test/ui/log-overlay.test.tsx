import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import type {LogEntry} from '../../source/plans/run-plan.js';
import {LogOverlay} from '../../source/ui/overlays/log-overlay.js';

const entries: LogEntry[] = Array.from({length: 40}, (_, i) => ({argv: ['ip', 'netns', 'add', `ns${i}`], status: 'ok', plan: `p${i}`, at: new Date(0)}));

describe('command log overlay', () => {
	it('opens on the newest commands and scrolls back to older ones', () => {
		const newest = render(<LogOverlay entries={entries} width={60} height={10} dryRun={false} />).lastFrame() ?? '';
		expect(newest).toContain('ip netns add ns39');
		// Seven rows for entries at height 10 (issue 27 item 10: it was six, and the seventh stayed blank).
		expect(newest).toContain('ip netns add ns33 ');
		expect(newest).not.toContain('ip netns add ns32 ');
		expect(newest).toContain('↑↓ g G scroll');
		const back = render(<LogOverlay entries={entries} width={60} height={10} dryRun={false} scroll={-30} />).lastFrame() ?? '';
		expect(back).toContain('ip netns add ns4 ');
		expect(back).not.toContain('ip netns add ns39');
		const clamped = render(<LogOverlay entries={entries} width={60} height={10} dryRun={false} scroll={-999} />).lastFrame() ?? '';
		expect(clamped).toContain('ip netns add ns0 ');
	});

	it('shows every entry that fits: none hidden while a row stays blank (issue 27 item 10)', () => {
		// 10 rows: the border's two and the title leave 7 for entries.
		const seven = entries.slice(0, 7);
		const frame = render(<LogOverlay entries={seven} width={60} height={10} dryRun={false} />).lastFrame() ?? '';
		const inside = frame.split('\n').slice(2, -1);
		expect(inside.every((row) => /ip netns add ns\d/.test(row)), frame).toBe(true);
		for (const e of seven) expect(frame).toContain(`${e.argv.join(' ')} `);
		expect(frame).not.toContain('scroll');
		// One more does not fit: the oldest goes, and the rows are all used.
		const eight = render(<LogOverlay entries={entries.slice(0, 8)} width={60} height={10} dryRun={false} />).lastFrame() ?? '';
		expect(eight).not.toContain('ip netns add ns0 ');
		expect(eight.split('\n').slice(2, -1).every((row) => /ip netns add ns\d/.test(row)), eight).toBe(true);
		expect(eight).toContain('↑↓ g G scroll');
	});

	it.each([80, 200])('at %i columns: each entry has its start time, duration and how it ended, or that it still runs', (columns) => {
		const at = new Date(2026, 10, 30, 9, 41, 2);
		const log: LogEntry[] = [
			{argv: ['ip', 'netns', 'add', 'ns1'], status: 'ok', exitCode: 0, plan: 'p', at, durationMs: 12},
			{argv: ['ip', 'link', 'add', 'x'], status: 'failed', exitCode: 2, error: 'RTNETLINK answers: File exists', plan: 'p', at, durationMs: 1500},
			{argv: ['ip', 'netns', 'exec', 'ns1', 'ping', '10.1.1.2'], status: 'stopped', exitCode: -1, signal: 'SIGINT', plan: 'p', at, durationMs: 3000, looks: true},
			{argv: ['ip', 'netns', 'exec', 'ns1', 'sleep', '9'], status: 'running', plan: 'p', at},
		];
		const frame = render(<LogOverlay entries={log} width={columns} height={10} dryRun={false} />).lastFrame() ?? '';
		expect(frame).toContain('09:41:02  12 ms ✓ exit 0  ip netns add ns1');
		expect(frame).toContain('09:41:02  1.5 s ✗ exit 2  ip link add x — RTNETLINK answers: File exists');
		expect(frame).toContain('09:41:02  3.0 s ■ SIGINT  ip netns exec ns1 ping 10.1.1.2');
		expect(frame).toContain('09:41:02        … running ip netns exec ns1 sleep 9');
	});

	it('at 80 columns a long command and its error wrap under the command, nothing cut; the newest still at the bottom', () => {
		const at = new Date(2026, 10, 30, 9, 41, 2);
		const long: LogEntry = {
			argv: ['ip', 'netns', 'exec', 'a-rather-long-namespace-name', 'ping', '-n', '-c', '4', '-i', '1', '-W', '2', '10.200.100.250'],
			status: 'failed',
			exitCode: 1,
			error: 'ping: connect: Network is unreachable',
			plan: 'p',
			at,
			durationMs: 2000,
		};
		const frame = render(<LogOverlay entries={[...entries, long]} width={80} height={10} dryRun={false} />).lastFrame() ?? '';
		const rows = frame.split('\n');
		const first = rows.findIndex((r) => r.includes('09:41:02  2.0 s ✗ exit 1  ip netns exec a-rather-long-namespace-name ping'));
		expect(first).toBeGreaterThan(0);
		expect(rows[first + 1]).toMatch(/^║ {27}\S/);
		const text = rows.slice(first, first + 3).map((r) => r.slice(2, -2).trimEnd()).join('');
		expect(text.replaceAll(/\s+/g, ' ')).toContain('-W 2 10.200.100.250 — ping: connect: Network is unreachable');
		expect(frame).not.toContain('…');
		// The newest entry ends on the last row written.
		const written = rows.filter((r) => r.startsWith('║')).map((r) => r.slice(1, -1).trim());
		expect(written.filter(Boolean).at(-1)).toBe('Network is unreachable');
	});

	it('measures a hostile name as it is drawn: wrapped, never cut, nothing raw', () => {
		const at = new Date(2026, 10, 30, 9, 41, 2);
		const name = `x\u202E${'y'.repeat(40)}\u001B]0;t\u0007end`;
		const frame = render(<LogOverlay entries={[{argv: ['ip', 'netns', 'add', name], status: 'ok', exitCode: 0, plan: 'p', at, durationMs: 3}]} width={80} height={10} dryRun={false} />).lastFrame() ?? '';
		expect(frame).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u202E]/);
		const text = frame.split('\n').filter((r) => r.startsWith('║')).map((r) => r.slice(2, -2).trim()).join('');
		expect(text).toContain('⟨U+202E⟩');
		expect(text).toContain("␛]0;t␇end'");
		expect(frame).not.toContain('…');
	});
});

