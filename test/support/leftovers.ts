// vitest globalSetup: a test run must leave nothing named nsdeck-* in the temporary directory. Entries
// that were there before the run (another run's, a developer's) are not this run's to judge.
import {readdirSync} from 'node:fs';
import {tmpdir} from 'node:os';

const ours = (): string[] => readdirSync(tmpdir()).filter((name) => name.startsWith('nsdeck-'));

export default function setup(): () => void {
	const before = new Set(ours());
	return () => {
		const left = ours().filter((name) => !before.has(name));
		if (left.length > 0) throw new Error(`the tests left ${left.length} entries in ${tmpdir()}: ${left.sort().join(', ')}`);
	};
}
