// A tutorial given as a file (`nsdeck tutorial ./mine.json`): read here, validated by the model, so that
// anyone can write one and a mistake names the file and the field.
import {readFileSync} from 'node:fs';
import {basename} from 'node:path';
import {parseTutorial} from '../model/tutorial/validate.js';
import type {Tutorial} from '../model/tutorial/types.js';

/** Whether a tutorial argument names a file rather than a built-in tutorial. */
export const isTutorialFile = (argument: string): boolean => argument.endsWith('.json') || argument.includes('/');

/** Throws TutorialError (with the file and field) or the file system's own error. */
export function readTutorialFile(path: string): Tutorial {
	return parseTutorial(path, basename(path, '.json'), readFileSync(path, 'utf8'));
}
