// Plain words for the kernel's most common complaints. The kernel's own message is always shown too.
const HINTS: ReadonlyArray<readonly [RegExp, string]> = [
	[/File exists/i, 'something with that name, address or route already exists'],
	[/Cannot find device|does not exist|No such device/i, 'that interface is not there (any more): it may have moved or been deleted'],
	[/Nexthop has invalid gateway/i, 'the gateway is not on a subnet this namespace is connected to: add an address on its subnet first'],
	[/Network is unreachable/i, 'no route leads there: add a route or an address on that subnet'],
	[/Operation not permitted|Permission denied/i, 'this needs root or CAP_NET_ADMIN (try sudo, or nsdeck lab)'],
	[/Device or resource busy/i, 'the device or namespace is in use: something still holds it'],
	[/Cannot open network namespace|No such file or directory/i, 'that namespace is gone'],
	[/Invalid prefix for given prefix length/i, 'the destination has host bits set: use the network address'],
	[/Specified qdisc kind is unknown/i, "this kernel lacks that qdisc's module (netem is sch_netem: modprobe sch_netem, or a kernel that has it)"],
	[/RTNETLINK answers: No such process/i, 'no such route or address to delete'],
];

export function hintFor(message: string): string | undefined {
	return HINTS.find(([pattern]) => pattern.test(message))?.[1];
}
