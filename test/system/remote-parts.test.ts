// The pure parts of reading servers: the sandbox's uid range, the server's CPU, ip's list of names, the
// words a --sudo command runs as, and the graph of several servers.
import {describe, expect, it} from 'vitest';
import {hostsToDot, hostsToMermaid} from '../../source/model/graph-export.js';
import {insideSandbox, unshareArgv} from '../../source/system/sandbox.js';
import {canMapUserRange, mapsManyUsers, realRoot} from '../../source/system/sandbox-users.js';
import {remoteArch} from '../../source/system/remote-helper.js';
import {parseNetnsList} from '../../source/system/remote-read.js';
import {sshHost} from '../../source/system/ssh-transport.js';
import {closeAllMasters} from '../../source/system/ssh-control.js';
import {WorldBuilder} from '../support/hand-world.js';

describe('the sandbox for sshd', () => {
	it('maps a uid range only when started by real root, and still counts as a sandbox', () => {
		expect(realRoot('         0          0 4294967295\n')).toBe(process.getuid?.() === 0);
		expect(realRoot('         0          0      65536\n')).toBe(false);
		expect(mapsManyUsers('         0          0      65536\n')).toBe(true);
		expect(mapsManyUsers('         0       1000          1\n')).toBe(false);
		expect(insideSandbox({NSDECK_SANDBOX: '1'}, '         0          0      65536\n')).toBe(true);
	});

	it('maps a uid range inside a sandbox that has one (a lab inside the kernel tests), as root only', () => {
		const root = process.getuid?.() === 0;
		expect(canMapUserRange('         0          0 4294967295\n')).toBe(root);
		expect(canMapUserRange('         0          0      65536\n')).toBe(root);
		expect(canMapUserRange('         0       1000          1\n')).toBe(false);
		expect(canMapUserRange('         1          1      65536\n')).toBe(false);
	});

	it('enters a held user namespace instead of mapping root alone', () => {
		expect(unshareArgv(['x'], '/proc/9/ns/user').slice(0, 4)).toEqual(['nsenter', '--user=/proc/9/ns/user', '--', 'unshare']);
		expect(unshareArgv(['x']).slice(0, 3)).toEqual(['unshare', '--user', '--map-root-user']);
	});
});

describe('reading a server', () => {
	it("knows the helper's CPUs by uname -sm, on Linux only", () => {
		expect(remoteArch('Linux x86_64\n')).toBe('x64');
		expect(remoteArch('Linux aarch64\n')).toBe('arm64');
		expect(remoteArch('Linux armv7l\n')).toBeUndefined();
		expect(remoteArch('FreeBSD amd64\n')).toBeUndefined();
	});

	it('lists names whole, sorted, whatever they hold', () => {
		expect(parseNetnsList('[{"name":"ns10"},{"name":"ns2","id":0},{"name":"a b\\nc"}]\n')).toEqual(['a b\nc', 'ns2', 'ns10']);
		expect(parseNetnsList('')).toEqual([]);
	});

	it('shows a --sudo command as it runs: ssh DEST -- sudo -n -- argv', () => {
		const host = sshHost('h2', {sudo: true});
		expect(host.shown(['ip', '-n', 'ns1', 'link'])).toEqual(['ssh', 'h2', '--', 'sudo', '-n', '--', 'ip', '-n', 'ns1', 'link']);
		closeAllMasters();
	});
});

describe('the graph of several servers', () => {
	const world = new WorldBuilder().namespace('host').namespace('ns1').veth('ns1/a', 'host/b').build();

	it('keeps each server in a cluster of its own, with node ids that do not clash', () => {
		const dot = hostsToDot([{host: 'h1', world}, {host: 'h2', world}]);
		expect(dot).toContain('subgraph cluster_host0 {');
		expect(dot).toContain('label="host h2";');
		expect(dot).toContain('"h1:host/b" -- "h1:ns1/a"');
		expect(dot).toContain('"h2:host/b" -- "h2:ns1/a"');
		const mermaid = hostsToMermaid([{host: 'h1', world}, {host: 'h2', world}]);
		const ids = [...mermaid.matchAll(/^\t\t\t(n\d+)\[/gm)].map((m) => m[1]);
		expect(new Set(ids).size).toBe(ids.length);
		expect(mermaid).toContain('subgraph host1_ns0[');
	});
});
