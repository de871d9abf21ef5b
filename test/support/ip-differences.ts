// How the helper's JSON (nsdeck-netdump) is held to ip's: every key it writes, ip writes, with the same value.
type Json = Record<string, unknown>;

/** Where the helper's record says something ip's does not, or says it otherwise: `where: what`. */
export function differences(helper: unknown, ip: unknown, where: string): string[] {
	// Named from /etc/iproute2 by nsdeck, as ip names them: the helper leaves them as numbers.
	if (/\.(table|protocol|scope|tos)$/.test(where) && typeof helper === 'number' && !/info_data\.table$/.test(where)) return [];
	if (Array.isArray(helper)) {
		if (!Array.isArray(ip) || ip.length !== helper.length) return [`${where}: ${JSON.stringify(helper)} ≠ ip ${JSON.stringify(ip)}`];
		return helper.flatMap((item, i) => differences(item, ip[i], `${where}[${i}]`));
	}
	if (typeof helper === 'object' && helper !== null) {
		if (typeof ip !== 'object' || ip === null) return [`${where}: ip has no object`];
		return Object.entries(helper).flatMap(([key, value]) => (key in ip ? differences(value, (ip as Json)[key], `${where}.${key}`) : [`${where}.${key}: only the helper has it`]));
	}
	return helper === ip ? [] : [`${where}: ${JSON.stringify(helper)} ≠ ip ${JSON.stringify(ip)}`];
}
