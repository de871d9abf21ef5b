import {describe, expect, it} from 'vitest';
import {parseCli} from '../source/cli-args.js';

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
