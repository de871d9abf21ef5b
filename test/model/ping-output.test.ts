// ping's output as iputils 20221126 printed it in the lab (LC_ALL=C, -n).
import {describe, expect, it} from 'vitest';
import {parsePingLine, parsePingSummary, pingMissing, summaryText} from '../../source/model/ping-output.js';

const OK = `PING 10.9.0.2 (10.9.0.2) 56(84) bytes of data.
64 bytes from 10.9.0.2: icmp_seq=1 ttl=64 time=0.154 ms
64 bytes from 10.9.0.2: icmp_seq=2 ttl=64 time=0.050 ms

--- 10.9.0.2 ping statistics ---
2 packets transmitted, 2 received, 0% packet loss, time 204ms
rtt min/avg/max/mdev = 0.050/0.102/0.154/0.052 ms
`;

const UNREACHABLE = `PING 10.9.0.9 (10.9.0.9) 56(84) bytes of data.
From 10.9.0.1 icmp_seq=1 Destination Host Unreachable
From 10.9.0.1 icmp_seq=2 Destination Host Unreachable

--- 10.9.0.9 ping statistics ---
2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 203ms
pipe 2
`;

const SILENT = `PING 10.9.0.2 (10.9.0.2) 56(84) bytes of data.

--- 10.9.0.2 ping statistics ---
2 packets transmitted, 0 received, 100% packet loss, time 203ms

`;

describe('parsePingLine', () => {
	it.each([
		['64 bytes from 10.9.0.2: icmp_seq=1 ttl=64 time=0.154 ms', {kind: 'reply', from: '10.9.0.2', seq: 1, ttl: 64, timeMs: 0.154}],
		['64 bytes from fd00::1: icmp_seq=2 ttl=64 time=0.057 ms', {kind: 'reply', from: 'fd00::1', seq: 2, ttl: 64, timeMs: 0.057}],
		['From 10.9.0.1 icmp_seq=1 Destination Host Unreachable', {kind: 'error', from: '10.9.0.1', seq: 1, text: 'Destination Host Unreachable'}],
		['PING 10.9.0.2 (10.9.0.2) 56(84) bytes of data.', {kind: 'other', text: 'PING 10.9.0.2 (10.9.0.2) 56(84) bytes of data.'}],
		['', {kind: 'other', text: ''}],
	])('%s', (line, expected) => {
		expect(parsePingLine(line)).toEqual(expected);
	});
});

describe('parsePingSummary', () => {
	it('reads counts, loss and rtt of a clean run', () => {
		expect(parsePingSummary(OK)).toEqual({transmitted: 2, received: 2, errors: 0, lossPercent: 0, rtt: {min: 0.05, avg: 0.102, max: 0.154, mdev: 0.052}});
	});

	it('reads errors and 100% loss without rtt', () => {
		expect(parsePingSummary(UNREACHABLE)).toEqual({transmitted: 2, received: 0, errors: 2, lossPercent: 100, rtt: undefined});
		expect(parsePingSummary(SILENT)).toMatchObject({transmitted: 2, received: 0, lossPercent: 100});
	});

	it('reads partial loss', () => {
		expect(parsePingSummary('5 packets transmitted, 3 received, 40% packet loss, time 4005ms\nrtt min/avg/max/mdev = 0.1/0.2/0.3/0.05 ms')).toMatchObject({
			transmitted: 5,
			received: 3,
			lossPercent: 40,
		});
	});

	it('is undefined when ping never got to its statistics', () => {
		expect(parsePingSummary('ping: connect: Network is unreachable\n')).toBeUndefined();
		expect(parsePingSummary('')).toBeUndefined();
	});

	it('says it in one line', () => {
		const summary = parsePingSummary(OK);
		expect(summary && summaryText(summary)).toBe('2 sent, 2 received, 0% loss · rtt min/avg/max 0.05/0.102/0.154 ms');
	});

	it('counts one error as one', () => {
		expect(summaryText({transmitted: 4, received: 0, errors: 1, lossPercent: 100})).toBe('4 sent, 0 received, 100% loss, 1 error');
		expect(summaryText({transmitted: 4, received: 0, errors: 3, lossPercent: 100})).toBe('4 sent, 0 received, 100% loss, 3 errors');
	});
});

describe('pingMissing', () => {
	it.each([
		['exec of "ping" failed: No such file or directory', true],
		['spawn ping ENOENT', true],
		['ping: connect: Network is unreachable', false],
	])('%s', (text, missing) => {
		expect(pingMissing(text)).toBe(missing);
	});
});
