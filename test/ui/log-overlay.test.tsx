import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import type {LogEntry} from '../../source/plans/run-plan.js';
import {LogOverlay} from '../../source/ui/overlays/log-overlay.js';

const entries: LogEntry[] = Array.from({length: 40}, (_, i) => ({argv: ['ip', 'netns', 'add', `ns${i}`], status: 'ok', plan: `p${i}`, at: new Date(0)}));

describe('command log overlay', () => {
	it('opens on the newest commands and scrolls back to older ones', () => {
		const newest = render(<LogOverlay entries={entries} width={60} height={10} dryRun={false} />).lastFrame() ?? '';
		expect(newest).toContain('ip netns add ns39');
		expect(newest).not.toContain('ip netns add ns33 ');
		expect(newest).toContain('↑↓ scroll');
		const back = render(<LogOverlay entries={entries} width={60} height={10} dryRun={false} scroll={-30} />).lastFrame() ?? '';
		expect(back).toContain('ip netns add ns4 ');
		expect(back).not.toContain('ip netns add ns39');
		const clamped = render(<LogOverlay entries={entries} width={60} height={10} dryRun={false} scroll={-999} />).lastFrame() ?? '';
		expect(clamped).toContain('ip netns add ns0 ');
	});
});
