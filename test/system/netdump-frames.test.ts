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

describe('a single read whose frame did not change', () => {
	const body = (mtu: number): number[] => [...new TextEncoder().encode(JSON.stringify({links: [{ifindex: 1, ifname: 'lo', mtu, flags: ['UP'], operstate: 'UNKNOWN', link_type: 'loopback', addr_info: []}], routes: []}))];
	const readOnce = async (mtu: number) => {
		const {readWithNetdump} = await import('../../source/system/netdump.js');
		const run = async (_argv: readonly string[], options: {onData?: (chunk: Uint8Array) => void}) => {
			options.onData?.(frame(0, 0, body(mtu)));
			return {exitCode: 0, stdout: '', stderr: ''} as never;
		};
		return (await readWithNetdump('nsdeck-netdump', [{id: 'memo-test', kind: 'named', path: '/run/netns/memo-test'}], {run})).namespaces[0];
	};

	it('gives back the same records (no parse, no JSON compare); a changed one is parsed', async () => {
		const first = await readOnce(65536);
		const again = await readOnce(65536);
		expect(again.links).toBe(first.links);
		expect(again.routes).toBe(first.routes);
		const changed = await readOnce(1500);
		expect(changed.links).not.toBe(first.links);
		expect(changed.links[0].mtu).toBe(1500);
	});
});
