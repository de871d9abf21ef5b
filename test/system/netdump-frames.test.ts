import {describe, expect, it} from 'vitest';
import {frameSplitter, type DumpFrame} from '../../source/system/netdump.js';

function frame(index: number, errno: number, body: number[]): Uint8Array {
	const out = new Uint8Array(12 + body.length);
	const view = new DataView(out.buffer);
	view.setUint32(0, index, true);
	view.setInt32(4, errno, true);
	view.setUint32(8, body.length, true);
	out.set(body, 12);
	return out;
}

describe('frameSplitter', () => {
	it('finds the same frames however the helper output is cut into chunks', () => {
		const stream = new Uint8Array([...frame(0, 0, [1, 2, 3]), ...frame(1, 2, []), ...frame(2, 0, [9, 8, 7, 6, 5])]);
		for (const size of [1, 2, 5, 12, 13, stream.length]) {
			const seen: DumpFrame[] = [];
			const feed = frameSplitter((f) => seen.push({...f, bytes: f.bytes.slice()}));
			for (let at = 0; at < stream.length; at += size) feed(stream.subarray(at, at + size));
			expect(seen.map((f) => [f.index, f.errno, [...f.bytes]])).toEqual([
				[0, 0, [1, 2, 3]],
				[1, 2, []],
				[2, 0, [9, 8, 7, 6, 5]],
			]);
		}
	});
});
