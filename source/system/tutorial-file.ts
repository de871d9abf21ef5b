// A tutorial given as a file (`nsdeck tutorial ./mine.json`): read here, validated by the model, so that
// anyone can write one and a mistake names the file and the field.
import {readFileSync, statSync} from 'node:fs';
import {basename, dirname, resolve} from 'node:path';
import {parseTutorial} from '../model/tutorial/validate.js';
import type {Tutorial} from '../model/tutorial/types.js';

/** The largest tutorial file read: the built-in ones are under 10 KB. */
const MAX_BYTES = 1_000_000;

/** Whether a tutorial argument names a file rather than a built-in tutorial. */
export const isTutorialFile = (argument: string): boolean => argument.endsWith('.json') || argument.includes('/');

/** Throws TutorialError (with the file and field), or an error that starts with the file's path. */
export function readTutorialFile(path: string): Tutorial {
	let text: string;
	try {
		// A FIFO would block the read for ever and a device (/dev/zero) never end: only a file of sane size.
		const stat = statSync(path);
		if (!stat.isFile()) throw new Error(`${path}: not a regular file`);
		if (stat.size > MAX_BYTES) throw new Error(`${path}: too large (${stat.size} bytes; a tutorial is at most ${MAX_BYTES})`);
		text = readFileSync(path, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === undefined) throw error;
		// Node's own message puts the path last ("ENOENT: no such file or directory, open 'x'"): lead with it.
		throw new Error(`${path}: cannot read it${code === 'ENOENT' ? ': no such file' : code === 'EISDIR' ? ': a directory' : `: ${(error as Error).message}`}`, {cause: error});
	}
	const tutorial = parseTutorial(path, basename(path, '.json'), text);
	// Its world file is named from where the tutorial is, not from where nsdeck was started.
	return tutorial.world === undefined ? tutorial : {...tutorial, world: resolve(dirname(path), tutorial.world)};
}
