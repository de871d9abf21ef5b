// Names that are no UTF-8 stay apart from the text they would decode to (issue 26).
import {describe, expect, it} from 'vitest';
import {shown} from '../../source/model/display.js';
import {decodeRawName, encodeRawName, isRawName} from '../../source/model/raw-names.js';

describe('names as bytes', () => {
	it('keeps x\\xff apart from x\\xef\\xbf\\xbd (U+FFFD)', () => {
		const raw = decodeRawName(Buffer.from([0x78, 0xff]));
		const replacement = decodeRawName(Buffer.from([0x78, 0xef, 0xbf, 0xbd]));
		expect(raw).not.toBe(replacement);
		expect(replacement).toBe('x\uFFFD');
		expect(isRawName(raw)).toBe(true);
		expect(isRawName(replacement)).toBe(false);
	});

	it('round-trips any bytes', () => {
		for (const bytes of [[0x6e, 0xff], [0xc3, 0xa9], [0xe0, 0x80, 0x80], [0xf0, 0x9f, 0x98, 0x80, 0x80], [0xed, 0xa0, 0x80], [0x41]]) {
			expect([...encodeRawName(decodeRawName(Buffer.from(bytes)))]).toEqual(bytes);
		}
	});

	it('leaves real text, emoji included, as it is', () => {
		expect(decodeRawName(Buffer.from('veth-ü😀', 'utf8'))).toBe('veth-ü😀');
		expect(isRawName('veth-ü😀')).toBe(false);
	});

	it('is shown with each stray byte as \\xXX', () => {
		expect(shown(decodeRawName(Buffer.from([0x78, 0xff, 0x41])))).toBe('x\\xffA');
		expect(shown('😀')).toBe('😀');
	});
});
