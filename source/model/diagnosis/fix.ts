// The one step that repairs a break, where nsdeck can make it: forwarding on, a link up, a route, an
// address. The ping panel opens the ordinary plan preview for it (state/ping-fix.ts); a firewall rule (or a
// sysctl nsdeck has no form for, disable_ipv6) is never changed: its fix is only a command shown.
export type Fix =
	| {readonly kind: 'forwarding'; readonly ns: string; readonly family: 4 | 6}
	| {readonly kind: 'linkUp'; readonly ns: string; readonly link: string}
	| {readonly kind: 'route'; readonly ns: string; readonly dst: string; readonly gateway?: string; readonly dev?: string}
	| {readonly kind: 'address'; readonly ns: string; readonly link: string; readonly cidr: string}
	| {readonly kind: 'command'; readonly text: string; /** Why nsdeck does not run it (default: firewalls). */ readonly why?: string};

/** The fix in words, for the panel's offer. */
export function fixText(fix: Fix): string {
	switch (fix.kind) {
		case 'forwarding':
			return `turn IPv${fix.family} forwarding on in ${fix.ns}`;
		case 'linkUp':
			return `set ${fix.link} in ${fix.ns} up`;
		case 'route':
			return `add the route ${fix.dst}${fix.gateway ? ` via ${fix.gateway}` : ''}${fix.dev ? ` dev ${fix.dev}` : ''} in ${fix.ns}`;
		case 'address':
			return `add ${fix.cidr} to ${fix.link} in ${fix.ns}`;
		case 'command':
			return `run it yourself: ${fix.text}`;
	}
}

