import {describe, expect, it} from 'vitest';
import {escapeRawControls, parseLinks} from '../../source/model/parse.js';

describe('ip -j output with raw control characters in a name', () => {
	it('parses, and keeps the name as the kernel has it', () => {
		const raw = '[{"ifindex":5,"ifname":"v\u001B[31mRED","flags":["UP"],"operstate":"UP","addr_info":[]}]';
		expect(() => JSON.parse(raw)).toThrow();
		expect(parseLinks(raw).map((l) => l.name)).toEqual(['v\u001B[31mRED']);
		expect(escapeRawControls('a\u0007b\tc')).toBe('a\\u0007b\\u0009c');
	});
});
