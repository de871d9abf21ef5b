import {describe, expect, it} from 'vitest';
import {splitWords} from '../../source/model/split-words.js';

describe('splitWords: an argv without a shell', () => {
	it.each([
		['ss -tlnp', ['ss', '-tlnp']],
		['  ip   neigh  ', ['ip', 'neigh']],
		['ip\tlink', ['ip', 'link']],
		['echo "a b" c', ['echo', 'a b', 'c']],
		["echo 'it''s' x", ['echo', 'its', 'x']],
		['echo "say \'hi\'"', ['echo', "say 'hi'"]],
		['echo ""', ['echo', '']],
		['echo a"b c"d', ['echo', 'ab cd']],
		// Nothing else is special: these reach the program as typed, and no shell sees them.
		['ls *', ['ls', '*']],
		['echo $HOME', ['echo', '$HOME']],
		['cat /etc/hosts | grep x', ['cat', '/etc/hosts', '|', 'grep', 'x']],
		['echo a;reboot', ['echo', 'a;reboot']],
		['echo `id` $(id)', ['echo', '`id`', '$(id)']],
		['echo a\\ b', ['echo', 'a\\', 'b']],
		['', []],
	])('%s', (line, words) => {
		expect(splitWords(line)).toEqual({words});
	});

	it.each([
		['echo "a b', 'a " quote is not closed'],
		["echo 'a", "a ' quote is not closed"],
	])('refuses %s', (line, error) => {
		expect(splitWords(line)).toEqual({error});
	});
});
