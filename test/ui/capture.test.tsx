// C over a fake system (it fails on any command it was not told to expect): the form previews the exact
// tcpdump, tcpdump's check runs before the capture and its refusal comes back in the form, the packets
// stream into the output panel, s keeps the pcap (its full path shown), Esc stops and closes, and an unkept
// pcap is removed. Without tcpdump, or over SSH, one line says why and nothing runs.
import {afterEach, describe, expect, it} from 'vitest';
import {CAPTURE, CHECK, FILE, REQUEST, fakeCaptures, flat, start, stopApp, untilStopped} from '../support/capture-app.js';
import {KEYS, press, settle, waitForFrame} from '../support/ink.js';

afterEach(stopApp);

describe('C: the capture form', () => {
	it('opens on the selected interface and previews the exact tcpdump, the filter after --', async () => {
		const {app, system} = await start(fakeCaptures());
		await press(app, 'C');
		let frame = await waitForFrame(app, 'Capture on veth_ns1 in ns1 (tcpdump)');
		expect(frame).toContain('ip netns exec ns1 tcpdump -i veth_ns1 -n -l -U --immediate-mode -Z root -w FILE.pcap --print');
		await press(app, '-w /etc/passwd');
		frame = await waitForFrame(app, "-- '-w /etc/passwd'");
		expect(flat(frame)).toContain(flat("-w FILE.pcap --print -- '-w /etc/passwd'"));
		expect(system.calls).toEqual([]);
	});

	it('refuses control characters in the filter and runs nothing', async () => {
		const {app, system} = await start(fakeCaptures());
		system.stream = untilStopped([]).stream;
		await press(app, 'C');
		await waitForFrame(app, 'Capture on veth_ns1');
		app.stdin.write('icmp\u0007');
		await settle();
		await press(app, KEYS.enter);
		await waitForFrame(app, '✗ control characters are not allowed');
		expect(system.calls).toEqual([]);
	});

	it("comes back with tcpdump's message when tcpdump refuses the filter, and starts no capture", async () => {
		const bad = ['ip', 'netns', 'exec', 'ns1', 'tcpdump', '-i', 'veth_ns1', '-d', '--', 'icmp and'];
		const captures = fakeCaptures();
		const {app, system} = await start(captures, [{argv: bad, result: {exitCode: 1, stderr: "tcpdump: can't parse filter expression: syntax error\n"}}]);
		const {stream, calls} = untilStopped([]);
		system.stream = stream;
		await press(app, 'C');
		await waitForFrame(app, 'Capture on veth_ns1');
		await press(app, 'icmp and');
		await press(app, KEYS.enter);
		const frame = await waitForFrame(app, "✗ tcpdump: can't parse filter expression: syntax error");
		expect(frame).toContain('Filter    icmp and');
		expect(system.pending()).toEqual([]);
		expect(calls).toEqual([]);
		expect(captures.made).toBe(0);
		// Edited, the message goes (it was about that filter); Esc leaves with nothing run.
		await press(app, KEYS.backspace);
		await waitForFrame(app, 'Filter    icmp an▏');
		expect(app.lastFrame()).not.toContain("can't parse");
		await press(app, KEYS.escape);
		await waitForFrame(app, 'Interfaces in ns1');
	});

	it('says under the fields when tcpdump may not capture there (not the filter)', async () => {
		const check = ['ip', 'netns', 'exec', 'ns1', 'tcpdump', '-i', 'veth_ns1', '-d'];
		const denied = "tcpdump: veth_ns1: You don't have permission to perform this capture on that device";
		const {app} = await start(fakeCaptures(), [{argv: check, result: {exitCode: 1, stderr: `${denied}\n(socket: Operation not permitted)\n`}}]);
		await press(app, 'C');
		await waitForFrame(app, 'Capture on veth_ns1');
		await press(app, KEYS.enter);
		const frame = await waitForFrame(app, `✗ ${denied}`);
		expect(frame).not.toContain('Operation not permitted');
		// The form's own line (at the border), not the field's (indented below it).
		expect(frame).toContain(`║ ✗ ${denied}`);
	});

	it('says how to install tcpdump when it is missing, and opens nothing', async () => {
		const {app, system} = await start(fakeCaptures('capture needs tcpdump: apt install tcpdump'));
		await press(app, 'C');
		await waitForFrame(app, 'capture needs tcpdump: apt install tcpdump');
		expect(app.lastFrame()).not.toContain('Capture on');
		expect(system.calls).toEqual([]);
	});

	it('says it is local only where the system has no captures (over SSH)', async () => {
		const {app, system} = await start(undefined);
		await press(app, 'C');
		await waitForFrame(app, 'capture runs on this machine only');
		expect(system.calls).toEqual([]);
	});
});

describe('C: the capture panel', () => {
	it('checks the filter, streams the packets, keeps the pcap with s, stops on Esc and closes on Esc', async () => {
		const captures = fakeCaptures();
		const {app, system} = await start(captures, [{argv: CHECK, result: {stdout: '(000) ldh [12]\n'}}]);
		const {stream, calls} = untilStopped([
			['tcpdump: listening on veth_ns1, link-type EN10MB (Ethernet), snapshot length 262144 bytes', 'stderr'],
			[REQUEST, 'stdout'],
		]);
		system.stream = stream;
		await press(app, 'C');
		await waitForFrame(app, 'Capture on veth_ns1');
		await press(app, 'icmp');
		await press(app, KEYS.enter);
		let frame = await waitForFrame(app, 'ICMP echo request, id 7, seq 1');
		expect(system.pending()).toEqual([]);
		expect(calls.map((c) => c.argv)).toEqual([CAPTURE]);
		expect(frame).toContain('capturing… Esc stops it');
		expect(frame).toContain('s keeps the pcap; else it is removed on close');
		expect(flat(frame)).toContain(flat(`-w ${FILE} --print`));
		expect(frame).toContain('s keep pcap');
		await press(app, 's');
		frame = await waitForFrame(app, 'kept for Wireshark:');
		expect(flat(frame)).toContain(flat(`kept for Wireshark: ${FILE}`));
		// Kept: the footer no longer offers s for it.
		expect(frame).not.toContain('s keep pcap');
		expect(calls[0].options.signal?.aborted).toBe(false);
		await press(app, KEYS.escape);
		frame = await waitForFrame(app, '✓ stopped');
		expect(calls[0].options.signal?.aborted).toBe(true);
		expect(frame).toContain('1 packet captured');
		await press(app, KEYS.escape);
		await waitForFrame(app, 'Interfaces in ns1');
		expect(captures.discarded).toEqual([]);
		// Logged as a command that looked.
		await press(app, 'l');
		frame = await waitForFrame(app, 'Command log (1)');
		expect(frame).toContain('tcpdump -i veth_ns1');
	});

	it('removes a pcap nobody kept when the panel closes, and offers the last filter again', async () => {
		const captures = fakeCaptures();
		const {app, system} = await start(captures, [{argv: CHECK}]);
		system.stream = untilStopped([[REQUEST, 'stdout']]).stream;
		await press(app, 'C');
		await waitForFrame(app, 'Capture on veth_ns1');
		await press(app, 'icmp');
		await press(app, KEYS.enter);
		await waitForFrame(app, 'ICMP echo request');
		await press(app, KEYS.escape);
		await waitForFrame(app, '✓ stopped');
		expect(captures.discarded).toEqual([]);
		await press(app, KEYS.escape);
		await waitForFrame(app, 'Interfaces in ns1');
		expect(captures.discarded).toEqual([FILE]);
		await press(app, 'C');
		await waitForFrame(app, 'Filter    icmp');
	});

	it('removes an unkept pcap when the app goes (quit)', async () => {
		const captures = fakeCaptures();
		const {app, system} = await start(captures, [{argv: CHECK}]);
		const {stream, calls} = untilStopped([[REQUEST, 'stdout']]);
		system.stream = stream;
		await press(app, 'C');
		await waitForFrame(app, 'Capture on veth_ns1');
		await press(app, 'icmp');
		await press(app, KEYS.enter);
		await waitForFrame(app, 'ICMP echo request');
		stopApp();
		expect(calls[0].options.signal?.aborted).toBe(true);
		expect(captures.discarded).toEqual([FILE]);
	});

	it('fits 60x15: the path wraps whole, the status and keys stay', async () => {
		const captures = fakeCaptures();
		const {app, system} = await start(captures, [{argv: CHECK}], {columns: 60, rows: 15});
		system.stream = untilStopped([[REQUEST, 'stdout']]).stream;
		await press(app, 'C');
		await waitForFrame(app, 'Capture on veth_ns1');
		await press(app, 'icmp');
		await press(app, KEYS.enter);
		await waitForFrame(app, 'seq 1');
		await press(app, 's');
		const frame = await waitForFrame(app, 'kept for Wireshark:');
		expect(flat(frame)).toContain(FILE);
		expect(frame).toContain('capturing… Esc stops it');
		expect(frame.split('\n').length).toBeLessThanOrEqual(15);
	});
});
