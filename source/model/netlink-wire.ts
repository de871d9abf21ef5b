// The rtnetlink wire format: message headers, attributes, and addresses printed the way `ip` prints them.
// Netlink is in the host's byte order; nsdeck-netdump hands the kernel's bytes over untouched.
//
// Everything is read at offsets into one view of the whole dump. A DataView or typed array per message
// or attribute costs an allocation each, and the host of a busy server (thousands of messages) is decoded
// while the first frame waits, before the JIT has warmed up.

export const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export const NLMSG_HEADER = 16;
const RTA_HEADER = 4;
/** Attribute types carry two flag bits (nested, network byte order) above the type itself. */
const NLA_TYPE_MASK = 0x3fff;

export const align4 = (n: number): number => (n + 3) & ~3;

/** One dump's bytes, with readers at absolute offsets. */
export class Wire {
	readonly view: DataView;

	constructor(readonly bytes: Uint8Array) {
		this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	}

	u8(at: number): number {
		return this.bytes[at];
	}

	u16(at: number): number {
		return this.view.getUint16(at, LITTLE_ENDIAN);
	}

	u32(at: number): number {
		return this.view.getUint32(at, LITTLE_ENDIAN);
	}

	i32(at: number): number {
		return this.view.getInt32(at, LITTLE_ENDIAN);
	}
}

/** Where a message's or an attribute's payload lies in the dump. */
export interface Span {
	readonly at: number;
	readonly length: number;
}

export interface NetlinkMessage {
	readonly type: number;
	readonly flags: number;
	/** The message without its nlmsghdr: the family header, then attributes. */
	readonly body: Span;
}

/** The messages packed one after another in the dump; stops at the first that does not fit. */
export function messages(wire: Wire): NetlinkMessage[] {
	const found: NetlinkMessage[] = [];
	const end = wire.bytes.length;
	let offset = 0;
	while (offset + NLMSG_HEADER <= end) {
		const length = wire.u32(offset);
		if (length < NLMSG_HEADER || offset + length > end) break;
		found.push({type: wire.u16(offset + 4), flags: wire.u16(offset + 6), body: {at: offset + NLMSG_HEADER, length: length - NLMSG_HEADER}});
		offset += align4(length);
	}
	return found;
}

/**
 * The `wanted` attributes of `within`, after its first `skip` bytes (the family header), by type; a
 * repeated type keeps the first.
 */
export function attributes(wire: Wire, within: Span, skip: number, wanted: ReadonlySet<number>): Map<number, Span> {
	const found = new Map<number, Span>();
	const end = within.at + within.length;
	let offset = within.at + skip;
	while (offset + RTA_HEADER <= end) {
		const length = wire.u16(offset);
		if (length < RTA_HEADER || offset + length > end) break;
		const type = wire.u16(offset + 2) & NLA_TYPE_MASK;
		if (wanted.has(type) && !found.has(type)) found.set(type, {at: offset + RTA_HEADER, length: length - RTA_HEADER});
		offset += align4(length);
	}
	return found;
}

const utf8 = new TextDecoder();

/** A NUL-terminated string attribute. Interface names are short and nearly always ASCII: no decoder for those. */
export function text(wire: Wire, span: Span): string {
	const {bytes} = wire;
	const end = span.at + span.length;
	let out = '';
	for (let i = span.at; i < end; i++) {
		const byte = bytes[i];
		if (byte === 0) return out;
		if (byte >= 0x80) {
			const nul = bytes.subarray(span.at, end).indexOf(0);
			return utf8.decode(bytes.subarray(span.at, nul < 0 ? end : span.at + nul));
		}
		out += String.fromCharCode(byte);
	}
	return out;
}

export const u32At = (wire: Wire, span: Span): number => wire.u32(span.at);

export const ipv4Text = (b: Uint8Array, at = 0): string => `${b[at]}.${b[at + 1]}.${b[at + 2]}.${b[at + 3]}`;

/** IPv6 text as glibc's inet_ntop writes it: the longest run (2+) of zero groups as ::, embedded IPv4 kept. */
export function ipv6Text(b: Uint8Array, at = 0): string {
	const word = (i: number): number => (b[at + 2 * i] << 8) | b[at + 2 * i + 1];
	let bestBase = -1;
	let bestLength = 0;
	for (let i = 0; i < 8; ) {
		if (word(i) !== 0) {
			i++;
			continue;
		}
		let j = i;
		while (j < 8 && word(j) === 0) j++;
		if (j - i > bestLength) {
			bestBase = i;
			bestLength = j - i;
		}
		i = j;
	}
	if (bestLength < 2) bestBase = -1;
	let out = '';
	for (let i = 0; i < 8; i++) {
		if (bestBase !== -1 && i >= bestBase && i < bestBase + bestLength) {
			if (i === bestBase) out += ':';
			continue;
		}
		if (i !== 0) out += ':';
		// ::a.b.c.d and ::ffff:a.b.c.d keep their IPv4 part.
		if (i === 6 && bestBase === 0 && (bestLength === 6 || (bestLength === 5 && word(5) === 0xffff))) {
			out += ipv4Text(b, at + 12);
			return out;
		}
		out += word(i).toString(16);
	}
	if (bestBase !== -1 && bestBase + bestLength === 8) out += ':';
	return out;
}

const HEX_BYTES = Array.from({length: 256}, (_, x) => x.toString(16).padStart(2, '0'));

/** Link-layer addresses: aa:bb:cc:dd:ee:ff. */
export function hardwareText(b: Uint8Array, at = 0, length = b.length - at): string {
	let out = length > 0 ? HEX_BYTES[b[at]] : '';
	for (let i = 1; i < length; i++) out += `:${HEX_BYTES[b[at + i]]}`;
	return out;
}

/** An IPv4 or IPv6 address attribute as text; other lengths as hex (never seen in practice). */
export function addressText(wire: Wire, span: Span): string {
	if (span.length === 4) return ipv4Text(wire.bytes, span.at);
	if (span.length === 16) return ipv6Text(wire.bytes, span.at);
	return hardwareText(wire.bytes, span.at, span.length);
}
