import {describe, expect, it} from 'vitest';
import {destinationProblem, destinationsProblem, sshProblem} from '../../source/model/ssh-destination.js';

describe('destinationProblem', () => {
	it('takes an alias, user@host and host:port', () => {
		for (const dest of ['h1', 'root@10.0.0.1', 'web-1.example.org', 'me@[fd00::1]:2222']) expect(destinationProblem(dest)).toBeUndefined();
	});

	it('refuses what ssh would read as an option, spaces and control characters', () => {
		expect(destinationProblem('-oProxyCommand=x')).toMatch(/option/);
		expect(destinationProblem('a b')).toMatch(/space/);
		expect(destinationProblem('a\nb')).toMatch(/control/);
		expect(destinationProblem('')).toMatch(/empty/);
	});
});

describe('destinationsProblem', () => {
	it('names a bad one, or one given twice (both would fold and ping as one)', () => {
		expect(destinationsProblem(['h1', 'h2'])).toBeUndefined();
		expect(destinationsProblem(['h1', '-oProxyCommand=x'])).toMatch(/starts with "-"/);
		expect(destinationsProblem(['h1', 'h2', 'h1'])).toBe('--host "h1" is given twice');
	});
});

describe('sshProblem', () => {
	it('names each failure in one line', () => {
		expect(sshProblem('h1', 'Host key verification failed.\r\n')).toMatch(/^h1: unknown or changed host key/);
		expect(sshProblem('h1', 'root@10.0.0.2: Permission denied (publickey).')).toMatch(/refused our key/);
		expect(sshProblem('h1', 'ssh: Could not resolve hostname nowhere: Name or service not known')).toMatch(/unknown host/);
		expect(sshProblem('h1', 'ssh: connect to host 10.9.9.9 port 22: Network is unreachable')).toBe('h1: cannot reach the server (ssh: connect to host 10.9.9.9 port 22: Network is unreachable)');
		expect(sshProblem('h1', 'sudo: a password is required')).toMatch(/sudo wants a password/);
		expect(sshProblem('h1', 'sh: 1: ip: not found')).toBe('h1: no `ip` on the server; install iproute2 there');
		expect(sshProblem('h1', 'bash: line 1: ip: command not found')).toMatch(/no `ip`/);
		expect(sshProblem('h1', 'RTNETLINK answers: File exists')).toBeUndefined();
	});
});
