// A Mininet node's namespace is labelled by the node's name (issue 28): Mininet starts each node's shell as
// `bash --norc --noediting -is mininet:h1` in a namespace of its own; h1, h2 and h3 must not look alike.
import {spawn, type ChildProcess} from 'node:child_process';
import {readlinkSync} from 'node:fs';
import {afterEach, beforeAll, beforeEach, describe, expect, it, vi} from 'vitest';
import {labelText} from '../../source/model/netns-label.js';
import {discoverNamespaces} from '../../source/system/discover.js';
import {requireSandbox, resetWorld} from '../support/sandbox.js';

beforeAll(requireSandbox);
beforeEach(resetWorld);

let children: ChildProcess[] = [];
afterEach(() => {
	for (const child of children) child.kill('SIGKILL');
	children = [];
});

/** A Mininet-style node: an interactive shell in a namespace of its own, reading commands from us. */
async function mininetNode(name: string): Promise<number> {
	const child = spawn('unshare', ['--net', '--', 'bash', '--norc', '--noediting', '-is', `mininet:${name}`], {stdio: ['pipe', 'ignore', 'ignore']});
	children.push(child);
	const pid = child.pid;
	if (pid === undefined) throw new Error('unshare did not start');
	await vi.waitFor(() => expect(readlinkSync(`/proc/${pid}/exe`)).toMatch(/bash$/), {timeout: 3000});
	return pid;
}

describe('Mininet labels', () => {
	it('labels each node’s namespace by the name in its shell’s arguments', async () => {
		const pids = await Promise.all(['h1', 'h2', 's1'].map(mininetNode));
		const places = discoverNamespaces().places;
		const labelOf = (pid: number): string => labelText(places.find((p) => p.id === `/proc/${pid}/ns/net`)?.label);
		expect(pids.map(labelOf)).toEqual(['h1', 'h2', 's1']);
		expect(places.find((p) => p.id === `/proc/${pids[0]}/ns/net`)?.label).toMatchObject({mininet: 'h1', main: {pid: pids[0], command: 'bash'}});
	});
});
