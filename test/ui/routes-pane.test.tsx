// The routes pane draws each route as its own row: routes that differ only in tos or source prefix, and even
// two that share every word nsdeck keys them by, never collapse into one row or leave a stale one behind.
import {render} from 'ink-testing-library';
import {describe, expect, it, onTestFinished} from 'vitest';
import {parseRoute} from '../../source/model/parse-route.js';
import {RoutesPane} from '../../source/ui/panes/routes-pane.js';

const base = {type: 'unicast', dst: '10.80.0.0/24', dev: 'd0', table: 'main', protocol: 'boot', scope: 'link', flags: []};
const tos0 = parseRoute(base);
const tos10 = parseRoute({...base, tos: '0x10'});
// Told apart only by a metric nsdeck does not pass to ip (features): the same key, still two rows.
const twin = parseRoute({...base, metrics: [{features: 1}]});

const pane = (routes: ReturnType<typeof parseRoute>[], selected: number) => <RoutesPane nsId="r1" routes={routes} selected={selected} focused width={80} height={10} />;

describe('the routes pane', () => {
	it('shows a tos 0x10 route and the tos-0 one as two rows, and the cursor reaches each', () => {
		const app = render(pane([tos0, tos10], 1));
		onTestFinished(() => app.unmount());
		const frame = app.lastFrame() ?? '';
		expect(frame).toMatch(/ v4 10\.80\.0\.0\/24 dev d0 scope link/);
		expect(frame).toMatch(/›v4 10\.80\.0\.0\/24 tos 0x10 dev d0 scope link/);
	});

	it('draws two routes with one key as two rows, and leaves no ghost when one goes', () => {
		const app = render(pane([tos0, twin, tos10], 0));
		onTestFinished(() => app.unmount());
		expect((app.lastFrame() ?? '').match(/10\.80\.0\.0\/24 dev d0 scope link/g)).toHaveLength(2);
		app.rerender(pane([tos10], 0));
		const frame = app.lastFrame() ?? '';
		expect(frame).not.toMatch(/10\.80\.0\.0\/24 dev d0 scope link/);
		expect(frame).toContain('10.80.0.0/24 tos 0x10 dev d0 scope link');
	});
});
