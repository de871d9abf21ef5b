// A ping whose echo leaves its server through a tunnel to another listed server: the way over it
// (across-hosts.ts), and the far server's firewalls, read through its own connection before and after
// the ping, so that a rule there whose counter rose by the lost echoes is named as the cause.
import {crossingOf, farNamespaces, type FarFirewalls} from '../../model/diagnosis/across-hosts.js';
import type {FindCrossing} from '../../model/diagnosis/diagnose.js';
import type {Evidence} from '../../model/diagnosis/evidence.js';
import {tracePing} from '../../model/diagnosis/path.js';
import type {Netns, World} from '../../model/types.js';
import {evidenceOf} from '../../system/diagnosis-read.js';
import type {System} from '../../system/system.js';
import type {FleetMapInput} from '../topology/fleet-map.js';

/** Several servers, as a ping needs them: what the map draws, and each server's System by its name. */
export interface FleetPing {
	readonly map: () => FleetMapInput;
	readonly systemOf: (host: string) => System | undefined;
}

/** What was read on the far server before the ping: where, and its firewalls then. */
export interface FarRead {
	readonly host: string;
	readonly system: System;
	readonly namespaces: readonly Netns[];
	readonly evidence: Evidence;
}

/** Finds the tunnel an echo leaves the active server through (across-hosts.ts), with the far firewalls if read. */
export function acrossFleet(map: FleetMapInput | undefined, firewalls?: FarFirewalls): FindCrossing | undefined {
	if (!map) return undefined;
	const read = map.hosts.flatMap((h) => (h.world ? [{host: h.host, world: h.world}] : []));
	return (trace) => crossingOf(trace, map.hosts[map.active].host, read, map.tunnels, firewalls);
}

/** Before the ping: the server its echo would cross to, and the firewalls there on its way. Never throws. */
export async function readFarBefore(fleet: FleetPing | undefined, world: World, ns: string, target: string): Promise<FarRead | undefined> {
	const map = fleet?.map();
	const crossing = acrossFleet(map)?.(tracePing(world, ns, target));
	const far = crossing && map?.hosts.find((h) => h.host === crossing.host)?.world;
	const system = crossing && fleet?.systemOf(crossing.host);
	const readFacts = system?.readNamespaceFacts;
	if (!crossing || !far || !system || !readFacts) return undefined;
	const ids = new Set(farNamespaces(crossing));
	const namespaces = far.namespaces.filter((n) => ids.has(n.id) && !n.error && !n.pending);
	const evidence = await evidenceOf((n) => readFacts.call(system, n), namespaces).catch(() => undefined);
	return evidence && {host: crossing.host, system, namespaces, evidence};
}

/** After it: the same firewalls again, whose counters' rise names a rule there. Never throws. */
export async function readFarAfter(before: FarRead | undefined, lost: number): Promise<FarFirewalls | undefined> {
	const readFacts = before?.system.readNamespaceFacts;
	if (!before || !readFacts) return undefined;
	const evidence = await evidenceOf((n) => readFacts.call(before.system, n), before.namespaces, before.evidence).catch(() => undefined);
	return evidence && {host: before.host, evidence, lost};
}
