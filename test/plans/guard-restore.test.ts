// The guard's before-state as commands: eth0 of issue 26 (10.1.1.4/24, fd00:1::4/64, default routes of both
// families, 10.9.0.0/16 via 10.1.1.1, a route in table 100), as `ip -j` printed it in the sandbox.
import {describe, expect, it} from 'vitest';
import {parseBeforeState, restoreCommands} from '../../source/plans/guard-restore.js';

const ADDR = JSON.stringify([
	{ifname: 'lo', flags: ['LOOPBACK', 'UP', 'LOWER_UP'], addr_info: [{family: 'inet', local: '127.0.0.1', prefixlen: 8, scope: 'host', label: 'lo', valid_life_time: 4294967295, preferred_life_time: 4294967295}]},
	{ifname: 'hp0', flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'], master: 'br0', addr_info: []},
	{
		ifname: 'eth0',
		flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'],
		addr_info: [
			{family: 'inet', local: '10.1.1.4', prefixlen: 24, scope: 'global', label: 'eth0', valid_life_time: 4294967295, preferred_life_time: 4294967295},
			{family: 'inet6', local: 'fd00:1::4', prefixlen: 64, scope: 'global', nodad: true, valid_life_time: 4294967295, preferred_life_time: 4294967295},
			{family: 'inet6', local: 'fd00:1::99', prefixlen: 64, scope: 'global', valid_life_time: 600, preferred_life_time: 300},
			{family: 'inet6', local: 'fe80::187a:65ff:fe3b:e82a', prefixlen: 64, scope: 'link', valid_life_time: 4294967295, preferred_life_time: 4294967295},
		],
	},
]);
const ROUTES4 = JSON.stringify([
	{dst: '10.50.0.0/16', gateway: '10.1.1.1', dev: 'eth0', table: '100', flags: []},
	{dst: 'default', gateway: '10.1.1.254', dev: 'eth0', flags: []},
	{dst: '10.1.1.0/24', dev: 'eth0', protocol: 'kernel', scope: 'link', prefsrc: '10.1.1.4', flags: []},
	{dst: '10.9.0.0/16', gateway: '10.1.1.1', dev: 'eth0', flags: []},
	{dst: '10.8.0.0/16', dev: 'eth0', tos: '0x10', scope: 'link', flags: []},
	{dst: '10.70.0.0/16', gateway: '10.2.2.1', dev: 'other', flags: []},
	{type: 'local', dst: '10.1.1.4', dev: 'eth0', table: 'local', protocol: 'kernel', scope: 'host', prefsrc: '10.1.1.4', flags: []},
	{type: 'broadcast', dst: '10.1.1.255', dev: 'eth0', table: 'local', protocol: 'kernel', scope: 'link', prefsrc: '10.1.1.4', flags: []},
]);
const ROUTES6 = JSON.stringify([
	{dst: 'fd00:1::/64', dev: 'eth0', protocol: 'kernel', metric: 256, flags: [], pref: 'medium'},
	{dst: 'default', gateway: 'fd00:1::fe', dev: 'eth0', metric: 1024, flags: [], pref: 'medium'},
	{type: 'multicast', dst: 'ff00::/8', dev: 'eth0', table: 'local', protocol: 'kernel', metric: 256, flags: [], pref: 'medium'},
]);

describe('the guard’s before-state as commands', () => {
	const before = parseBeforeState('host', ADDR, ROUTES4, ROUTES6);

	it('puts back eth0: up, both families’ addresses, and its routes in every table, gateways last', () => {
		expect(restoreCommands(before, new Set(['eth0']))).toEqual([
			['ip', 'link', 'set', 'dev', 'eth0', 'up'],
			['ip', 'addr', 'replace', '10.1.1.4/24', 'dev', 'eth0'],
			['ip', 'addr', 'replace', 'fd00:1::4/64', 'dev', 'eth0', 'nodad'],
			['ip', 'addr', 'replace', 'fd00:1::99/64', 'dev', 'eth0', 'valid_lft', '600', 'preferred_lft', '300'],
			['ip', '-4', 'route', 'replace', '10.8.0.0/16', 'tos', '0x10', 'table', 'main', 'scope', 'link', 'dev', 'eth0'],
			['ip', '-4', 'route', 'replace', '10.50.0.0/16', 'table', '100', 'via', '10.1.1.1', 'dev', 'eth0'],
			['ip', '-4', 'route', 'replace', 'default', 'table', 'main', 'via', '10.1.1.254', 'dev', 'eth0'],
			['ip', '-4', 'route', 'replace', '10.9.0.0/16', 'table', 'main', 'via', '10.1.1.1', 'dev', 'eth0'],
			['ip', '-6', 'route', 'replace', 'default', 'table', 'main', 'metric', '1024', 'pref', 'medium', 'via', 'fd00:1::fe', 'dev', 'eth0'],
		]);
	});

	it('puts a bridge port back on its bridge, and names a namespace as plans do', () => {
		const other = parseBeforeState('a', ADDR, '[]', '');
		expect(restoreCommands(other, new Set(['hp0']))).toEqual([
			['ip', '-n', 'a', 'link', 'set', 'dev', 'hp0', 'up'],
			['ip', '-n', 'a', 'link', 'set', 'dev', 'hp0', 'master', 'br0'],
		]);
	});

	it('leaves out what is not in scope', () => {
		expect(restoreCommands(before, new Set(['nothing']))).toEqual([]);
	});

	it('reads a name with a raw control character', () => {
		const odd = parseBeforeState('host', '[{"ifname":"x\u0001y","flags":["UP"]}]', '', '');
		expect(restoreCommands(odd, new Set(['x\u0001y']))).toEqual([['ip', 'link', 'set', 'dev', 'x\u0001y', 'up']]);
	});
});
