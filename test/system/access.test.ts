import {describe, expect, it} from 'vitest';
import {accessFromCaps, effectiveCaps} from '../../source/system/access.js';

describe('access from capabilities', () => {
	it('can change the world with CAP_NET_ADMIN and CAP_SYS_ADMIN (root)', () => {
		expect(accessFromCaps(effectiveCaps('Name:\tnode\nCapEff:\t000001ffffffffff\n')).canChange).toBe(true);
	});
	it('is read-only without them, and says why', () => {
		const access = accessFromCaps(effectiveCaps('CapEff:\t0000000000000000\n'));
		expect(access.canChange).toBe(false);
		expect(access.reason).toMatch(/read-only.*CAP_NET_ADMIN/);
	});
});

describe('required tools', () => {
	it('names the package of a missing program', async () => {
		const {checkToolsInstalled} = await import('../../source/system/system.js');
		expect(checkToolsInstalled('/nonexistent')).toBe('needs the `ip` command: install iproute2 (apt-get install iproute2)');
		expect(checkToolsInstalled(process.env.PATH)).toBeUndefined();
	});
});
