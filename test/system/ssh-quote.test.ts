import {describe, expect, it} from 'vitest';
import {remoteCommandLine, remoteWord} from '../../source/system/ssh-quote.js';
import {runCommand} from '../../source/system/runner.js';

const HOSTILE = ['a b', "it's", '"q"', '$(touch /tmp/nsdeck-pwned)', '`id`', 'a;b', 'x\ny', '-n', '--', '', '*', '~', '\\', "'", "''", 'é⟨U+202E⟩\u202e', '\t', '!', '#c', '${HOME}'];

describe('remoteWord', () => {
	it('single-quotes every word, plain ones too', () => {
		expect(remoteWord('ip')).toBe("'ip'");
		expect(remoteWord('')).toBe("''");
		expect(remoteWord("it's")).toBe(`'it'\\''s'`);
	});

	it('refuses a NUL byte, which no argv can hold', () => {
		expect(() => remoteWord('a\0b')).toThrow(/NUL/);
	});

	it('gives back the same words through a real POSIX shell', async () => {
		// The server's login shell does what `sh -c LINE` does here: parse the joined line once.
		const argv = ['printf', '%s\\0', ...HOSTILE];
		const result = await runCommand(['sh', '-c', remoteCommandLine(argv)]);
		expect(result.exitCode).toBe(0);
		expect(result.stdout.split('\0').slice(0, -1)).toEqual(HOSTILE);
	});

	it('refuses an empty command', () => {
		expect(() => remoteCommandLine([])).toThrow();
	});
});
