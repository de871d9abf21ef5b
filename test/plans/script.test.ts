import {describe, expect, it} from 'vitest';
import type {LogEntry} from '../../source/plans/run-plan.js';
import type {Plan} from '../../source/plans/plan.js';
import {commandText, logLine, logToScript, plannedScript, shellQuote} from '../../source/plans/script.js';
import {hintFor} from '../../source/plans/hints.js';

const at = new Date(0);
const entry = (argv: string[], status: LogEntry['status'], plan = 'p', error?: string): LogEntry => ({argv, status, plan, at, error});

describe('commands as shell text', () => {
	it.each([
		['ns1', 'ns1'],
		['10.1.1.1/24', '10.1.1.1/24'],
		['fd00::1/64', 'fd00::1/64'],
		['a b', "'a b'"],
		["it's", "'it'\\''s'"],
		['$(rm -rf /)', "'$(rm -rf /)'"],
		['', "''"],
	])('quotes %j as %s', (word, quoted) => {
		expect(shellQuote(word)).toBe(quoted);
	});

	it('writes a runnable script: plans as comments, failed commands commented out', () => {
		const script = logToScript([
			entry(['ip', 'netns', 'add', 'ns1'], 'ok', 'Create namespace ns1'),
			entry(['ip', 'link', 'add', 'x', 'type', 'veth', 'peer', 'name', 'y'], 'failed', 'Add veth', 'RTNETLINK answers: File exists'),
		]);
		expect(script.split('\n')).toEqual([
			'#!/bin/sh',
			'# nsdeck command log',
			'# Re-run with: sh THIS-FILE (as root, or inside `nsdeck lab`)',
			'set -e',
			'',
			'# Create namespace ns1',
			'ip netns add ns1',
			'# Add veth',
			'# failed: ip link add x type veth peer name y  (RTNETLINK answers: File exists)',
			'',
		]);
	});

	it('marks dry-run lines in --log', () => {
		expect(logLine(entry(['ip', 'netns', 'add', 'a'], 'not run'))).toBe('ip netns add a  # 1970-01-01T00:00:00.000Z dry run: not run\n');
		expect(commandText(['ip', '-n', 'ns1', 'link', 'set', 'lo', 'up'])).toBe('ip -n ns1 link set lo up');
	});

	it.each([
		['RTNETLINK answers: File exists', /already exists/],
		['Cannot find device "veth9"', /not there/],
		['Error: Nexthop has invalid gateway.', /gateway is not on a subnet/],
		['RTNETLINK answers: Operation not permitted', /root or CAP_NET_ADMIN/],
		['RTNETLINK answers: Device or resource busy', /in use/],
	])('explains %s', (message, hint) => {
		expect(hintFor(message)).toMatch(hint);
	});

	it.each([
		['a command that worked', {status: 'ok', exitCode: 0, durationMs: 12}, 'ip netns add a  # 2026-11-30T09:41:02.123Z exit 0, 12 ms'],
		['one that failed', {status: 'failed', exitCode: 2, durationMs: 1500, error: 'RTNETLINK answers: File exists\nmore'}, '# failed: ip netns add a  # 2026-11-30T09:41:02.123Z exit 2, 1.5 s (RTNETLINK answers: File exists)'],
		['one a signal ended', {status: 'stopped', exitCode: -1, signal: 'SIGINT', durationMs: 125_000}, '# stopped: ip netns add a  # 2026-11-30T09:41:02.123Z SIGINT, 2 min 05 s'],
		['a ping (it only looked)', {status: 'ok', exitCode: 0, durationMs: 3000, looks: true}, '# looked: ip netns add a  # 2026-11-30T09:41:02.123Z exit 0, 3.0 s'],
	] as const)('--log: %s carries its start time, exit status and duration', (_what, fields, line) => {
		const e: LogEntry = {argv: ['ip', 'netns', 'add', 'a'], plan: 'p', at: new Date('2026-11-30T09:41:02.123Z'), ...fields};
		expect(logLine(e)).toBe(`${line}\n`);
	});

	it('leaves pings out of a script to re-run, said so', () => {
		const script = logToScript([{argv: ['ip', 'netns', 'exec', 'ns1', 'ping', '-c', '1', '10.1.1.2'], status: 'ok', plan: 'Ping', at, looks: true}]);
		expect(script).toContain('# looked, not re-run: ip netns exec ns1 ping -c 1 10.1.1.2');
		expect(script.split('\n').filter((l) => l.includes('ping') && !l.startsWith('#'))).toEqual([]);
	});
});

describe('the plans of a dry run as one script', () => {
	const plan = (title: string, ...argvs: string[][]): Plan => ({title, dangerous: false, steps: argvs.map((argv) => ({argv})), affects: []});

	it('every plan in order, its title as a comment, its commands as they would run', () => {
		const script = plannedScript([
			plan('Create namespace ns1', ['ip', 'netns', 'add', 'ns1'], ['ip', '-n', 'ns1', 'link', 'set', 'dev', 'lo', 'up']),
			plan('Add 10.1.1.1/24 to a b', ['ip', '-n', 'ns1', 'addr', 'add', '10.1.1.1/24', 'dev', 'a b']),
		]);
		expect(script.split('\n')).toEqual([
			'#!/bin/sh',
			'# planned with nsdeck --dry-run',
			'# Run with: sh THIS-FILE (as root, or inside `nsdeck lab`)',
			'set -e',
			'',
			'# Create namespace ns1',
			'ip netns add ns1',
			'ip -n ns1 link set dev lo up',
			'',
			'# Add 10.1.1.1/24 to a b',
			"ip -n ns1 addr add 10.1.1.1/24 dev 'a b'",
			'',
		]);
	});

	it('a title or word that would break the script or the terminal is never written as it is', () => {
		const script = plannedScript([plan('Create namespace x\n\u001b[2Jrm -rf /', ['ip', 'netns', 'add', 'x\nrm -rf /'])]);
		expect(script).not.toContain('\u001b');
		expect(script.split('\n').filter((l) => l.startsWith('rm'))).toEqual([]);
		expect(script).toMatch(/# left out, a word holds control characters/);
	});
});
