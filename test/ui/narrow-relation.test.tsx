// At 60x15 the host's bridge ports show whose peer they are, cut at the row end, not in the middle of
// `→ ns1/veth_ns1 master br0` (which read `→ ns1/veth…aster b…`).
import {describe, expect, it} from 'vitest';
import {startApp} from '../support/start-app.js';

describe('the other end at 60 columns', () => {
	it('keeps the peer whole and cuts what follows at the row end', async () => {
		const {app} = await startApp({size: {columns: 60, rows: 15}});
		const frame = app.lastFrame() ?? '';
		expect(frame).toContain('→ ns1/veth_ns1');
		expect(frame).toContain('→ ns2/veth_ns2');
		expect(frame).not.toContain('aster b');
	});
});
