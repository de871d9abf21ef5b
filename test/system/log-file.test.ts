// Files never block (issue 26): the log and the script export write only regular files or new paths. A
// FIFO with no reader used to hang nsdeck at start for ever (open blocks); one swapped in later froze a
// plan between two steps; the export followed a symlink and replaced its target while naming the link.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {scriptForm} from '../../source/plans/forms/script-form.js';
import {appendToLogFile, checkLogFile, scriptTarget, writeScriptFile} from '../../source/system/log-file.js';

let dir = '';
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'nsdeck-logfile-'))));
afterEach(() => rmSync(dir, {recursive: true, force: true}));

const fifo = (name: string): string => {
	const path = join(dir, name);
	expect(spawnSync('mkfifo', [path]).status).toBe(0);
	return path;
};

describe('the log', () => {
	it('is appended to a regular file, and made when new', () => {
		const path = join(dir, 'commands.log');
		expect(checkLogFile(path)).toBeUndefined();
		expect(appendToLogFile(path, 'a\n')).toBeUndefined();
		expect(appendToLogFile(path, 'b\n')).toBeUndefined();
		expect(readFileSync(path, 'utf8')).toBe('a\nb\n');
	});

	it('refuses a FIFO at once instead of waiting for a reader', () => {
		expect(checkLogFile(fifo('log'))).toMatch(/not a regular file/);
	});

	it('refuses a FIFO swapped in later, without blocking the plan', () => {
		const path = join(dir, 'commands.log');
		expect(appendToLogFile(path, 'a\n')).toBeUndefined();
		rmSync(path);
		fifo('commands.log');
		expect(appendToLogFile(path, 'b\n')).toMatch(/not a regular file/);
	});

	it('refuses a device', () => {
		expect(checkLogFile('/dev/null')).toMatch(/not a regular file/);
	});
});

describe('the script export', () => {
	it('says a symlink is one, and where it leads, before writing through it', () => {
		const target = join(dir, 'real.sh');
		writeFileSync(target, 'keep\n');
		const link = join(dir, 'link.sh');
		symlinkSync(target, link);
		const seen = scriptTarget(link);
		expect(seen.symlinkTo).toBe(target);
		expect(seen.problem).toBeUndefined();
	});

	it('does not follow a symlink unless told the resolved path', () => {
		const target = join(dir, 'real.sh');
		writeFileSync(target, 'keep\n');
		const link = join(dir, 'link.sh');
		symlinkSync(target, link);
		expect(() => writeScriptFile(link, 'new\n', true)).toThrow(/symlink/);
		expect(readFileSync(target, 'utf8')).toBe('keep\n');
		writeScriptFile(scriptTarget(link).symlinkTo ?? '', 'new\n', true);
		expect(readFileSync(target, 'utf8')).toBe('new\n');
	});

	it('refuses a FIFO without blocking', () => {
		const path = fifo('out.sh');
		expect(scriptTarget(path).problem).toBe('not a regular file');
		expect(() => writeScriptFile(path, 'x\n', true)).toThrow(/not a regular file/);
	});

	it('in its form, is refused through a symlink with the path it leads to; that path is taken', () => {
		const target = join(dir, 'real.sh');
		writeFileSync(target, 'keep\n');
		const link = join(dir, 'link.sh');
		symlinkSync(target, link);
		const form = scriptForm(1);
		expect(form.validate({path: link, overwrite: true}, undefined as never).path).toBe(`a symlink to ${target}: type that path to write there`);
		expect(form.validate({path: target, overwrite: true}, undefined as never)).toEqual({});
	});
});
