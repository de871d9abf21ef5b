// Rates on the interfaces pane take 20 columns. Where the pane is narrow (80x24) the other end of each
// link matters more, so the rows keep it and the rates wait for the detail (Enter) or a wider terminal.
import {render} from 'ink-testing-library';
import {describe, expect, it, onTestFinished} from 'vitest';
import type {LinkTraffic} from '../../source/model/traffic/rates.js';
import {InterfacesPane} from '../../source/ui/panes/interfaces-pane.js';
import {fixtureWorld} from '../support/fixtures.js';

const world = fixtureWorld('bridge');
const host = world.namespaces.find((n) => n.kind === 'host');
const busy: LinkTraffic = {counters: {} as LinkTraffic['counters'], rxRate: 1200, txRate: 0, rxHistory: [], txHistory: [], errorsRising: false, at: 0};
const traffic = new Map((host?.links ?? []).map((l) => [l.ifindex, busy]));

function frameAt(width: number, {shown = traffic as ReadonlyMap<number, LinkTraffic> | undefined, ratesRead = false} = {}): string {
	const app = render(<InterfacesPane ns={host} selected={0} focused width={width} height={12} peerOf={() => undefined} portsOf={() => []} traffic={shown} ratesRead={ratesRead} />);
	onTestFinished(() => app.unmount());
	return app.lastFrame() ?? '';
}

describe('rates on the interfaces pane', () => {
	it('show where the pane is wide', () => {
		expect(frameAt(140)).toContain('↓1.2 kB/s ↑0 B/s');
	});

	it('wait for a wider pane where it is narrow, leaving the row to the other end and the addresses', () => {
		const frame = frameAt(58);
		expect(frame).not.toContain('B/s');
		expect(frame).toContain('10.1.1.4/24');
	});

	it('keep their column while a namespace waits for its second reading, so the addresses do not jump', () => {
		const column = (frame: string): number => frame.split('\n').find((line) => line.includes('10.1.1.4/24'))?.indexOf('10.1.1.4/24') ?? -1;
		const withRates = column(frameAt(140));
		expect(withRates).toBeGreaterThan(0);
		// Just selected: no rates of this namespace yet, but rates are read (another namespace's came).
		expect(column(frameAt(140, {shown: undefined, ratesRead: true}))).toBe(withRates);
		expect(column(frameAt(140, {shown: new Map(), ratesRead: true}))).toBe(withRates);
		// Nothing reads rates (a system without counters): no empty column.
		expect(column(frameAt(140, {shown: new Map()}))).toBeLessThan(withRates);
	});
});
