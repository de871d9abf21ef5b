// Build the lab scenarios in real namespaces and check that `nsdeck show --json` reports every peer, port,
// address and route the kernel has. The kernel's truth is read independently with `ip -n NS -j …`.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {buildLab} from '../../source/lab-build.js';
import {findScenario} from '../../source/system/lab-scenarios.js';
import {runCommand} from '../../source/system/runner.js';
import {createRealSystem} from '../../source/system/system.js';
import {ipJson, namedNamespaces, requireSandbox, resetWorld, sh} from '../support/sandbox.js';

const BUNDLE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'nsdeck.js');

/** A link as `ip -j -d addr` prints it, with nsdeck's findings under `nsdeck`. */
interface ShownLink {
	ifname: string;
	master?: string;
	addr_info: Array<{local: string; prefixlen: number}>;
	nsdeck: {state: string; peer?: {ns: string; name: string} | null; ports?: string[]};
}
interface Shown {
	namespaces: Array<{id: string; links: ShownLink[]; routes: Array<{dst: string; gateway?: string; dev?: string; type?: string}>}>;
}

// ajv comes with the linter (a development dependency's own): every world here is held to the schema.
const Ajv = createRequire(import.meta.url)('ajv') as new (options?: object) => {validate(schema: object, data: unknown): boolean; errorsText(): string};
const SCHEMA = JSON.parse(readFileSync(new URL('../../docs/show-json.schema.json', import.meta.url), 'utf8')) as object;

async function show(): Promise<Shown> {
	const shown = JSON.parse(await sh(process.execPath, BUNDLE, 'show', '--json')) as Shown;
	const ajv = new Ajv({allErrors: true});
	expect(ajv.validate(SCHEMA, shown), ajv.errorsText()).toBe(true);
	return shown;
}

const nsArgs = (ns: string): string[] => (ns === 'host' ? [] : ['-n', ns]);

/** Every (namespace, interface, address) the kernel has, as `ns dev cidr`. */
async function kernelAddresses(): Promise<string[]> {
	const out: string[] = [];
	for (const ns of ['host', ...(await namedNamespaces())]) {
		for (const link of await ipJson<{ifname: string; addr_info: Array<{local: string; prefixlen: number}>}>(...nsArgs(ns), 'addr', 'show')) {
			for (const a of link.addr_info) out.push(`${ns} ${link.ifname} ${a.local}/${a.prefixlen}`);
		}
	}
	return out.sort();
}

/** Every main-table route the kernel has, IPv4 and IPv6, as `ns dst via dev`. */
async function kernelRoutes(): Promise<string[]> {
	const out: string[] = [];
	for (const ns of ['host', ...(await namedNamespaces())]) {
		for (const family of ['-4', '-6']) {
			for (const r of await ipJson<{dst: string; gateway?: string; dev?: string; type?: string}>(family, ...nsArgs(ns), 'route', 'show')) {
				if (r.type && r.type !== 'unicast') continue;
				out.push(`${ns} ${r.dst} ${r.gateway ?? '-'} ${r.dev ?? '-'}`);
			}
		}
	}
	return out.sort();
}

/**
 * Until the kernel's addresses stop changing: a veth's carrier comes up a moment after both ends are up
 * (the kernel's linkwatch), and only then its IPv6 link-local address and route. Compared before that,
 * `show` and the kernel read a moment apart disagree by that address.
 */
async function settled(): Promise<void> {
	// The same for 1.2 s: linkwatch waits up to a second.
	let last = '';
	let same = 0;
	for (let i = 0; i < 40 && same < 4; i++) {
		const now = [...(await kernelAddresses()), ...(await kernelRoutes())].join('\n');
		same = now === last ? same + 1 : 0;
		last = now;
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
}

const shownAddresses = (s: Shown): string[] =>
	s.namespaces.flatMap((ns) => ns.links.flatMap((l) => l.addr_info.map((a) => `${ns.id} ${l.ifname} ${a.local}/${a.prefixlen}`))).sort();

const shownRoutes = (s: Shown): string[] =>
	s.namespaces.flatMap((ns) => ns.routes.filter((r) => !r.type || r.type === 'unicast').map((r) => `${ns.id} ${r.dst} ${r.gateway ?? '-'} ${r.dev ?? '-'}`)).sort();

function peerOf(s: Shown, ns: string, name: string): string | undefined {
	const peer = s.namespaces.find((n) => n.id === ns)?.links.find((l) => l.ifname === name)?.nsdeck.peer;
	return peer ? `${peer.ns}/${peer.name}` : undefined;
}

beforeAll(requireSandbox);
beforeEach(resetWorld);

describe('nsdeck show --json against the kernel', () => {
	it('bridge scenario: every peer, port, address and route', async () => {
		const scenario = findScenario('bridge');
		if (!scenario) throw new Error('no bridge scenario');
		await buildLab(scenario, runCommand, () => createRealSystem({lab: true}).readWorld());
		await settled();
		const shown = await show();
		expect(shown.namespaces.map((n) => n.id)).toEqual(['host', 'ns1', 'ns2']);
		expect(peerOf(shown, 'ns1', 'veth_ns1')).toBe('host/veth_ns1_br0');
		expect(peerOf(shown, 'ns2', 'veth_ns2')).toBe('host/veth_ns2_br0');
		expect(peerOf(shown, 'host', 'veth_ns1_br0')).toBe('ns1/veth_ns1');
		expect(peerOf(shown, 'host', 'veth_ns2_br0')).toBe('ns2/veth_ns2');
		const br0 = shown.namespaces[0].links.find((l) => l.ifname === 'br0')?.nsdeck;
		expect(br0?.ports?.sort()).toEqual(['veth_ns1_br0', 'veth_ns2_br0']);
		// The kernel's bridge ports, read independently.
		const kernelPorts = (await ipJson<{ifname: string}>('link', 'show', 'master', 'br0')).map((l) => l.ifname).sort();
		expect(br0?.ports?.sort()).toEqual(kernelPorts);
		expect(shownAddresses(shown)).toEqual(await kernelAddresses());
		expect(shownRoutes(shown)).toEqual(await kernelRoutes());
		expect(shownAddresses(shown)).toContain('host br0 10.1.1.4/24');
	});

	it('pair scenario: client and server see each other', async () => {
		const scenario = findScenario('pair');
		if (!scenario) throw new Error('no pair scenario');
		await buildLab(scenario, runCommand, () => createRealSystem({lab: true}).readWorld());
		await settled();
		const shown = await show();
		expect(peerOf(shown, 'client', 'pair-client')).toBe('server/pair-server');
		expect(peerOf(shown, 'server', 'pair-server')).toBe('client/pair-client');
		expect(shownAddresses(shown)).toEqual(await kernelAddresses());
		expect(shownRoutes(shown)).toEqual(await kernelRoutes());
	});

	it('a veth with both ends in one namespace, an IPv6 gateway route and a down link', async () => {
		await sh('ip', 'netns', 'add', 'solo');
		await sh('ip', '-n', 'solo', 'link', 'add', 'left', 'type', 'veth', 'peer', 'name', 'right');
		await sh('ip', '-n', 'solo', 'addr', 'add', 'fd00::1/64', 'dev', 'left');
		await sh('ip', '-n', 'solo', 'link', 'set', 'left', 'up');
		await sh('ip', '-n', 'solo', 'route', 'add', 'fd01::/64', 'via', 'fd00::2');
		const shown = await show();
		expect(peerOf(shown, 'solo', 'left')).toBe('solo/right');
		const left = shown.namespaces.find((n) => n.id === 'solo')?.links.find((l) => l.ifname === 'left');
		expect(left?.nsdeck.state).toBe('NO-CARRIER');
		expect(shownRoutes(shown)).toEqual(await kernelRoutes());
		expect(shownRoutes(shown)).toContain('solo fd01::/64 fd00::2 left');
	});
});

describe('show, when its output cannot be written', () => {
	it('stops quietly when the reader has gone (| head), and says in one line when the disk is full', async () => {
		await resetWorld();
		// Enough output that head leaves before it is written.
		for (let i = 0; i < 200; i++) await sh('ip', 'link', 'add', `quiet${i}`, 'type', 'bridge');
		const piped = await runCommand(['sh', '-c', `"$0" "$1" show --json | head -c 10 > /dev/null`, process.execPath, BUNDLE]);
		expect(piped.stderr).toBe('');
		const full = await runCommand(['sh', '-c', `"$0" "$1" show > /dev/full`, process.execPath, BUNDLE]);
		expect(full.exitCode).toBe(1);
		expect(full.stderr.trim().split('\n')).toEqual(['nsdeck: cannot write the output: ENOSPC']);
	});
});
