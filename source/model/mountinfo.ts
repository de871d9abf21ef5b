// Network namespaces bind-mounted somewhere (Docker's /run/docker/netns/ID, `ip netns`'s /run/netns/NAME),
// from /proc/self/mountinfo: the mounts of filesystem type nsfs whose root is `net:[INODE]`.
//
// A line: ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS [OPTIONAL…] - FSTYPE SOURCE SUPEROPTIONS, with space,
// tab, newline and backslash in paths written as \040, \011, \012 and \134 (proc(5)).

export interface NetnsMount {
	readonly path: string;
	readonly ino: number;
}

const unescape = (field: string): string => field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));

export function parseNetnsMounts(text: string): NetnsMount[] {
	const mounts: NetnsMount[] = [];
	for (const line of text.split('\n')) {
		const fields = line.split(' ');
		const separator = fields.indexOf('-', 6);
		if (separator < 0 || fields[separator + 1] !== 'nsfs') continue;
		const root = /^net:\[(\d+)\]$/.exec(fields[3] ?? '');
		if (!root) continue;
		mounts.push({path: unescape(fields[4]), ino: Number(root[1])});
	}
	return mounts;
}
