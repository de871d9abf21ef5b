// What a tutorial's setup may run. A tutorial can come from anyone, and its setup runs in the lab, which
// shares the host's files and runs as root: `ip` alone is not enough of a limit, since `ip netns exec`,
// `ip vrf exec` and `ip -batch FILE` run programs or commands from elsewhere. So a setup command is
// `ip [-n NAME] [-4|-6] OBJECT …` with OBJECT from a short list, spelled out (ip also takes any prefix of
// its words, `ip n e` for `ip netns exec`), and namespaces may only be added, deleted, attached or set.

const OBJECTS = ['link', 'addr', 'address', 'route', 'rule', 'neigh', 'neighbour', 'neighbor', 'netns'];
const NETNS_VERBS = ['add', 'delete', 'del', 'attach', 'set'];

/** Why `argv` may not be a setup command, or undefined when it may. */
export function setupCommandProblem(argv: readonly string[]): string | undefined {
	if (argv[0] !== 'ip') return 'a setup command must be an `ip` command, as a list of words: ["ip", "netns", "add", "ns1"]';
	let at = 1;
	for (; argv[at]?.startsWith('-'); at++) {
		const option = argv[at];
		if (option === '-4' || option === '-6') continue;
		if (option !== '-n' && option !== '-netns') return `ip option ${option} is not allowed in a setup (only -n NAME, -4, -6)`;
		if (argv[at + 1] === undefined) return `ip ${option} needs a namespace name`;
		at++;
	}
	const object = argv[at];
	if (object === undefined || !OBJECTS.includes(object)) return `ip ${object ?? '(nothing)'} is not an object a setup may use (link, addr, route, rule, neigh, netns)`;
	const verb = argv[at + 1];
	if (object === 'netns' && (verb === undefined || !NETNS_VERBS.includes(verb))) {
		return `ip netns ${verb ?? '(nothing)'} is not allowed: a setup may only add, delete, attach or set namespaces (ip netns exec would run a program)`;
	}
	return undefined;
}
