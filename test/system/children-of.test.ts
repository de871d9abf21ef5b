import {spawn} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {childrenOf} from '../../source/system/children-of.js';

describe('childrenOf', () => {
	it("lists a process's children by PID", async () => {
		const child = spawn('sleep', ['5']);
		try {
			await new Promise((resolve) => child.once('spawn', resolve));
			expect(childrenOf(process.pid)).toContain(child.pid);
			expect(childrenOf(child.pid ?? -1)).toEqual([]);
		} finally {
			child.kill();
		}
	});
});
