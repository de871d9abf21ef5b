// Validation of an interface's settings (MTU, MAC, a new name) and of a new stacked device's numbers and
// addresses. Like validate.ts: a message for the form, or undefined when the value is fine; values that
// pass are normalised by the parse functions before they enter a plan.
import {ip as ipaddr} from './ip-address.js';
import type {Link, World} from './types.js';
import {checkInterfaceName, findNs, parseIp, type Check} from './validate.js';

/** IPv4 needs 68 bytes (RFC 791); above 65535 an IPv4 packet cannot say its length. */
export const MTU_FLOOR = 68;
export const MTU_CEILING = 65535;

/** A decimal number with nothing else: ip would read `0x10` or `010` its own way. */
const DECIMAL = /^\d{1,9}$/;

/** Parses a whole number typed in a form, or undefined. */
export const parseWhole = (text: string): number | undefined => (DECIMAL.test(text) ? Number(text) : undefined);

/** A whole number in [min, max]; `what` names it in the message ("a VLAN id"). */
export function checkWhole(text: string, min: number, max: number, what: string): Check {
	if (text === '') return `${what} is needed, ${min}–${max}`;
	const n = parseWhole(text);
	if (n === undefined) return `${what} is a whole number, ${min}–${max}`;
	return n < min || n > max ? `${what} is ${min}–${max}` : undefined;
}

/**
 * The MTU range for a link: the driver's own bounds where the reader reported them (min_mtu, max_mtu; a
 * max_mtu of 0 means the driver sets none, as lo's), never below what IPv4 needs; 68–65535 otherwise, or up
 * to the MTU it has when that is higher (lo has 65536).
 */
export function mtuRange(link: Pick<Link, 'mtu' | 'minMtu' | 'maxMtu'>): {min: number; max: number; fromKernel: boolean} {
	const fromKernel = (link.minMtu ?? 0) > 0 || (link.maxMtu ?? 0) > 0;
	return {min: Math.max(MTU_FLOOR, link.minMtu ?? 0), max: link.maxMtu ? link.maxMtu : Math.max(MTU_CEILING, link.mtu), fromKernel};
}

export function checkMtu(text: string, link: Pick<Link, 'name' | 'mtu' | 'minMtu' | 'maxMtu'>): Check {
	const {min, max, fromKernel} = mtuRange(link);
	const kernel = fromKernel ? ` (for ${link.name} the kernel takes ${link.minMtu ?? '?'}–${link.maxMtu || 'any'}; IPv4 needs at least ${MTU_FLOOR})` : '';
	if (text === '') return `an MTU is needed, ${min}–${max}`;
	const n = parseWhole(text);
	if (n === undefined) return `the MTU is a whole number of bytes, ${min}–${max}`;
	return n < min || n > max ? `the MTU is ${min}–${max}${kernel}` : undefined;
}

const MAC = /^[0-9a-fA-F]{2}([:-])[0-9a-fA-F]{2}(\1[0-9a-fA-F]{2}){4}$/;

/** `02-AA-bb-…` or `02:aa:…` → `02:aa:bb:cc:dd:ee`, as ip prints it; undefined when it is not six bytes. */
export function parseMac(text: string): string | undefined {
	return MAC.test(text) ? text.toLowerCase().replaceAll('-', ':') : undefined;
}

/** A MAC an interface can hold: six bytes, unicast (the first byte even), not all zeros. */
export function checkMac(text: string): Check {
	if (text === '') return 'a MAC address is needed, e.g. 02:00:00:00:00:01';
	const mac = parseMac(text);
	if (!mac) return 'six bytes in hex, e.g. 02:00:00:00:00:01';
	if (parseInt(mac.slice(0, 2), 16) % 2 === 1) return `${mac} is a multicast address (its first byte is odd): an interface needs a unicast one, e.g. 02:…`;
	if (mac === '00:00:00:00:00:00') return 'all zeros is no address';
	return undefined;
}

/** A new name for `link` in namespace `nsId`: valid, and taken by no other link there (nor as an altname). */
export function checkRename(world: World, nsId: string, link: Link, name: string): Check {
	const invalid = checkInterfaceName(name);
	if (invalid) return invalid;
	const holder = findNs(world, nsId)?.links.find((l) => l !== link && l.ifindex !== link.ifindex && (l.name === name || l.altnames?.includes(name)));
	if (holder) return holder.name === name ? `${name} already exists in ${nsId}` : `${name} is an other name (altname) of ${holder.name} in ${nsId}`;
	return undefined;
}

/** An optional address of a tunnel end: a unicast IP of either family. */
export function checkUnicastIp(text: string): Check {
	const ip = parseIp(text);
	if (!ip) return 'not an IP address, e.g. 10.0.0.2 or fd00::2';
	const range = ipaddr.parse(ip.address).range();
	if (range === 'unspecified') return `${ip.address} is the unspecified address`;
	if (range === 'multicast' || range === 'broadcast') return `${ip.address} is not a unicast address`;
	return undefined;
}

export const isMulticast = (address: string): boolean => ipaddr.parse(address).range() === 'multicast';
