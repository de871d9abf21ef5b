import {describe, expect, it} from 'vitest';
import {fitName, shortenMiddle} from '../../source/model/shorten-middle.js';

/** A fixed sequence of hex digits (a small LCG): the same "random" ids on every run. */
function hexSource(seed: number): () => string {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2 ** 31;
		return (state >> 16).toString(16).padStart(4, '0').slice(-4);
	};
}

function uuids(count: number): string[] {
	const next = hexSource(7);
	return Array.from({length: count}, () => `${next()}${next()}-${next()}-4${next().slice(1)}-8${next().slice(1)}-${next()}${next()}${next()}`);
}

describe('shortenMiddle', () => {
	it('keeps what fits, and cuts the middle of what does not', () => {
		expect(shortenMiddle('ns1', 10)).toBe('ns1');
		expect(shortenMiddle('production', 10)).toBe('production');
		expect(shortenMiddle('production-eu-west', 10)).toBe('produ…west');
		expect(shortenMiddle('cni-72b1c0d4-5e6f-4a3b-8c9d-0e1f2a3b9f1a', 11)).toBe('cni-72…9f1a');
		expect(shortenMiddle('abcdef', 1)).toBe('…');
		expect(shortenMiddle('abcdef', 2)).toBe('a…');
		expect(shortenMiddle('abcdef', 0)).toBe('');
	});

	it.each([8, 10, 11, 14])('is never wider than %i columns', (width) => {
		for (const name of ['cni-' + uuids(1)[0], 'veth3a9f1b2c', 'x'.repeat(40), 'näme-ünïcode-ñames']) {
			expect([...shortenMiddle(name, width)].length).toBeLessThanOrEqual(width);
			expect([...fitName(name, width)].length).toBe(width);
		}
	});

	it.each([10, 11, 14])('keeps 100 pod namespaces (cni-<uuid>) apart in %i columns', (width) => {
		const names = uuids(100).map((u) => `cni-${u}`);
		expect(new Set(names.map((n) => shortenMiddle(n, width))).size).toBe(100);
	});

	it('keeps veth<hash> names apart', () => {
		const next = hexSource(11);
		const names = Array.from({length: 50}, () => `veth${next()}${next()}`);
		expect(new Set(names.map((n) => shortenMiddle(n, 9))).size).toBe(50);
	});
});
