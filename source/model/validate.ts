// Validation of every user input before any command runs. Each check returns a message for the form, or
// undefined when the value is fine. Stricter than the kernel on purpose: a name that needs quoting in a
// shell, or that `ip` prints confusingly, is refused.
import {ip as ipaddr} from './ip-address.js';
import {HOST_ID, type Netns, type World} from './types.js';

export type Check = string | undefined;

const NS_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const IF_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,14}$/;

export function checkNamespaceName(name: string): Check {
	if (name === '') return 'a name is needed';
	if (!NS_NAME.test(name)) return '1–64 characters: letters, digits, _ . - (starting with a letter or digit)';
	if (name === HOST_ID) return '"host" is how nsdeck names the host\'s own namespace: choose another name';
	return undefined;
}

/** Names the kernel keeps for itself: /proc/sys/net/ipv4/conf/{all,default} are settings, not devices. */
const RESERVED_INTERFACE_NAMES = new Set(['all', 'default']);

export function checkInterfaceName(name: string): Check {
	if (name === '') return 'a name is needed';
	if (Buffer.byteLength(name) > 15) return 'at most 15 characters (the kernel limit)';
	if (!/^[A-Za-z0-9]/.test(name)) return 'must start with a letter or a digit';
	if (!IF_NAME.test(name)) return 'letters, digits, _ . - only (no spaces, / or :)';
	if (RESERVED_INTERFACE_NAMES.has(name)) return `"${name}" is reserved by the kernel (net.ipv4.conf.${name} holds settings for every interface)`;
	return undefined;
}

export const findNs = (world: World, id: string): Netns | undefined => world.namespaces.find((n) => n.id === id);

export function checkNewNamespace(world: World, name: string): Check {
	return checkNamespaceName(name) ?? (findNs(world, name) ? `namespace ${name} already exists` : undefined);
}

export function checkExistingNamespace(world: World, id: string): Check {
	return findNs(world, id) ? undefined : `no namespace ${id}`;
}

/** A new interface name must be free where it is created and where it ends up. */
export function checkNewInterface(world: World, name: string, nsIds: readonly string[]): Check {
	const invalid = checkInterfaceName(name);
	if (invalid) return invalid;
	const taken = nsIds.find((id) => findNs(world, id)?.links.some((l) => l.name === name));
	return taken ? `${name} already exists in ${taken}` : undefined;
}

export interface ParsedCidr {
	readonly family: 4 | 6;
	readonly address: string;
	readonly prefix: number;
	/** Normalised, as `ip` prints it: 10.1.1.1/24, fd00::1/64. */
	readonly text: string;
}

/**
 * Strict: IPv4 in four-part decimal only (no 10.1 or 0x0a.1.1.1), with an explicit /prefix. The prefix is
 * read as decimal and written back without leading zeros: ip reads `/024` as octal (/20), so a plan must
 * never carry what the user typed, only `text`.
 */
export function parseCidr(text: string): ParsedCidr | undefined {
	if (!/^[0-9a-fA-F.:]+\/\d{1,3}$/.test(text)) return undefined;
	const [addr, bits] = text.split('/');
	const parsedAddress = parseIp(addr);
	if (!parsedAddress) return undefined;
	const prefix = Number(bits);
	if (prefix > (parsedAddress.family === 4 ? 32 : 128)) return undefined;
	return {family: parsedAddress.family, address: parsedAddress.address, prefix, text: `${parsedAddress.address}/${prefix}`};
}

export function parseIp(text: string): {family: 4 | 6; address: string} | undefined {
	if (ipaddr.IPv4.isValidFourPartDecimal(text)) return {family: 4, address: ipaddr.IPv4.parse(text).toString()};
	if (text.includes(':') && ipaddr.IPv6.isValid(text)) return {family: 6, address: ipaddr.IPv6.parse(text).toString()};
	return undefined;
}

export function checkCidr(text: string): Check {
	if (text === '') return 'an address with a prefix is needed, e.g. 10.1.1.1/24 or fd00::1/64';
	return parseCidr(text) ? undefined : 'not an address/prefix: e.g. 10.1.1.1/24 or fd00::1/64';
}

/**
 * Addresses an interface cannot usefully hold, with the reason: the kernel takes some of them and the
 * result is a namespace that cannot talk (or, for 127.x on a veth, one that cannot reach its own loopback).
 */
export function checkAddressUse(cidr: ParsedCidr, onLoopback: boolean): Check {
	const ip = ipaddr.parse(cidr.address);
	const range = ip.range();
	if (range === 'unspecified') return `${cidr.address} is the unspecified address: it names no interface`;
	if (range === 'multicast') return `${cidr.address} is a multicast address: an interface joins a group, it does not hold its address`;
	if (range === 'broadcast') return `${cidr.address} is the broadcast address`;
	if (range === 'loopback' && !onLoopback) return `${cidr.address} is a loopback address: it belongs on lo only`;
	if (cidr.prefix === 0) return `a /0 prefix covers every address: give the subnet's length, e.g. /24`;
	return undefined;
}

/** The address must be new in that namespace (the kernel says only "File exists"). */
/**
 * An address for a link in `nsId` (`link`, when the link exists already): refused when that very link holds
 * it, as the kernel would refuse it. Held by another link of the namespace, it is legal, and only warned
 * of (heldInNamespace).
 */
export function checkNewAddress(world: World, nsId: string, text: string, onLoopback = false, link?: string): Check {
	const invalid = checkCidr(text);
	if (invalid) return invalid;
	const cidr = parseCidr(text);
	const unusable = cidr && checkAddressUse(cidr, onLoopback);
	if (unusable) return unusable;
	const holder = link === undefined ? undefined : findNs(world, nsId)?.links.find((l) => l.name === link && l.addresses.some((a) => a.local === cidr?.address));
	return holder ? `${cidr?.address} is already on ${holder.name} in ${nsId}` : undefined;
}

/** The link of `nsId` other than `except` that already holds the address typed, if any. */
export function heldInNamespace(world: World, nsId: string, text: string, except?: string): string | undefined {
	const cidr = parseCidr(text);
	if (!cidr) return undefined;
	return findNs(world, nsId)?.links.find((l) => l.name !== except && l.addresses.some((a) => a.local === cidr.address))?.name;
}

function sameSubnet(a: string, b: string, prefix: number): boolean {
	const x = ipaddr.parse(a);
	const y = ipaddr.parse(b);
	return x.kind() === y.kind() && x.match(y, prefix);
}

/** A gateway must lie inside a subnet connected in that namespace (on `dev` when given). */
export function checkGateway(world: World, nsId: string, gateway: string, dev: string, family?: 4 | 6): Check {
	const ip = parseIp(gateway);
	if (!ip) return 'not an IP address';
	if (family && ip.family !== family) return `the destination is IPv${family}; the gateway must be too`;
	const links = (findNs(world, nsId)?.links ?? []).filter((l) => dev === '' || l.name === dev);
	const connected = links.some((l) => l.addresses.some((a) => a.family === ip.family && sameSubnet(ip.address, a.local, a.prefixlen)));
	if (ip.family === 6 && ip.address.startsWith('fe80:')) return dev === '' ? 'a link-local gateway needs a device' : undefined;
	return connected ? undefined : `${gateway} is outside every subnet connected in ${nsId}${dev ? ` on ${dev}` : ''}: add an address on its subnet first`;
}

/** 'default', a prefix (10.2.0.0/16), or a host address (10.2.0.7): what `ip route add` takes. */
export function parseDestination(text: string): {family?: 4 | 6; text: string} | undefined {
	if (text === 'default') return {text};
	if (!text.includes('/')) {
		const ip = parseIp(text);
		return ip && {family: ip.family, text: ip.address};
	}
	const cidr = parseCidr(text);
	return cidr && {family: cidr.family, text: cidr.text};
}

export function checkDestination(text: string): Check {
	if (text === '') return "'default', a prefix like 10.2.0.0/16, or an address";
	const dst = parseDestination(text);
	if (!dst) return "not 'default', a prefix like 10.2.0.0/16, or an address";
	if (text.includes('/')) {
		const network = ipaddr.parseCIDR(dst.text);
		const base = dst.family === 4 ? ipaddr.IPv4.networkAddressFromCIDR(dst.text) : ipaddr.IPv6.networkAddressFromCIDR(dst.text);
		if (base.toString() !== network[0].toString()) return `host bits are set: did you mean ${base.toString()}/${network[1]}?`;
	}
	return undefined;
}
