import {describe, expect, it} from 'vitest';
import {KEYMAP, displayKey, findBinding, scopesFor, type Scope} from '../source/state/keys/keymap.js';
import {changeFor} from '../source/state/change-actions.js';
import {initialState} from '../source/state/reducer.js';
import {createFakeSystem} from './support/fake-system.js';

describe('keymap', () => {
	it('has no two bindings on one key within one scope', () => {
		const seen = new Map<string, string>();
		for (const b of KEYMAP) {
			for (const key of b.keys) {
				const slot = `${b.scope}:${key}`;
				expect(seen.get(slot), `${key} in ${b.scope}: ${b.id} and ${seen.get(slot)}`).toBeUndefined();
				seen.set(slot, b.id);
			}
		}
	});

	it('lets no pane binding shadow a global or list key', () => {
		const shared = new Set(KEYMAP.filter((b) => b.scope === 'global' || b.scope === 'lists').flatMap((b) => b.keys));
		const paneScopes: Scope[] = ['namespaces', 'interfaces', 'routes'];
		for (const b of KEYMAP.filter((x) => paneScopes.includes(x.scope))) {
			for (const key of b.keys) expect(shared.has(key), `${b.id} shadows ${key}`).toBe(false);
		}
	});

	it('shows in a hint only keys bound in its scope (↑↓ sums up scroll up and scroll down)', () => {
		for (const b of KEYMAP) {
			const scopeKeys = KEYMAP.filter((x) => x.scope === b.scope).flatMap((x) => x.keys);
			for (const key of b.hintKeys ?? []) expect(scopeKeys, b.id).toContain(key);
		}
	});

	it('describes every binding', () => {
		for (const b of KEYMAP) expect(b.description.length, b.id).toBeGreaterThan(3);
	});

	it('finds the most specific binding first', () => {
		expect(findBinding('j', scopesFor('namespaces'))?.id).toBe('down');
		expect(findBinding('?', scopesFor('routes'))?.id).toBe('help');
		expect(findBinding('escape', ['overlay', 'global'])?.id).toBe('close');
		expect(findBinding('zz', scopesFor('routes'))).toBeUndefined();
	});

	it('shows keys as people name them', () => {
		expect(displayKey('return')).toBe('Enter');
		expect(displayKey('ctrl+r')).toBe('Ctrl+R');
		expect(displayKey('x')).toBe('x');
	});

	it('says of one binding the same in every scope: whether it changes, looks, when it acts', () => {
		for (const b of KEYMAP) {
			for (const other of KEYMAP.filter((x) => x.id === b.id)) {
				expect([other.changes, other.looks, other.when], `${b.id} in ${b.scope} and ${other.scope}`).toEqual([b.changes, b.looks, b.when]);
			}
		}
	});

	it('has a change for every binding marked as one, and none for the others', () => {
		const system = createFakeSystem({namespaces: []});
		for (const b of KEYMAP) expect(changeFor(b.id, initialState, system) !== undefined, b.id).toBe(b.changes === true);
	});

	it('acts on the selection with every change and look key, and never while typing into the panes', () => {
		for (const b of KEYMAP.filter((x) => x.changes || x.looks)) expect(b.when, b.id).toBe('selection');
	});
});
