// The names `ip` gives to route tables, protocols and scopes: its built-in ones, plus whatever the admin
// wrote into /etc/iproute2 (rt_tables, rt_protos, rt_scopes and their .d directories). nsdeck's own
// netlink reader must name things exactly as `ip` does, or one namespace would say "table 100" and the
// next "table vpn".

export interface IprouteNames {
	readonly tables: ReadonlyMap<number, string>;
	readonly protocols: ReadonlyMap<number, string>;
	readonly scopes: ReadonlyMap<number, string>;
	/** Names of tos values (rt_dsfield: `0x28 AF11`); ip has none built in. */
	readonly dsfields?: ReadonlyMap<number, string>;
}

/** ip's built-in names; its files may add more. */
export const BUILTIN_NAMES: IprouteNames = {
	tables: new Map([
		[0, 'unspec'],
		[253, 'default'],
		[254, 'main'],
		[255, 'local'],
	]),
	protocols: new Map([
		[0, 'unspec'],
		[1, 'redirect'],
		[2, 'kernel'],
		[3, 'boot'],
		[4, 'static'],
		[8, 'gated'],
		[9, 'ra'],
		[10, 'mrt'],
		[11, 'zebra'],
		[12, 'bird'],
		[13, 'dnrouted'],
		[14, 'xorp'],
		[15, 'ntk'],
		[16, 'dhcp'],
		[18, 'keepalived'],
		[42, 'babel'],
		[99, 'openr'],
		[186, 'bgp'],
		[187, 'isis'],
		[188, 'ospf'],
		[189, 'rip'],
		[192, 'eigrp'],
	]),
	scopes: new Map([
		[0, 'global'],
		[200, 'site'],
		[253, 'link'],
		[254, 'host'],
		[255, 'nowhere'],
	]),
};

/** `NUMBER NAME` lines of an iproute2 names file (decimal or 0x hex; # starts a comment). */
export function parseNamesFile(text: string): Map<number, string> {
	const names = new Map<number, string>();
	for (const line of text.split('\n')) {
		const [number, name] = line.replace(/#.*/, '').trim().split(/\s+/);
		if (!number || !name) continue;
		const id = Number(number);
		if (Number.isInteger(id) && id >= 0) names.set(id, name);
	}
	return names;
}

/** Built-in names with the files' names over them. */
export function withNames(base: IprouteNames, files: {readonly tables?: string; readonly protocols?: string; readonly scopes?: string; readonly dsfields?: string}): IprouteNames {
	const merge = (into: ReadonlyMap<number, string>, text?: string): Map<number, string> => new Map([...into, ...parseNamesFile(text ?? '')]);
	return {
		tables: merge(base.tables, files.tables),
		protocols: merge(base.protocols, files.protocols),
		scopes: merge(base.scopes, files.scopes),
		dsfields: merge(base.dsfields ?? new Map(), files.dsfields),
	};
}

/** A tos value as ip prints it (rtnl_dsfield_n2a): its rt_dsfield name, or `0x10` (two hex digits at least). */
export const tosName = (names: IprouteNames, tos: number): string => names.dsfields?.get(tos) ?? `0x${tos.toString(16).padStart(2, '0')}`;

export const nameOf = (names: ReadonlyMap<number, string>, id: number): string => names.get(id) ?? String(id);
