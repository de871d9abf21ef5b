import {describe, expect, it} from 'vitest';
import {guardSeconds, HELP, parseCli} from '../source/cli-args.js';

describe('command line', () => {
	it.each<[string[], string[], Record<string, unknown>]>([
		[[], [], {dryRun: false, json: false}],
		[['lab', 'pair', '--show'], ['lab', 'pair'], {show: true}],
		[['show', '--json'], ['show'], {json: true}],
		[['--dry-run', '--log', '/tmp/x.sh'], [], {dryRun: true, log: '/tmp/x.sh'}],
		[['sandbox', '--', 'ip', '--json', 'link'], ['sandbox'], {json: false}],
	])('%j', (argv, input, flags) => {
		const cli = parseCli(argv);
		expect(cli.input).toEqual(input);
		expect(cli.flags).toMatchObject(flags);
	});

	it('refuses unknown flags and a --log without a file', () => {
		expect(() => parseCli(['--bogus'])).toThrow(/bogus/);
		expect(() => parseCli(['--log'])).toThrow(/log/);
	});
});

describe('what nsdeck --help and a bad flag say (issue 27 item 10)', () => {
	it.each([
		[['show', '--bogus'], 'unknown option --bogus'],
		[['-x'], 'unknown option -x'],
		[['--log'], '--log needs a value'],
		[['--json=yes', 'show'], '--json takes no value'],
	])('%j: one short clause, not the parser’s paragraph', (argv, message) => {
		expect(() => parseCli(argv)).toThrow(new Error(message));
	});

	it('starts every usage line’s description in one column', () => {
		const usage = HELP.split('\n').filter((line) => line.startsWith('    $ nsdeck'));
		expect(usage.length).toBeGreaterThanOrEqual(7);
		const starts = usage.map((line) => /^ {4}\$ \S+(?: \S+)*? {2,}/.exec(line)?.[0].length);
		expect(usage.find((line) => line.includes('tutorial [NAME]'))).toBeDefined();
		expect(new Set(starts), usage.join('\n')).toEqual(new Set([starts[0]]));
	});
});

describe('NSDECK_GUARD_SECONDS', () => {
	it('is a whole number of seconds from 1 to 3600; unset is the default; anything else is refused', () => {
		expect(guardSeconds({})).toBeUndefined();
		expect(guardSeconds({NSDECK_GUARD_SECONDS: '3'})).toBe(3);
		expect(guardSeconds({NSDECK_GUARD_SECONDS: '3600'})).toBe(3600);
		for (const bad of ['0', '3601', '-1', '1.5', ' 3', '3s', '0x10', '99999']) {
			expect(() => guardSeconds({NSDECK_GUARD_SECONDS: bad}), bad).toThrow(/whole number of seconds from 1 to 3600/);
		}
	});
});
