import {describe, expect, it} from 'vitest';
import {checkCidr, checkDestination, checkGateway, checkInterfaceName, checkNamespaceName, checkNewAddress, checkNewInterface, checkNewNamespace, heldInNamespace, parseCidr} from '../../source/model/validate.js';
import {fixtureWorld} from '../support/fixtures.js';

const world = fixtureWorld('bridge');

describe('names', () => {
	it.each(['ns1', 'client', 'red-1', 'a.b_c', 'x'.repeat(64)])('accepts namespace %s', (name) => {
		expect(checkNamespaceName(name)).toBeUndefined();
	});
	it.each(['', 'a b', '../etc', '.', '..', '-x', 'a/b', '$(id)', 'a;b', 'a\nb', 'x'.repeat(65), 'host', 'ns1`id`'])('refuses namespace %j', (name) => {
		expect(checkNamespaceName(name)).toBeTypeOf('string');
	});
	it.each(['veth0', 'veth_ns1_br0', 'br-0', 'a'.repeat(15)])('accepts interface %s', (name) => {
		expect(checkInterfaceName(name)).toBeUndefined();
	});
	it.each(['', 'a'.repeat(16), 'eth0:1', 'a/b', 'a b', 'tab\tx', '$(id)', '..', 'é'.repeat(8)])('refuses interface %j', (name) => {
		expect(checkInterfaceName(name)).toBeTypeOf('string');
	});
	it('refuses names that exist', () => {
		expect(checkNewNamespace(world, 'ns1')).toMatch(/already exists/);
		expect(checkNewInterface(world, 'br0', ['host', 'ns1'])).toBe('br0 already exists in host');
		expect(checkNewInterface(world, 'fresh', ['host', 'ns1'])).toBeUndefined();
	});
});

describe('addresses and routes', () => {
	it.each(['10.1.1.1/24', '192.168.0.1/32', 'fd00::1/64', '::1/128', '0.0.0.0/0'])('accepts %s', (cidr) => {
		expect(checkCidr(cidr)).toBeUndefined();
	});
	it.each(['', '10.1.1.1', '10.1.1.1/33', '10.1.1/24', '0x0a.1.1.1/24', '10.1.1.256/24', 'fd00::1/129', 'fd00::g/64', '10.1.1.1/24; reboot', ' 10.1.1.1/24', '1.2.3.4/-1'])(
		'refuses %j',
		(cidr) => {
			expect(checkCidr(cidr)).toBeTypeOf('string');
		},
	);
	it('normalises IPv6', () => {
		expect(parseCidr('FD00:0::1/64')?.text).toBe('fd00::1/64');
	});
	it('refuses an address the very link already has; another link of the namespace is only warned of', () => {
		// Issue 27: the kernel allows one address on two links of a namespace, so the forms warn of it.
		expect(checkNewAddress(world, 'ns1', '10.1.1.1/24', false, 'veth_ns1')).toMatch(/already on veth_ns1/);
		expect(checkNewAddress(world, 'ns1', '10.1.1.1/24', false, 'lo')).toBeUndefined();
		expect(heldInNamespace(world, 'ns1', '10.1.1.1/24', 'lo')).toBe('veth_ns1');
		expect(checkNewAddress(world, 'ns2', '10.1.1.1/24')).toBeUndefined();
	});
	it('checks destinations', () => {
		expect(checkDestination('default')).toBeUndefined();
		expect(checkDestination('10.2.0.0/16')).toBeUndefined();
		expect(checkDestination('10.2.0.7')).toBeUndefined();
		expect(checkDestination('10.2.0.7/16')).toMatch(/did you mean 10.2.0.0\/16/);
		expect(checkDestination('fd01::/64')).toBeUndefined();
		expect(checkDestination('nowhere')).toBeTypeOf('string');
	});
	it('refuses a gateway outside every connected subnet', () => {
		expect(checkGateway(world, 'ns1', '10.1.1.4', '')).toBeUndefined();
		expect(checkGateway(world, 'ns1', '10.9.9.9', '')).toMatch(/outside every subnet connected in ns1/);
		expect(checkGateway(world, 'ns1', '10.1.1.4', 'loop_a')).toMatch(/on loop_a/);
		expect(checkGateway(world, 'ns1', 'fd00::2', '', 6)).toBeUndefined();
		expect(checkGateway(world, 'ns1', 'fd00::2', '', 4)).toMatch(/must be too/);
		expect(checkGateway(world, 'ns1', 'not-an-ip', '')).toBe('not an IP address');
	});
});

describe('what the kernel reserves or an interface cannot use', () => {
	it.each([
		['all', /reserved by the kernel/],
		['default', /reserved by the kernel/],
		['-eth', /must start with a letter or a digit/],
		['.hidden', /must start with a letter or a digit/],
		['eth0:1', /letters, digits, _ \. - only/],
	])('interface %j: %s', (name, message) => {
		expect(checkInterfaceName(name)).toMatch(message);
	});

	it.each([
		['0.0.0.0/0', /unspecified address/],
		['::/0', /unspecified address/],
		['224.0.0.1/4', /224\.0\.0\.1 is a multicast address/],
		['ff02::1/64', /multicast address/],
		['255.255.255.255/32', /broadcast address/],
		['127.0.0.2/8', /loopback address: it belongs on lo only/],
		['::1/128', /loopback address/],
		['10.1.1.9/0', /a \/0 prefix covers every address/],
	])('address %s on a veth: %s', (cidr, message) => {
		expect(checkNewAddress(world, 'ns1', cidr)).toMatch(message);
	});

	it('lets lo hold a loopback address', () => {
		expect(checkNewAddress(world, 'ns1', '127.0.0.2/8', true)).toBeUndefined();
	});

	it('reads a prefix with leading zeros as decimal and writes it without them (ip would read /024 as octal: /20)', () => {
		expect(parseCidr('10.9.9.9/024')?.text).toBe('10.9.9.9/24');
		expect(parseCidr('10.9.9.9/010')?.text).toBe('10.9.9.9/10');
		expect(parseCidr('fd00:0::1/064')?.text).toBe('fd00::1/64');
	});
});
