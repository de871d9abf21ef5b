// Whether a program is on PATH, found without starting a process (a spawn costs more than the check).
import {accessSync, constants} from 'node:fs';
import {join} from 'node:path';

export function onPath(program: string, path = process.env.PATH ?? ''): boolean {
	return path
		.split(':')
		.filter(Boolean)
		.some((dir) => {
			try {
				accessSync(join(dir, program), constants.X_OK);
				return true;
			} catch {
				return false;
			}
		});
}
