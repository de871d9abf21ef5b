// Nexthop objects (`ip nexthop`) in a world file: one hop (`via` and/or `dev`), a blackhole, or a group
// of other objects with weights, each by its id, which routes name with `nhid`. Read from the kernel's
// record and from a file into one spelling, written in one order, and made with the exact `ip` words.
import {checkInterfaceName, parseIp} from '../validate.js';
import type {NexthopObject} from '../types.js';
import type {Checker} from './checker.js';
import type {DeclaredNexthop} from './types.js';
import type {Path} from './yaml-source.js';

/** Protocols of objects a routing daemon made: not saved, never touched. */
const DAEMONS = new Set(['zebra', 'bird', 'babel', 'bgp', 'ospf', 'isis', 'rip', 'static', 'kernel']);

/** A kernel nexthop object as a file declares it; undefined for a daemon's or an fdb one (nsdeck makes none). */
export function declaredNexthop(nh: NexthopObject): DeclaredNexthop | undefined {
	if ((nh.protocol && DAEMONS.has(nh.protocol)) || nh.fdb) return undefined;
	return {
		id: nh.id,
		...(nh.group ? {group: nh.group.map((m) => ({id: m.id, weight: m.weight ?? 1}))} : {}),
		...(nh.gateway ? {via: nh.gateway} : {}),
		...(nh.dev ? {dev: nh.dev} : {}),
		...(nh.blackhole ? {blackhole: true} : {}),
		...(nh.flags.includes('onlink') ? {onlink: true} : {}),
	};
}

export const nexthopKey = (nh: DeclaredNexthop): string =>
	JSON.stringify([nh.id, (nh.group ?? []).map((m) => [m.id, m.weight]), nh.via ?? '', nh.dev ?? '', nh.blackhole === true, nh.onlink === true]);

/** Singles before the groups that name them; by id. */
export const nexthopOrder = (a: DeclaredNexthop, b: DeclaredNexthop): number => Number(a.group !== undefined) - Number(b.group !== undefined) || a.id - b.id;

/** The words after `ip nexthop add|replace`. */
export function nexthopArgs(nh: DeclaredNexthop): string[] {
	const args = ['id', String(nh.id)];
	if (nh.group) args.push('group', nh.group.map((m) => (m.weight === 1 ? String(m.id) : `${m.id},${m.weight}`)).join('/'));
	if (nh.via) args.push('via', nh.via);
	if (nh.dev) args.push('dev', nh.dev);
	if (nh.onlink) args.push('onlink');
	if (nh.blackhole) args.push('blackhole');
	return args;
}

/** One `nexthops` entry of a file. */
export function readNexthop(c: Checker, value: unknown, path: Path): DeclaredNexthop {
	const f = c.fields(value, path, ['id', 'via', 'dev', 'onlink', 'blackhole', 'group']);
	const id = c.whole(f.id, [...path, 'id'], 1, 4294967295) ?? c.fail(path, 'needs an id (a whole number from 1)');
	const via = c.text(f.via, [...path, 'via'], (t) => (parseIp(t) ? undefined : 'not an IP address'));
	const dev = c.text(f.dev, [...path, 'dev'], checkInterfaceName);
	const blackhole = c.flag(f.blackhole, [...path, 'blackhole']) === true;
	const group = f.group === undefined ? undefined : c.list(f.group, [...path, 'group']).map((m, i) => {
		const at = [...path, 'group', i];
		const member = c.fields(m, at, ['id', 'weight']);
		return {id: c.whole(member.id, [...at, 'id'], 1, 4294967295) ?? c.fail(at, 'needs the id of a nexthop object'), weight: c.whole(member.weight, [...at, 'weight'], 1, 256) ?? 1};
	});
	const ways = [group !== undefined, blackhole, via !== undefined || dev !== undefined].filter(Boolean).length;
	if (ways !== 1) c.fail(path, 'is one of: via and/or dev, blackhole: true, or a group');
	if (group && group.length === 0) c.fail([...path, 'group'], 'a group names one object or more');
	return {
		id,
		...(group ? {group} : {}),
		...(via ? {via: parseIp(via)?.address} : {}),
		...(dev ? {dev} : {}),
		...(blackhole ? {blackhole} : {}),
		...(c.flag(f.onlink, [...path, 'onlink']) ? {onlink: true} : {}),
	};
}

type Out = Record<string, unknown>;

/** As written in a file: absent values left out. */
export function nexthopOut(nh: DeclaredNexthop): Out {
	const entries: Array<[string, unknown]> = [
		['id', nh.id],
		['group', nh.group?.map((m) => (m.weight === 1 ? {id: m.id} : {id: m.id, weight: m.weight}))],
		['via', nh.via],
		['dev', nh.dev],
		['onlink', nh.onlink],
		['blackhole', nh.blackhole],
	];
	return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
}
