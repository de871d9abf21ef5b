// An address is read as the kernel will store it: ipaddr.js alone read ::10.1.1.1 (IPv4-compatible) as
// ::ffff:10.1.1.1 (IPv4-mapped), so `::10.1.1.1/96` was previewed and run as `::ffff:a01:101/96`.
import {describe, expect, it} from 'vitest';
import {dottedTailAsHex, ip} from '../../source/model/ip-address.js';
import {parseCidr, parseIp} from '../../source/model/validate.js';

describe('addresses with a dotted tail', () => {
	it.each([
		['::10.1.1.1', '::a01:101'],
		['::ffff:10.1.1.1', '::ffff:a01:101'],
		['64:ff9b::192.0.2.33', '64:ff9b::c000:221'],
		['::1.2.3.4/96', '::102:304/96'],
		['fe80::1.2.3.4%eth0', 'fe80::102:304%eth0'],
	])('%s is %s', (text, hex) => {
		expect(dottedTailAsHex(text)).toBe(hex);
	});

	it('leaves what is no dotted tail alone', () => {
		for (const text of ['10.1.1.1', '2001:db8::1', '::1', '::300.1.1.1', 'abc']) expect(dottedTailAsHex(text)).toBe(text);
	});

	it('keeps ::10.1.1.1/96 exact in what a plan carries', () => {
		expect(parseCidr('::10.1.1.1/96')?.text).toBe('::a01:101/96');
		expect(parseIp('::10.1.1.1')?.address).toBe('::a01:101');
		expect(parseIp('::ffff:10.1.1.1')?.address).toBe('::ffff:a01:101');
	});

	it('tells the two forms apart, as the kernel does', () => {
		expect(ip.parse('::10.1.1.1').toString()).not.toBe(ip.parse('::ffff:10.1.1.1').toString());
		expect(ip.parse('::10.1.1.1').toString()).toBe(ip.parse('::a01:101').toString());
	});
});
