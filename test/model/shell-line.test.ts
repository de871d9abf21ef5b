// x decides, without a shell, whether a typed line is plain words (an argv) or needs sh (issue 27 item 5:
// `ip a | grep inet` reached ip as `ip a '|' grep inet`).
import {describe, expect, it} from 'vitest';
import {readTypedLine} from '../../source/model/shell-line.js';

describe('a line typed in x', () => {
	it.each([
		['ip a | grep inet', ['|']],
		['ip -o link | grep -c lo', ['|']],
		['ip link show lo && echo yes', ['&&']],
		['false || echo no', ['||']],
		['echo a; echo b', [';']],
		['ip -j link > /tmp/links.json', ['>']],
		['wc -l < /proc/net/dev', ['<']],
		['echo $(id -u)', ['$( )']],
		['echo $HOME', ['$']],
		['echo `id -u`', ['` `']],
		['echo "$HOME"', ['$']],
		['ls /sys/class/net/*', ['*']],
		['cat /proc/net/dev?', ['?']],
		['ls ~', ['~']],
		['echo a # b', ['#']],
		['echo a\\ b', ['\\']],
		['sleep 9 &', ['&']],
		['(cd /; ls)', ['( )', ';']],
		['LC_ALL=C ip neigh', ['NAME=']],
		['ip a | grep inet > out; cat out', ['|', '>', ';']],
	])('%s needs sh: %j', (line, syntax) => {
		expect(readTypedLine(line)).toEqual({kind: 'shell', line, syntax});
	});

	it.each([
		['ip neigh', ['ip', 'neigh']],
		['ss -tlnp', ['ss', '-tlnp']],
		['ip -6 route show table all', ['ip', '-6', 'route', 'show', 'table', 'all']],
		// Quotes alone split the same with or without sh: the argv runs, as it always did.
		['ip neigh show "a b"', ['ip', 'neigh', 'show', 'a b']],
		["echo 'a|b' '$HOME'", ['echo', 'a|b', '$HOME']],
		['ping -c 1 fe80::1%veth0', ['ping', '-c', '1', 'fe80::1%veth0']],
		['curl http://10.0.0.2/a#b', ['curl', 'http://10.0.0.2/a#b']],
		['ip link set dev x alias a=b', ['ip', 'link', 'set', 'dev', 'x', 'alias', 'a=b']],
	])('%s runs as plain words', (line, words) => {
		expect(readTypedLine(line)).toEqual({kind: 'argv', words});
	});

	it.each([
		['echo "a b', 'a " quote is not closed'],
		["echo 'a | b", "a ' quote is not closed"],
		['echo `id', 'a ` is not closed'],
	])('refuses %s', (line, error) => {
		expect(readTypedLine(line)).toEqual({kind: 'error', error});
	});
});
