// Builds Worlds from `ip -j -d -b` output captured in the lab by scripts/capture-fixtures.sh.
import {readFileSync, readdirSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseBatchRead} from '../../source/model/parse.js';
import {HOST_ID, type Netns, type World} from '../../source/model/types.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

export const fixtureText = (file: string): string => readFileSync(join(FIXTURES, file), 'utf8');

export function fixtureNetns(world: string, id: string): Netns {
	const kind = id === HOST_ID ? 'host' : 'named';
	const path = id === HOST_ID ? '/proc/self/ns/net' : `/run/netns/${id}`;
	return {id, kind, path, ...parseBatchRead(fixtureText(`${world}.${id}.txt`))};
}

/** Every namespace captured for `world` (`bridge`, `hostpair`), the host first. */
export function fixtureWorld(world: string): World {
	const ids = readdirSync(FIXTURES)
		.filter((f) => f.startsWith(`${world}.`))
		.map((f) => f.slice(world.length + 1, -'.txt'.length))
		.sort((a, b) => (a === HOST_ID ? -1 : b === HOST_ID ? 1 : a.localeCompare(b)));
	return {namespaces: ids.map((id) => fixtureNetns(world, id))};
}
