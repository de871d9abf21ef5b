// World files on disk (`nsdeck save`, `diff`, `apply`, `destroy`, `lab FILE`): read with the same care as a
// tutorial file (only a regular file of sane size: a FIFO would block for ever), written whole.
import {readFileSync, renameSync, statSync, writeFileSync} from 'node:fs';
import {parseWorldFile} from '../model/world-file/parse.js';
import type {WorldFile} from '../model/world-file/types.js';

/** A world of 1,000 namespaces saves to about 300 KB. */
const MAX_BYTES = 10_000_000;

/** Whether a `nsdeck lab` argument names a world file rather than a built-in scenario. */
export const isWorldFileArgument = (argument: string): boolean => /\.ya?ml$/.test(argument) || argument.includes('/');

/** Throws WorldFileError (file, line, field) or an Error that starts with the path. */
export function readWorldFile(path: string): WorldFile {
	let text: string;
	try {
		const stat = statSync(path);
		if (!stat.isFile()) throw new Error(`${path}: not a regular file`);
		if (stat.size > MAX_BYTES) throw new Error(`${path}: too large (${stat.size} bytes; a world file is at most ${MAX_BYTES})`);
		text = readFileSync(path, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === undefined) throw error;
		throw new Error(`${path}: cannot read it${code === 'ENOENT' ? ': no such file' : `: ${(error as Error).message}`}`, {cause: error});
	}
	return parseWorldFile(path, text);
}

/** Written beside and renamed into place: a reader never sees half a file. Without `overwrite`, a file there is kept. */
export function writeWorldFile(path: string, text: string, overwrite = true): void {
	if (!overwrite) return writeFileSync(path, text, {flag: 'wx'});
	const temporary = `${path}.nsdeck-${process.pid}.tmp`;
	writeFileSync(temporary, text);
	renameSync(temporary, path);
}
