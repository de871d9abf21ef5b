// C's form and commands as data: the exact argv (the filter one word after `--`, in a namespace as x runs
// commands), what the form refuses without a process, and how tcpdump's refusal comes back on it.
import {describe, expect, it} from 'vitest';
import {captureArgv, filterCheckArgv} from '../../source/plans/capture-commands.js';
import {captureForm, checkFilter, MAX_FILTER, refusalOf} from '../../source/plans/forms/capture-form.js';
import type {World} from '../../source/model/types.js';

const world: World = {namespaces: []};

describe('capture commands', () => {
	it('check the filter with tcpdump -d on the interface, in the namespace', () => {
		expect(filterCheckArgv({ns: 'ns1', link: 'veth0', filter: 'icmp'})).toEqual(['ip', 'netns', 'exec', 'ns1', 'tcpdump', '-i', 'veth0', '-d', '--', 'icmp']);
		expect(filterCheckArgv({ns: 'host', link: 'eth0', filter: ''})).toEqual(['tcpdump', '-i', 'eth0', '-d']);
		expect(filterCheckArgv({ns: '/proc/42/ns/net', link: 'eth0', filter: 'tcp port 80'})).toEqual(['nsenter', '--net=/proc/42/ns/net', 'tcpdump', '-i', 'eth0', '-d', '--', 'tcp port 80']);
	});

	it('capture into the file and print each packet, a filter that starts with - staying a filter', () => {
		expect(captureArgv({ns: 'ns1', link: 'veth0', filter: '-w /etc/passwd'}, '/data/x.pcap')).toEqual([
			...['ip', 'netns', 'exec', 'ns1', 'tcpdump', '-i', 'veth0', '-n', '-l', '-U', '--immediate-mode', '-Z', 'root'],
			...['-w', '/data/x.pcap', '--print', '--', '-w /etc/passwd'],
		]);
	});
});

describe('the capture form', () => {
	it('plans one tcpdump with the filter typed, and refuses control characters and a novel', () => {
		const spec = captureForm('ns1', 'veth0');
		expect(spec.validate({filter: ' icmp '}, world)).toEqual({});
		const plan = spec.plan({filter: ' icmp '}, world);
		expect(plan.capture).toEqual({ns: 'ns1', link: 'veth0', filter: 'icmp'});
		expect(plan.steps.map((s) => s.argv.at(-1))).toEqual(['icmp']);
		expect(checkFilter('icmp\nand tcp')).toBe('control characters are not allowed');
		expect(checkFilter('x'.repeat(MAX_FILTER + 1))).toBe(`at most ${MAX_FILTER} characters`);
	});

	it("shows tcpdump's refusal at once, on the filter it was about, until the filter changes", () => {
		const spec = captureForm('ns1', 'veth0', 'port 99999', refusalOf('tcpdump: illegal port number 99999 > 65535', 'veth0'));
		expect(spec.showErrors).toBe(true);
		expect(spec.initial).toEqual({filter: 'port 99999'});
		expect(spec.validate({filter: 'port 99999'}, world)).toEqual({filter: 'tcpdump: illegal port number 99999 > 65535'});
		expect(spec.validate({filter: 'port 9999'}, world)).toEqual({});
	});

	it('says under the fields what is not the filter: the interface, the permission', () => {
		expect(refusalOf("tcpdump: veth0: You don't have permission to perform this capture on that device", 'veth0').about).toBe('capture');
		expect(refusalOf('tcpdump: veth0: No such device exists', 'veth0').about).toBe('capture');
		for (const message of ["tcpdump: unknown host 'x.invalid'", 'tcpdump: syntax error in filter expression', "tcpdump: can't parse filter expression: syntax error"]) {
			expect(refusalOf(message, 'veth0').about, message).toBe('filter');
		}
		const spec = captureForm('ns1', 'veth0', '', refusalOf('tcpdump: veth0: No such device exists', 'veth0'));
		expect(spec.validate({filter: ''}, world)).toEqual({_form: 'tcpdump: veth0: No such device exists'});
	});
});
