// Names are bytes. An interface or namespace may be named x\xff, which is no UTF-8: decoded as text it
// became x\uFFFD, the same as a device really named x\xef\xbf\xbd, and deleting one deleted the other.
// A byte that starts no UTF-8 sequence is kept as the lone surrogate U+DC00+byte (Python's
// surrogateescape; the helper writes it so in JSON), which no real text holds: such a name is told
// apart, shown as \xXX (display.ts), read by its exact bytes, and never put in a command (run-plan.ts).

const STRAY_BYTE = /[\uDC80-\uDCFF]/u;

/** Why nothing is done with such a name. */
export const NOT_UTF8 = 'its name is not UTF-8; nsdeck gives names to ip as text and could not name it exactly, so it changes nothing on it';

/** Whether a name holds a byte that is no UTF-8 (kept as U+DC80..U+DCFF). */
export const isRawName = (name: string): boolean => STRAY_BYTE.test(name);

/** Bytes as a name: UTF-8 where they are, each other byte as U+DC00+byte. */
export function decodeRawName(bytes: Uint8Array): string {
	try {
		// Nearly always UTF-8 throughout (ip's whole output goes through here): decoded at once.
		return FATAL.decode(bytes);
	} catch {
		return byteByByte(bytes);
	}
}

const FATAL = new TextDecoder('utf-8', {fatal: true});

function byteByByte(bytes: Uint8Array): string {
	let text = '';
	let start = 0;
	const flush = (end: number): void => {
		if (end > start) text += FATAL.decode(bytes.subarray(start, end));
	};
	for (let i = 0; i < bytes.length; ) {
		const length = sequenceLength(bytes, i);
		if (length === 0) {
			flush(i);
			text += String.fromCharCode(0xdc00 + bytes[i]);
			start = ++i;
		} else {
			i += length;
		}
	}
	flush(bytes.length);
	return text;
}

/** A name back to its bytes (what decodeRawName read). */
export function encodeRawName(name: string): Buffer {
	const parts: Buffer[] = [];
	for (const char of name) {
		const code = char.codePointAt(0) ?? 0;
		parts.push(code >= 0xdc80 && code <= 0xdcff ? Buffer.from([code - 0xdc00]) : Buffer.from(char, 'utf8'));
	}
	return Buffer.concat(parts);
}

/** The length of the well-formed UTF-8 sequence at bytes[i], or 0 (as native/netlink-json.c decides). */
function sequenceLength(bytes: Uint8Array, i: number): number {
	const c = bytes[i];
	const length = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
	if (length === 0 || i + length > bytes.length) return 0;
	for (let k = 1; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return 0;
	const second = bytes[i + 1];
	if ((c === 0xe0 && second < 0xa0) || (c === 0xed && second > 0x9f) || (c === 0xf0 && second < 0x90) || (c === 0xf4 && second > 0x8f)) return 0;
	return length;
}
