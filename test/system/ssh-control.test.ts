// The control directory goes away at exit even while each ssh master, ended by us, removes its own socket
// in it at the same moment. Node's recursive rmSync can leave the directory behind when an entry vanishes
// while it removes it (seen on Node 26: 3 times in 200), so this races real processes against it.
import {spawn} from 'node:child_process';
import {existsSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {closeAllMasters, closeOnExit, controlDir} from '../../source/system/ssh-control.js';

describe('the control directory', () => {
	it('is gone after closeAllMasters, though the masters remove their sockets at the same time', async () => {
		const left: string[] = [];
		for (let round = 0; round < 150; round++) {
			const dir = controlDir();
			const sockets = ['m0', 'm1', 'm2'].map((name) => join(dir, name));
			for (const socket of sockets) writeFileSync(socket, '');
			// As a master does on SIGTERM: it unlinks its socket a moment later, in another process.
			const master = spawn('rm', ['-f', ...sockets]);
			const ended = new Promise((resolve) => master.once('exit', resolve));
			closeOnExit(() => undefined);
			await new Promise((resolve) => setTimeout(resolve, round % 3));
			closeAllMasters();
			if (existsSync(dir)) left.push(dir);
			await ended;
		}
		expect(left).toEqual([]);
		// One exit hook, however often the directory was made again.
		expect(process.listenerCount('exit')).toBeLessThan(5);
	}, 60_000);
});
