// ipaddr.js, read exactly. It reads an IPv6 address written with a dotted tail as IPv4-mapped whatever its
// other groups say: `::10.1.1.1` (IPv4-compatible, ::a01:101) became `::ffff:a01:101`, a different
// address, so a plan would have added what the user did not type. Every module reads addresses through
// this one (the linter forbids importing ipaddr.js elsewhere); a dotted tail becomes its two hex groups
// before ipaddr.js sees it.
import ipaddr from 'ipaddr.js';

const DOTTED_TAIL = /^(.*:)(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})((?:\/|%).*)?$/;

/** `::10.1.1.1/96` → `::a01:101/96`; anything else as it is (ipaddr.js then refuses what is not valid). */
export function dottedTailAsHex(text: string): string {
	const match = DOTTED_TAIL.exec(text);
	if (!match) return text;
	const octets = match.slice(2, 6).map(Number);
	if (octets.some((o) => o > 255)) return text;
	const group = (high: number, low: number): string => ((high << 8) | low).toString(16);
	return `${match[1]}${group(octets[0], octets[1])}:${group(octets[2], octets[3])}${match[6] ?? ''}`;
}

const exact = dottedTailAsHex;

export const ip = {
	parse: (text: string) => ipaddr.parse(exact(text)),
	isValid: (text: string) => ipaddr.isValid(exact(text)),
	parseCIDR: (text: string) => ipaddr.parseCIDR(exact(text)),
	fromByteArray: ipaddr.fromByteArray,
	IPv4: ipaddr.IPv4,
	IPv6: {
		parse: (text: string) => ipaddr.IPv6.parse(exact(text)),
		isValid: (text: string) => ipaddr.IPv6.isValid(exact(text)),
		networkAddressFromCIDR: (text: string) => ipaddr.IPv6.networkAddressFromCIDR(exact(text)),
	},
} as const;
