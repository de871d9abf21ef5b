import {describe, expect, it} from 'vitest';
import {compareNames} from '../../source/model/compare-names.js';

// The names nsdeck sorts: namespaces as people, CNI plugins and Docker name them, and interfaces.
const NAMES = [
	'ns1', 'ns2', 'ns10', 'ns02', 'ns100', 'NS3', 'ns-1', 'ns_1', 'ns.1', 'nsa', 'nsB', 'ns',
	'red', 'Red', 'blue', 'cni-1b2f3c4d-5e6f-7a8b-9c0d-e1f2a3b4c5d6', 'cni-0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d',
	'eth0', 'eth1', 'eth10', 'eth2', 'veth_ns1_br0', 'veth_ns10_br0', 'veth_ns2_br0', 'br0', 'br-lan', 'lo',
	'a1b', 'a01b', 'a1c', 'x99999999999999999999', 'x100000000000000000000', '1', '9', '10', 'q"\\é', 'qé', 'qz',
];

const sign = (n: number): number => Math.sign(n);

/** 200 short names from letters of both cases, digits (with zeros) and punctuation, the same on every run. */
function generatedNames(): string[] {
	const alphabet = 'aAbZz0019-_.';
	let seed = 7;
	const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
	return Array.from({length: 200}, () => Array.from({length: 1 + (next() % 6)}, () => alphabet[next() % alphabet.length]).join(''));
}

describe('compareNames: names the way people read them', () => {
	it('puts ns2 before ns10 and ignores case between letters', () => {
		expect(['ns10', 'ns2', 'NS3', 'ns1'].sort(compareNames)).toEqual(['ns1', 'ns2', 'NS3', 'ns10']);
		expect(['veth_ns10_br0', 'veth_ns2_br0'].sort(compareNames)).toEqual(['veth_ns2_br0', 'veth_ns10_br0']);
	});

	it('compares digit runs longer than a safe integer by value', () => {
		expect(compareNames('x99999999999999999999', 'x100000000000000000000')).toBeLessThan(0);
	});

	it('is a total order: antisymmetric, 0 only for equal names', () => {
		for (const a of NAMES) {
			for (const b of NAMES) {
				expect(sign(compareNames(a, b)) + sign(compareNames(b, a))).toBe(0);
				expect(compareNames(a, b) === 0).toBe(a === b);
			}
		}
	});

	it("orders ASCII names as ICU's numeric English collator does, where that one sees a difference", () => {
		const collator = new Intl.Collator('en', {numeric: true});
		const ascii = [...NAMES.filter((n) => /^[\x20-\x7e]*$/.test(n)), ...generatedNames()];
		for (const a of ascii) {
			for (const b of ascii) {
				const icu = sign(collator.compare(a, b));
				if (icu !== 0) expect(sign(compareNames(a, b)), `${a} vs ${b}`).toBe(icu);
			}
		}
	});
});
