import {describe, expect, it} from 'vitest';
import {parseNamesFile, withNames, BUILTIN_NAMES, nameOf} from '../../source/model/iproute-names.js';
import {attributes, ipv6Text, messages, text, Wire, type Span} from '../../source/model/netlink-wire.js';

const v6 = (words: number[]): Uint8Array => new Uint8Array(words.flatMap((w) => [w >> 8, w & 0xff]));

describe('ipv6Text writes addresses as glibc inet_ntop (and so ip) does', () => {
	it.each([
		[[0, 0, 0, 0, 0, 0, 0, 1], '::1'],
		[[0, 0, 0, 0, 0, 0, 0, 0], '::'],
		[[0xfe80, 0, 0, 0, 0x1c2, 0x3ff, 0xfe04, 0x506], 'fe80::1c2:3ff:fe04:506'],
		[[0x2001, 0xdb8, 0, 0, 1, 0, 0, 1], '2001:db8::1:0:0:1'], // the first of two equal runs
		[[0x2001, 0xdb8, 0, 1, 1, 1, 1, 1], '2001:db8:0:1:1:1:1:1'], // a single zero group stays
		[[0xfd00, 0, 0, 0, 0, 0, 0, 0], 'fd00::'],
		[[0, 0, 0, 0, 0, 0xffff, 0x0a00, 0x0001], '::ffff:10.0.0.1'],
		[[0, 0, 0, 0, 0, 0, 0x0a00, 0x0001], '::10.0.0.1'],
		[[0, 0, 0, 0, 0, 0, 0, 2], '::2'],
	])('%j → %s', (words, expected) => {
		expect(ipv6Text(v6(words))).toBe(expected);
	});
});

/** A netlink message of `type` with a 4-byte family header and the given (type, bytes) attributes. */
function message(type: number, attrs: Array<[number, Uint8Array]>): Uint8Array {
	const parts = attrs.map(([t, bytes]) => {
		const length = 4 + bytes.length;
		const out = new Uint8Array((length + 3) & ~3);
		new DataView(out.buffer).setUint16(0, length, true);
		new DataView(out.buffer).setUint16(2, t, true);
		out.set(bytes, 4);
		return out;
	});
	const body = 4 + parts.reduce((n, p) => n + p.length, 0);
	const out = new Uint8Array(16 + body);
	const view = new DataView(out.buffer);
	view.setUint32(0, out.length, true);
	view.setUint16(4, type, true);
	let at = 20;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

describe('netlink messages and attributes', () => {
	it('walks packed messages and reads their attributes, stopping at a truncated one', () => {
		const name = new TextEncoder().encode('veth0\0');
		const a = message(16, [[3, name]]);
		const b = message(20, [[0x8000 | 18, new Uint8Array(4)]]);
		const joined = new Uint8Array([...a, ...b, ...a.subarray(0, 10)]);
		const wire = new Wire(joined);
		const found = messages(wire);
		expect(found.map((m) => m.type)).toEqual([16, 20]);
		expect(text(wire, attributes(wire, found[0].body, 4, new Set([3])).get(3) as Span)).toBe('veth0');
		expect(attributes(wire, found[0].body, 4, new Set([4])).size).toBe(0); // only what is asked for
		expect(attributes(wire, found[1].body, 4, new Set([18])).has(18)).toBe(true); // the nested flag is masked off
	});

	it('reads names up to their NUL, in UTF-8 beyond ASCII', () => {
		const bytes = new TextEncoder().encode('xeth0\0junk\0größe\0');
		const wire = new Wire(bytes);
		expect(text(wire, {at: 1, length: 9})).toBe('eth0');
		expect(text(wire, {at: 11, length: 8})).toBe('größe');
		expect(text(wire, {at: 11, length: 3})).toBe('gr\uFFFD'); // cut inside a character, no NUL
	});
});

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
