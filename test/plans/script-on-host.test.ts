// A command run on a server is logged as `ssh DEST -- 'LINE'`: run as a script line, the local shell hands
// ssh LINE as one word, and the server's shell parses LINE back into the argv that ran.
import {describe, expect, it} from 'vitest';
import {commandText, onHost} from '../../source/plans/script.js';
import {runCommand} from '../../source/system/runner.js';

describe('onHost', () => {
	it('names the server, and the line gives back the same argv through two shells', async () => {
		const argv = ['ip', 'netns', 'add', "it's $(id); a b"];
		const shown = onHost('h2', argv);
		expect(shown.slice(0, 3)).toEqual(['ssh', 'h2', '--']);
		// The first shell: what ssh receives. The second: what the server's shell makes of its one word.
		const first = await runCommand(['sh', '-c', `printf '%s\\0' ${commandText(shown)}`]);
		const words = first.stdout.split('\0').slice(0, -1);
		expect(words.slice(0, 3)).toEqual(['ssh', 'h2', '--']);
		expect(words).toHaveLength(4);
		const second = await runCommand(['sh', '-c', `printf '%s\\0' ${words[3]}`]);
		expect(second.stdout.split('\0').slice(0, -1)).toEqual(argv);
	});
});
