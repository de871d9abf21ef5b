// The helper that serves nsdeck's whole life (nsdeck-netdump --serve, system/frame-server.ts) answers a
// single read exactly as a helper started for it does, counters as the rates read them, a vanished
// namespace with ENOENT, and ends when closed.
import {constants} from 'node:os';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {parseLinkCounters} from '../../source/model/traffic/counters.js';
import {findNetdump} from '../../source/system/netdump-binary.js';
import {frameServer, localServe} from '../../source/system/frame-server.js';
import {NETNS_DIR, namedLocation} from '../../source/system/netns-location.js';
import {readNamespace} from '../../source/system/snapshot.js';
import {runCommand} from '../../source/system/runner.js';
import {requireSandbox, sh} from '../support/sandbox.js';

const netdump = findNetdump() ?? '';
const NS = 'fs-served';

beforeAll(() => {
	requireSandbox();
	sh('ip', 'netns', 'add', NS);
	sh('ip', '-n', NS, 'link', 'add', 'sa', 'type', 'veth', 'peer', 'name', 'sb');
	sh('ip', '-n', NS, 'addr', 'add', '10.61.0.1/24', 'dev', 'sa');
	sh('ip', '-n', NS, 'link', 'set', 'sa', 'up');
	sh('ip', '-n', NS, 'link', 'set', 'sb', 'up');
});
afterAll(() => sh('ip', 'netns', 'del', NS));

describe('the serving helper', () => {
	it('reads a namespace as a helper of its own does, serves counters, says ENOENT, and ends when closed', async () => {
		expect(netdump).not.toBe('');
		const server = frameServer(localServe(netdump, NETNS_DIR), 5_000);
		try {
			const location = namedLocation(NS);
			const served = await readNamespace(runCommand, location, netdump, server);
			const own = await readNamespace(runCommand, location, netdump);
			expect(served.links.map((l) => l.name).sort()).toEqual(['lo', 'sa', 'sb']);
			expect(served).toEqual(own);
			const counters = await server.ask('s', location.path);
			expect(counters?.errno).toBe(0);
			const byIndex = parseLinkCounters(new TextDecoder().decode(counters?.bytes));
			expect(byIndex.size).toBe(3);
			const gone = await server.ask('r', `${NETNS_DIR}/no-such-namespace`);
			expect(gone?.errno).toBe(constants.errno.ENOENT);
			// Asked again after a failure, it still answers, in order.
			const [again, stats] = await Promise.all([server.ask('r', location.path), server.ask('s', location.path)]);
			expect([again?.errno, stats?.errno]).toEqual([0, 0]);
		} finally {
			server.close();
		}
		expect(await server.ask('s', namedLocation(NS).path).then((f) => f?.errno)).toBe(0); // started again
		server.close();
	});
});
