// p: ping from the selected namespace; x: run one command in it. Forms like the others (validated,
// previewing the exact command), but what they make only looks: it is not a Plan that changes the world,
// so the app hands it to the ping panel or the output panel instead of runPlan.
import {ip as ipaddr} from '../../model/ip-address.js';
import {HOST_ID, type World} from '../../model/types.js';
import {findNs, parseIp} from '../../model/validate.js';
import {readTypedLine} from '../../model/shell-line.js';
import {commandArgv, pingArgv, shellLineArgv, type PingRequest} from '../../plans/exec-commands.js';
import type {Plan} from '../../plans/plan.js';
import {errorsOf, text, type FormSpec, type FormValues} from './form-spec.js';

/** A plan-shaped preview of a ping: one step, nothing to undo, nothing affected. */
export interface PingPlan extends Plan {
	readonly ping: PingRequest;
}

export interface CommandPlan extends Plan {
	/** `line`: as typed, offered again by the next x. */
	readonly command: {readonly ns: string; readonly argv: readonly string[]; readonly line: string};
}

export const OTHER_TARGET = 'other address…';

export interface KnownAddress {
	readonly address: string;
	readonly ns: string;
	readonly link: string;
	/** `10.1.1.2 (ns2/veth_ns2)`: what the choice shows. */
	readonly label: string;
}

/**
 * Addresses worth pinging: other named namespaces first, then the host, then this namespace's own. No
 * loopback (every namespace has its own) and no link-local IPv6 (ping would need an interface too).
 */
export function knownAddresses(world: World, fromNs: string): KnownAddress[] {
	const all = world.namespaces.flatMap((ns) =>
		ns.links.flatMap((link) =>
			link.addresses
				.filter((a) => a.scope !== 'host' && a.scope !== 'link')
				.map((a) => ({address: a.local, ns: ns.id, link: link.name, label: `${a.local} (${ns.id}/${link.name})`})),
		),
	);
	const rank = (a: KnownAddress): number => (a.ns === fromNs ? 2 : a.ns === HOST_ID ? 1 : 0);
	return all.map((a, i) => ({a, i})).sort((x, y) => rank(x.a) - rank(y.a) || x.i - y.i).map(({a}) => a);
}

/** The likeliest target: an address in another namespace on a subnet this one has an address in. */
function likelyTarget(world: World, ns: string, known: readonly KnownAddress[]): string {
	const mine = (findNs(world, ns)?.links ?? []).flatMap((l) => l.addresses.filter((a) => a.scope === 'global'));
	const sameSubnet = known.find((k) => k.ns !== ns && mine.some((a) => prefixMatch(a.local, k.address, a.prefixlen)));
	return (sameSubnet ?? known.find((k) => k.ns !== ns) ?? known[0])?.label ?? OTHER_TARGET;
}

function prefixMatch(a: string, b: string, bits: number): boolean {
	const x = ipaddr.parse(a);
	const y = ipaddr.parse(b);
	return x.kind() === y.kind() && x.match(y, bits);
}

const COUNT = /^\d{1,6}$/;
/** A ping's whole run, with room for its wait and the timeout's margin, must fit in one timer (see exec-commands.ts). */
const MAX_PING_SECONDS = 24 * 86_400;
const INTERVAL = /^\d{1,4}(?:\.\d{1,3})?$/;

function checkTarget(value: string): string | undefined {
	if (value === '') return 'an address is needed, e.g. 10.1.1.9';
	const ip = parseIp(value);
	if (!ip) return 'not an IP address (-n: no names)';
	if (ip.family === 6 && ip.address.startsWith('fe80:')) return 'link-local needs an interface: use a global address';
	return undefined;
}

/** A typed other address wins over the choice: whoever typed one means it (the preset stays shown above). */
const usesOther = (v: FormValues): boolean => text(v, 'target') === OTHER_TARGET || text(v, 'other') !== '';

function targetOf(v: FormValues, known: readonly KnownAddress[]): string {
	const chosen = text(v, 'target');
	return usesOther(v) ? text(v, 'other') : (known.find((k) => k.label === chosen)?.address ?? '');
}

export function pingRequestOf(v: FormValues, ns: string, known: readonly KnownAddress[]): PingRequest {
	const target = targetOf(v, known);
	const ip = parseIp(target);
	return {ns, target: ip?.address ?? target, family: ip?.family ?? 4, count: Number(text(v, 'count')), interval: Number(text(v, 'interval'))};
}

export function pingForm(world: World, ns: string, previous?: PingRequest): FormSpec<PingPlan> {
	// Not its own addresses: a ping to itself says nothing about the network. "other address…" stays last.
	const known = knownAddresses(world, ns).filter((k) => k.ns !== ns);
	const options = [...known.map((k) => k.label), OTHER_TARGET];
	const previousLabel = previous && (known.find((k) => k.address === previous.target)?.label ?? OTHER_TARGET);
	return {
		title: `Ping from ${ns}`,
		fields: [
			{id: 'target', label: 'Target', kind: 'choice', options, typedInto: 'other'},
			{id: 'other', label: 'Other address', kind: 'text', placeholder: 'e.g. 10.1.1.9'},
			{id: 'count', label: 'Count', kind: 'text', placeholder: 'packets, e.g. 4'},
			{id: 'interval', label: 'Interval (s)', kind: 'text', placeholder: 'at least 0.2'},
		],
		initial: {
			target: previousLabel ?? likelyTarget(world, ns, known),
			other: previousLabel === OTHER_TARGET && previous ? previous.target : '',
			count: String(previous?.count ?? 4),
			interval: String(previous?.interval ?? 1),
		},
		validate(v) {
			const count = text(v, 'count');
			const interval = text(v, 'interval');
			return errorsOf({
				other: usesOther(v) ? checkTarget(text(v, 'other')) : undefined,
				count: COUNT.test(count) && Number(count) >= 1 && Number(count) <= 100_000 ? undefined : 'a whole number of packets, 1 to 100000',
				interval: !INTERVAL.test(interval)
					? 'seconds between packets, e.g. 1 or 0.5'
					: Number(interval) < 0.2
						? 'at least 0.2: ping refuses less without root'
						: Number(interval) > 3600
							? 'at most 3600'
							: Number(count) * Number(interval) > MAX_PING_SECONDS
								? `count × interval is at most ${MAX_PING_SECONDS / 86_400} days (the longest timer nsdeck can set)`
								: undefined,
			});
		},
		plan(v): PingPlan {
			const ping = pingRequestOf(v, ns, known);
			return {title: `Ping ${ping.target} from ${ns}`, steps: [{argv: pingArgv(ping)}], dangerous: false, affects: [], ping};
		},
	};
}

export function commandForm(ns: string, previous = ''): FormSpec<CommandPlan> {
	const where = ns === HOST_ID ? 'the host' : ns;
	return {
		// Fits 80 columns with a short name: that a line with shell syntax means what a shell makes of it.
		title: `Run one command in ${where} (with | > $( ) * it runs through sh -c)`,
		// The last command is offered, not kept: typing starts a new one, Enter on nothing runs it again.
		fields: [{id: 'command', label: 'Command', kind: 'text', placeholder: 'e.g. ss -tlnp, ip neigh, cat /proc/net/dev', ...(previous ? {fallback: `${previous}  (Enter runs it again)`} : {})}],
		initial: {command: ''},
		validate(v) {
			const line = text(v, 'command') || previous;
			if (line === '') return {command: 'type a command, e.g. ip neigh'};
			if (/[\u0000-\u001F\u007F]/.test(line)) return {command: 'control characters are not allowed'};
			const typed = readTypedLine(line);
			return typed.kind === 'error' ? {command: typed.error} : {};
		},
		plan(v): CommandPlan {
			const line = text(v, 'command') || previous;
			const typed = readTypedLine(line);
			const argv = typed.kind === 'shell' ? shellLineArgv(ns, typed.line) : commandArgv(ns, typed.kind === 'argv' ? typed.words : []);
			// Said in the preview: a pipe typed here is sh's, not a word handed to the program.
			const consequences = typed.kind === 'shell' ? [`runs through sh -c because of its shell syntax: ${typed.syntax.join(' ')}`] : undefined;
			return {title: `Run in ${ns}`, steps: [{argv}], dangerous: false, affects: [ns], ...(consequences ? {consequences} : {}), command: {ns, argv, line}};
		},
	};
}
