import {describe, expect, it} from 'vitest';
import {parseNamesFile, withNames, BUILTIN_NAMES, nameOf} from '../../source/model/iproute-names.js';

describe('iproute2 names files', () => {
	it('reads NUMBER NAME lines, skipping comments, and lays them over the built-in names', () => {
		const names = withNames(BUILTIN_NAMES, {tables: '# comment\n100\tvpn\n0x65 lab # hex\n\nbad line\n'});
		expect(nameOf(names.tables, 100)).toBe('vpn');
		expect(nameOf(names.tables, 101)).toBe('lab');
		expect(nameOf(names.tables, 254)).toBe('main');
		expect(nameOf(names.tables, 7)).toBe('7');
		expect(parseNamesFile('12 bird\n')).toEqual(new Map([[12, 'bird']]));
	});
});
