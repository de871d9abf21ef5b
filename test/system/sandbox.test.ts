// Whether nsdeck is inside its sandbox decides whether the lab builds here or makes a sandbox first: the
// environment variable alone is not enough, since it can leak (a shell started from the lab, a script that
// copies the environment) to a process on the host, where the lab would then build into the host.
import {describe, expect, it} from 'vitest';
import {insideSandbox} from '../../source/system/sandbox.js';

const HOST_MAP = '         0          0 4294967295\n';
const SANDBOX_MAP = '         0       1000          1\n';

describe('insideSandbox', () => {
	it('needs both the variable and a user namespace of its own', () => {
		expect(insideSandbox({NSDECK_SANDBOX: '1'}, SANDBOX_MAP)).toBe(true);
		expect(insideSandbox({NSDECK_SANDBOX: '1'}, HOST_MAP)).toBe(false);
		expect(insideSandbox({}, SANDBOX_MAP)).toBe(false);
	});
});
