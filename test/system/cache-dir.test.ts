import {chmodSync, chownSync, mkdirSync, statSync, symlinkSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {cacheDirPath, onlyOursToChange, privateCacheDir} from '../../source/system/cache-dir.js';
import {scratchDir} from '../support/scratch.js';

const uid = process.getuid?.() ?? 0;
const fresh = (): string => scratchDir('cache-test');

describe('the private cache directory', () => {
	it('is $XDG_CACHE_HOME/nsdeck, else ~/.cache/nsdeck (a relative XDG_CACHE_HOME is ignored, as the spec says)', () => {
		expect(cacheDirPath({XDG_CACHE_HOME: '/x/cache'})).toBe('/x/cache/nsdeck');
		expect(cacheDirPath({XDG_CACHE_HOME: 'relative'})).toMatch(/\/\.cache\/nsdeck$/);
	});

	it('is made with mode 0700 and used when nothing above it lets others in', () => {
		const base = fresh();
		const dir = privateCacheDir('bin', {XDG_CACHE_HOME: base});
		expect(dir).toBe(join(base, 'nsdeck', 'bin'));
		expect(statSync(dir!).mode & 0o777).toBe(0o700);
	});

	it.each([
		['open to others itself', (dir: string) => chmodSync(dir, 0o777)],
		['below a directory others may write (not sticky)', (dir: string) => chmodSync(join(dir, '..'), 0o777)],
		['owned by another user', (dir: string) => chownSync(dir, 4321, 4321)],
	])('is refused when %s', (_name, spoil) => {
		const base = fresh();
		const dir = join(base, 'a', 'b');
		mkdirSync(dir, {recursive: true, mode: 0o700});
		expect(onlyOursToChange(dir, uid)).toBe(true);
		spoil(dir);
		expect(onlyOursToChange(dir, uid)).toBe(false);
	});

	it('is refused through a symlink (it could be pointed elsewhere)', () => {
		const base = fresh();
		mkdirSync(join(base, 'real'), {mode: 0o700});
		symlinkSync(join(base, 'real'), join(base, 'link'));
		expect(onlyOursToChange(join(base, 'link'), uid)).toBe(false);
		expect(privateCacheDir('x', {XDG_CACHE_HOME: join(base, 'link')})).toBeUndefined();
	});
});
