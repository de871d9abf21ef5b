// The interfaces pane's "other end" cell in little room (60x15): the peer is what is cut in the middle, never
// the words after it, so `→ ns1/veth_ns1 master br0` does not become `→ ns1/veth…aster br0`.
import {describe, expect, it} from 'vitest';
import {fitRelation} from '../../source/model/shorten-middle.js';

describe('fitRelation', () => {
	it('keeps what fits whole', () => {
		expect(fitRelation(['→ ns1/veth_ns1', 'master br0'], 40, 20)).toBe('→ ns1/veth_ns1 master br0');
	});
	it('in little room keeps a short peer whole and leaves the rest to be cut at the row end', () => {
		expect(fitRelation(['→ ns1/veth_ns1', 'master br0'], 15, 20)).toBe('→ ns1/veth_ns1 master br0');
	});
	it('cuts a long peer in the middle, leaving room for what follows', () => {
		const peer = '→ cni-72b1c0d4-5e6f-4a3b-8c9d-0e1f2a3b9f1a/eth0';
		const cut = fitRelation([peer, 'master br0'], 34, 20);
		expect(cut).toMatch(/^→ cni-72b1.*….*9f1a\/eth0 master br0$/);
		expect(cut.length).toBe(34);
	});
	it('never cuts a peer below the minimum: the row end cuts instead', () => {
		const peer = '→ cni-72b1c0d4-5e6f-4a3b-8c9d-0e1f2a3b9f1a/eth0';
		const cut = fitRelation([peer], 10, 20);
		expect(cut).toMatch(/…9f1a\/eth0$/);
		expect(cut.length).toBe(20);
	});
});
