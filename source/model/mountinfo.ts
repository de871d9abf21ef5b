// Network namespaces bind-mounted somewhere (Docker's /run/docker/netns/ID, `ip netns`'s /run/netns/NAME),
// from /proc/self/mountinfo: the mounts of filesystem type nsfs whose root is `net:[INODE]`.
//
// A line: ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS [OPTIONAL…] - FSTYPE SOURCE SUPEROPTIONS, with space,
// tab, newline and backslash in paths written as \040, \011, \012 and \134 (proc(5)).

export interface NetnsMount {
	readonly path: string;
	readonly ino: number;
	/** Nothing is mounted later on its path or a directory above it: the path itself is this namespace. */
	readonly top: boolean;
}

const unescape = (field: string): string => field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));

/** `/run/netns/a` → `/run/netns`, `/run`, `/`. */
function* above(path: string): Generator<string> {
	for (let at = path.lastIndexOf('/'); at > 0; at = path.lastIndexOf('/', at - 1)) yield path.slice(0, at);
	yield '/';
}

export function parseNetnsMounts(text: string): NetnsMount[] {
	const found: Array<{path: string; ino: number; line: number}> = [];
	/** The last line that mounts something on each path (later lines are later mounts). */
	const lastOn = new Map<string, number>();
	text.split('\n').forEach((line, i) => {
		const fields = line.split(' ');
		if (fields.length < 5) return;
		const path = unescape(fields[4]);
		lastOn.set(path, i);
		const separator = fields.indexOf('-', 6);
		if (separator < 0 || fields[separator + 1] !== 'nsfs') return;
		const root = /^net:\[(\d+)\]$/.exec(fields[3] ?? '');
		if (root) found.push({path, ino: Number(root[1]), line: i});
	});
	return found.map(({path, ino, line}) => ({path, ino, top: lastOn.get(path) === line && [...above(path)].every((dir) => (lastOn.get(dir) ?? -1) < line)}));
}
