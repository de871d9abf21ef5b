// The app keeps no raw records (only `show --json` prints them): after keepNoRecords, a parsed link has
// none, while one parsed before still has its own.
import {describe, expect, it} from 'vitest';
import {parseLinks} from '../../source/model/parse.js';
import {keepNoRecords, recordOf} from '../../source/model/raw-records.js';

const text = JSON.stringify([{ifindex: 1, ifname: 'lo', flags: ['LOOPBACK', 'UP'], mtu: 65536, operstate: 'UNKNOWN', link_type: 'loopback', address: '00:00:00:00:00:00', addr_info: []}]);

describe('raw records', () => {
	it('are kept until keepNoRecords, then no longer', () => {
		const before = parseLinks(text)[0];
		expect(recordOf(before)).toMatchObject({ifname: 'lo'});
		keepNoRecords();
		const after = parseLinks(text)[0];
		expect(recordOf(after)).toBeUndefined();
		expect(recordOf(before)).toMatchObject({ifname: 'lo'});
	});
});
