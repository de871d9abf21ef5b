// The footer: built from keymap.ts, the focused pane's keys first, `? help` always last, never cut.
import {describe, expect, it} from 'vitest';
import {KEYMAP, offeredFor} from '../../source/state/keys/keymap.js';
import {fitHints, footerHints, footerText} from '../../source/ui/footer.js';
import {KEYS, press, waitForFrame} from '../support/ink.js';
import {startApp} from '../support/start-app.js';

const footerOf = (frame: string): string => frame.split('\n').at(-1) ?? '';

/** Every hint that can be shown, each as `key label`. */
const allHints = [...new Set(KEYMAP.filter((b) => b.hint).map((b) => b.hint))];

function expectWholeHints(footer: string, width: number): void {
	expect(footer.length).toBeLessThanOrEqual(width);
	expect(footer).not.toContain('…');
	expect(footer.trimEnd()).toMatch(/\? help$/);
	// Made of whole hints: each `key label` piece is one a binding offers.
	for (const piece of footer.trimEnd().split('  ')) {
		const label = piece.slice(piece.indexOf(' ') + 1);
		expect([...allHints, 'help'], piece).toContain(label);
	}
}

describe('fitting hints', () => {
	const hints = footerHints(['interfaces', 'lists', 'global']);
	it.each([10, 20, 40, 80, 120, 200])('keeps whole hints in order, and ? help last, in %i columns', (width) => {
		const kept = fitHints(hints, width);
		const text = footerText(kept);
		expect(text.length).toBeLessThanOrEqual(Math.max(width, '? help'.length));
		expect(text.endsWith('? help')).toBe(true);
		const order = kept.slice(0, -1).map((h) => hints.indexOf(h));
		expect(order).toEqual([...order].sort((a, b) => a - b));
	});

	it('ranks the pane’s keys before the list and global keys', () => {
		// For an interface that is no bridge's port: u (detach) is not offered then.
		const labels = footerHints(['interfaces', 'lists', 'global'], offeredFor(undefined)).map((h) => h.label);
		expect(labels.slice(0, 6)).toEqual(['address', 'up/down', 'connect', 'move', 'route', 'delete']);
		const forPort = footerHints(['interfaces', 'lists', 'global'], offeredFor({master: 'br0'})).map((h) => h.label);
		expect(forPort.slice(0, 5)).toEqual(['address', 'up/down', 'connect', 'detach', 'move']);
		expect(labels.indexOf('veth')).toBeGreaterThan(labels.indexOf('filter'));
	});

	it('shows movement as ↑↓, never as a lone ↓ that reads like a key of its own', () => {
		for (const scopes of [['namespaces', 'lists', 'global'], ['overlay', 'global'], ['output']] as const) {
			for (const hint of footerHints(scopes)) expect(hint.key).not.toBe('↓');
		}
	});
});

describe.each([
	{columns: 80, rows: 24},
	{columns: 200, rows: 50},
])('the footer at $columns x $rows', (size) => {
	it('fits in every pane, whole hints only, ? help last', async () => {
		const {app} = await startApp({size});
		for (const [key, title] of [
			['1', 'Namespaces'],
			['2', 'Interfaces in host'],
			['3', 'Routes in host'],
		] as const) {
			await press(app, key);
			const frame = await waitForFrame(app, title);
			expectWholeHints(footerOf(frame), size.columns);
		}
	});

	it('offers only keys that work in the map', async () => {
		const {app} = await startApp({size});
		await press(app, 't');
		const footer = footerOf(await waitForFrame(app, 'Topology'));
		expectWholeHints(footer, size.columns);
		expect(footer).toMatch(/^Tab next {2}Enter go to it {2}↑↓←→ pan {2}Esc close/);
		// Nor the map's own key (Esc closes it): nothing that does nothing, or nothing new, here.
		for (const dead of ['Tab pane', 'v veth', 'p ping', 'x command', 'b bridge', 'Enter detail', 't map']) expect(footer).not.toContain(dead);
	});
});

describe('the footer at 200 columns', () => {
	it('hints every pane key and the global ones: c, m, r in interfaces; v, p, s, t, l, x', async () => {
		const {app} = await startApp({size: {columns: 200, rows: 50}});
		let footer = footerOf(app.lastFrame() ?? '');
		for (const hint of ['n new', 's shell', 'f forwarding', 'd delete', 'v veth', 'p ping', 't map', 'x command', 'l log', 'b bridge', 'q quit']) {
			expect(footer).toContain(hint);
		}
		await press(app, KEYS.tab);
		footer = footerOf(await waitForFrame(app, /c connect/));
		for (const hint of ['a address', 'Space up/down', 'c connect', 'm move', 'r route', 'Enter detail', 'v veth', 'p ping']) expect(footer).toContain(hint);
		expect(footer).not.toContain('s shell');
	});
});

describe('the footer at 80 columns', () => {
	it('starts with the focused pane’s keys', async () => {
		const {app} = await startApp();
		expect(footerOf(app.lastFrame() ?? '')).toMatch(/^n new {2}s shell {2}f forwarding {2}d delete {2}Enter detail/);
		await press(app, KEYS.tab);
		expect(footerOf(await waitForFrame(app, /a address/))).toMatch(/^a address {2}Space up\/down {2}c connect {2}m move {2}r route/);
	});
});
