// The rtnetlink wire format: message headers, attributes, and addresses printed the way `ip` prints them.
// Netlink is in the host's byte order; nsdeck-netdump hands the kernel's bytes over untouched.

export const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export const NLMSG_HEADER = 16;
const RTA_HEADER = 4;
/** Attribute types carry two flag bits (nested, network byte order) above the type itself. */
const NLA_TYPE_MASK = 0x3fff;

export const align4 = (n: number): number => (n + 3) & ~3;

export interface NetlinkMessage {
	readonly type: number;
	readonly flags: number;
	/** The message without its nlmsghdr: the family header, then attributes. */
	readonly body: DataView;
}

const view = (bytes: Uint8Array, offset = 0, length = bytes.length - offset): DataView =>
	new DataView(bytes.buffer, bytes.byteOffset + offset, length);

export const u8 = (v: DataView, at: number): number => v.getUint8(at);
export const u16 = (v: DataView, at: number): number => v.getUint16(at, LITTLE_ENDIAN);
export const u32 = (v: DataView, at: number): number => v.getUint32(at, LITTLE_ENDIAN);
export const i32 = (v: DataView, at: number): number => v.getInt32(at, LITTLE_ENDIAN);

/** The messages packed one after another in `bytes`; stops at the first that does not fit. */
export function* messages(bytes: Uint8Array): Generator<NetlinkMessage> {
	const all = view(bytes);
	let offset = 0;
	while (offset + NLMSG_HEADER <= bytes.length) {
		const length = u32(all, offset);
		if (length < NLMSG_HEADER || offset + length > bytes.length) return;
		yield {type: u16(all, offset + 4), flags: u16(all, offset + 6), body: view(bytes, offset + NLMSG_HEADER, length - NLMSG_HEADER)};
		offset += align4(length);
	}
}

/**
 * The `wanted` attributes from `offset` on (after the family header), by type; a repeated type keeps the
 * first. Only the wanted ones get a view: a link carries ~50 attributes and nsdeck reads 8 of them.
 */
export function attributes(body: DataView, offset: number, wanted: ReadonlySet<number>): Map<number, DataView> {
	const found = new Map<number, DataView>();
	while (offset + RTA_HEADER <= body.byteLength) {
		const length = u16(body, offset);
		if (length < RTA_HEADER || offset + length > body.byteLength) break;
		const type = u16(body, offset + 2) & NLA_TYPE_MASK;
		if (wanted.has(type) && !found.has(type)) found.set(type, new DataView(body.buffer, body.byteOffset + offset + RTA_HEADER, length - RTA_HEADER));
		offset += align4(length);
	}
	return found;
}

const bytesOf = (v: DataView): Uint8Array => new Uint8Array(v.buffer, v.byteOffset, v.byteLength);

const utf8 = new TextDecoder();

/** A NUL-terminated string attribute. */
export function text(v: DataView): string {
	const bytes = bytesOf(v);
	const end = bytes.indexOf(0);
	return utf8.decode(end < 0 ? bytes : bytes.subarray(0, end));
}

export const ipv4Text = (b: Uint8Array): string => `${b[0]}.${b[1]}.${b[2]}.${b[3]}`;

/** IPv6 text as glibc's inet_ntop writes it: the longest run (2+) of zero groups as ::, embedded IPv4 kept. */
export function ipv6Text(b: Uint8Array): string {
	const words = Array.from({length: 8}, (_, i) => (b[2 * i] << 8) | b[2 * i + 1]);
	let best = {base: -1, len: 0};
	for (let i = 0; i < 8; ) {
		if (words[i] !== 0) {
			i++;
			continue;
		}
		let j = i;
		while (j < 8 && words[j] === 0) j++;
		if (j - i > best.len) best = {base: i, len: j - i};
		i = j;
	}
	if (best.len < 2) best = {base: -1, len: 0};
	let out = '';
	for (let i = 0; i < 8; i++) {
		if (best.base !== -1 && i >= best.base && i < best.base + best.len) {
			if (i === best.base) out += ':';
			continue;
		}
		if (i !== 0) out += ':';
		// ::a.b.c.d and ::ffff:a.b.c.d keep their IPv4 part.
		if (i === 6 && best.base === 0 && (best.len === 6 || (best.len === 5 && words[5] === 0xffff))) {
			out += ipv4Text(b.subarray(12));
			return out;
		}
		out += words[i].toString(16);
	}
	if (best.base !== -1 && best.base + best.len === 8) out += ':';
	return out;
}

/** An IPv4 or IPv6 address attribute as text; other lengths as hex (never seen in practice). */
export function addressText(v: DataView): string {
	const b = bytesOf(v);
	if (b.length === 4) return ipv4Text(b);
	if (b.length === 16) return ipv6Text(b);
	return hardwareText(b);
}

/** Link-layer addresses: aa:bb:cc:dd:ee:ff. */
export const hardwareText = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(':');

export const attributeBytes = bytesOf;
