// The helper's decoder on kinds this kernel cannot make (bond, vlan, ipvlan, vrf, gre, gretap, geneve,
// dummy, team, wireguard): a dump built byte by byte from the kernel's layouts (scripts/rtnetlink-fixtures.mjs)
// of the links ip printed in test/fixtures/kinds-not-made-here.json must decode to what ip printed.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {parseHelperRecords, parseLinks} from '../../source/model/parse.js';
import {BUILTIN_NAMES} from '../../source/model/iproute-names.js';
import {FIXTURES, fixtureText} from '../support/fixtures.js';
import {differences} from '../support/ip-differences.js';

type Json = Record<string, unknown>;

const ROOT = join(FIXTURES, '..', '..');
const DUMP = join(FIXTURES, 'rtnetlink', 'kinds-not-made-here.bin');
const work = mkdtempSync(join(tmpdir(), 'nsdeck-decode-'));
const helper = join(work, 'nsdeck-netdump');
let decoded = '';

beforeAll(() => {
	const native = join(ROOT, 'native');
	const sources = readdirSync(native).filter((f) => f.endsWith('.c')).map((f) => join(native, f));
	const built = spawnSync(process.env.CC ?? 'cc', ['-O1', '-Wall', '-Wextra', '-Werror', '-pthread', '-o', helper, ...sources], {encoding: 'utf8'});
	if (built.status !== 0) throw new Error(`could not compile native/: ${built.error?.message ?? built.stderr}`);
	const run = spawnSync(helper, ['--decode', DUMP], {encoding: 'utf8'});
	if (run.status !== 0) throw new Error(`nsdeck-netdump --decode failed: ${run.stderr}`);
	decoded = run.stdout;
}, 60_000);

afterAll(() => rmSync(work, {recursive: true, force: true}));

const ipLinks = (): Json[] => JSON.parse(fixtureText('kinds-not-made-here.json')) as Json[];
const helperLinks = (): Json[] => (JSON.parse(decoded) as {links: Json[]}).links;

describe('nsdeck-netdump --decode on a recorded dump of kinds not made here', () => {
	it('is the dump the script builds from ip\'s JSON, byte for byte', () => {
		const out = join(work, 'rebuilt.bin');
		const script = spawnSync(process.execPath, [join(ROOT, 'scripts', 'rtnetlink-fixtures.mjs'), out], {encoding: 'utf8'});
		expect(script.stderr).toBe('');
		expect(readFileSync(out).equals(readFileSync(DUMP))).toBe(true);
	});

	it('writes every link as ip -j -d does: each key it writes, ip writes, with the same value', () => {
		const ip = new Map(ipLinks().map((l) => [l.ifindex, l]));
		expect(helperLinks().map((l) => l.ifindex)).toEqual([...ip.keys()]);
		for (const link of helperLinks()) expect(differences(link, ip.get(link.ifindex), String(link.ifname))).toEqual([]);
	});

	it('decodes each kind\'s info_data with the keys ip prints, and none for kinds ip prints none of', () => {
		const data = Object.fromEntries(helperLinks().map((l) => [String(l.ifname), (l.linkinfo as Json | undefined)?.info_data]));
		expect(data).toEqual({
			eth0: undefined,
			bond0: {mode: '802.3ad', miimon: 100},
			'bond0.10': {protocol: '802.1Q', id: 10},
			ipvl0: {mode: 'l3', bridge: true},
			'vrf-blue': {table: 10},
			'bond0.20': {protocol: '802.1ad', id: 20},
			team0: undefined,
			gre1: {remote: '198.51.100.1', local: '203.0.113.1', ttl: 64},
			wg0: undefined,
			dummy0: undefined,
			gnv0: {id: 5, remote: '198.51.100.7', ttl: 0, port: 6081},
			gretap1: {remote: '198.51.100.2', local: 'any', link: 'bond0', ttl: 0},
		});
	});

	it('reads to the same links through either reader', () => {
		const read = parseHelperRecords(decoded, BUILTIN_NAMES);
		expect(read.links).toEqual(parseLinks(fixtureText('kinds-not-made-here.json')));
	});
});
