// Where C's pcaps go: nsdeck's data directory (XDG), private, one new file per capture even within one
// second, names safe whatever the namespace or interface is called; and whether tcpdump is on PATH.
import {mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, chmodSync, mkdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {captureFileName, captureFiles, capturesDirPath} from '../../source/system/capture-files.js';

let dir = '';
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'capture-files-'));
});
afterEach(() => rmSync(dir, {recursive: true, force: true}));

const at = new Date('2026-12-07T07:15:02.123Z');

describe('capture files', () => {
	it('live in $XDG_DATA_HOME/nsdeck/captures, else ~/.local/share/nsdeck/captures', () => {
		expect(capturesDirPath({XDG_DATA_HOME: '/data'})).toBe('/data/nsdeck/captures');
		expect(capturesDirPath({XDG_DATA_HOME: 'relative'})).toMatch(/\/\.local\/share\/nsdeck\/captures$/);
	});

	it('are named by namespace, interface and time, with only safe letters', () => {
		expect(captureFileName('ns1', 'veth0', at)).toBe('ns1-veth0-20261207-071502.pcap');
		expect(captureFileName('/run/docker/netns/ab12', 'eth0', at)).toBe('run_docker_netns_ab12-eth0-20261207-071502.pcap');
		expect(captureFileName('../x', 'a b\u001B[31m', at)).toBe('x-a_b_31m-20261207-071502.pcap');
	});

	it('are made new and private, never two captures in one file, and removed when not kept', () => {
		const files = captureFiles({XDG_DATA_HOME: dir}, () => at);
		const first = files.newFile('ns1', 'veth0');
		const second = files.newFile('ns1', 'veth0');
		expect(first).toBe(join(dir, 'nsdeck', 'captures', 'ns1-veth0-20261207-071502.pcap'));
		expect(second).toBe(join(dir, 'nsdeck', 'captures', 'ns1-veth0-20261207-071502-2.pcap'));
		expect(statSync(first).mode & 0o777).toBe(0o600);
		expect(statSync(join(dir, 'nsdeck', 'captures')).mode & 0o777).toBe(0o700);
		files.discard(first);
		files.discard(first);
		expect(readdirSync(join(dir, 'nsdeck', 'captures'))).toEqual(['ns1-veth0-20261207-071502-2.pcap']);
	});

	it('say how to install tcpdump when it is not on PATH', () => {
		const bin = join(dir, 'bin');
		mkdirSync(bin);
		expect(captureFiles({PATH: bin}).missing()).toBe('capture needs tcpdump: apt install tcpdump');
		writeFileSync(join(bin, 'tcpdump'), '');
		chmodSync(join(bin, 'tcpdump'), 0o755);
		expect(captureFiles({PATH: bin}).missing()).toBeUndefined();
	});
});
