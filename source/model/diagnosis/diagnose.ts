// Why a ping failed, in plain words: the firewall rule whose counter rose by the lost echoes, else the
// first hop of the traced way (path.ts) that breaks, with its evidence, else what the firewalls could do,
// else 100 % loss with everything visible passing it on. The likeliest cause first. Pure.
import {pingMissing} from '../ping-output.js';
import type {World} from '../types.js';
import {findNs, parseIp} from '../validate.js';
import {NO_EVIDENCE, type Evidence} from './evidence.js';
import {bridgeTrap, firewallFindings, unreadFirewalls} from './firewall-verdict.js';
import type {Fix} from './fix.js';
import {firstBreak, tracePing, type Trace} from './path.js';
import {lostEchoes, pingFailed, type PingOutcome} from './outcome.js';
import {addressHolder, onSubnet, subnetOf} from './places.js';
import {shortRoute} from './route-lookup.js';
import type {Crossing} from './across-hosts.js';

export interface Explanation {
	/** Plain sentences, the likeliest cause first; empty when there is nothing to explain. */
	readonly reasons: readonly string[];
	readonly trace?: Trace;
	/** The one step that repairs the first cause, where there is one. */
	readonly fix?: Fix;
	/** A firewall that stopped the echoes (by its counters, or its policy): where the way is marked broken. */
	readonly firewall?: {readonly ns: string; readonly text: string};
	/** Several servers: the tunnel the echo leaves its server through (across-hosts.ts). */
	readonly crossing?: Crossing;
}

/** Several servers: finds the tunnel a traced way leaves its server through (across-hosts.ts's crossingOf). */
export type FindCrossing = (trace: Trace | undefined) => Crossing | undefined;

/** The route back that the target's namespace lacks: to the source, by the link the echo came in on. */
function routeBackFix(trace: Trace): Fix | undefined {
	const arrived = trace.there.hops.at(-1);
	const previous = trace.there.hops.at(-2);
	if (!arrived?.inLink || !trace.source) return undefined;
	const inLink = arrived.inLink;
	if (onSubnet(inLink, trace.source)) return {kind: 'route', ns: arrived.ns.id, dst: trace.source.address, dev: inLink.name};
	const gateway = previous?.out?.addresses.find((a) => a.family === trace.source?.family && inLink.addresses.some((b) => subnetOf(b.local, b.prefixlen) === subnetOf(a.local, b.prefixlen)))?.local;
	const sourcePrefix = trace.there.hops[0]?.ns.links.flatMap((l) => l.addresses).find((a) => a.local === trace.source?.address)?.prefixlen;
	const dst = sourcePrefix === undefined ? trace.source.address : subnetOf(trace.source.address, sourcePrefix);
	return gateway ? {kind: 'route', ns: arrived.ns.id, dst, gateway, dev: inLink.name} : undefined;
}

export function explainPing(world: World, nsId: string, target: string, outcome: PingOutcome, evidence: Evidence = NO_EVIDENCE, across?: FindCrossing): Explanation {
	if (outcome.errorText && pingMissing(outcome.errorText)) return {reasons: ['ping is not installed: install the iputils-ping package (apt-get install iputils-ping)']};
	if (!pingFailed(outcome)) return {reasons: []};
	const ns = findNs(world, nsId);
	if (!ns) return {reasons: [`namespace ${nsId} no longer exists`]};
	const ip = parseIp(target);
	if (!ip) return {reasons: [`${target} is not an IP address`]};
	const own = ns.links.find((l) => l.addresses.some((a) => a.local === ip.address));
	if (own) {
		const lo = ns.links.find((l) => l.kind === 'loopback');
		if (lo && !lo.adminUp) return {reasons: [`lo in ${nsId} is down: a namespace reaches its own addresses (${ip.address} on ${own.name}) through lo`], fix: {kind: 'linkUp', ns: nsId, link: lo.name}};
		return {reasons: genericLoss(outcome, target, `${ip.address} is ${nsId}'s own address`)};
	}
	const trace = tracePing(world, nsId, target, evidence);
	const crossing = across?.(trace);
	const findings = firewallFindings(world.namespaces, trace, evidence, lostEchoes(outcome));
	const counted = findings.filter((f) => f.counted);
	const policy = findings.find((f) => !f.counted && f.text.includes('drops it by policy'));
	const reasons: string[] = counted.map((f) => f.text);
	let fix = counted[0]?.fix;
	const broken = firstBreak(trace);
	if (broken?.hop.broken && counted.length === 0) {
		const b = broken.hop.broken;
		reasons.push(b.text, ...(b.details ?? []));
		fix ??= b.fix ?? (broken.back && broken.hop === trace?.back?.hops[0] && !broken.hop.route && trace ? routeBackFix(trace) : undefined);
	}
	if (!broken && counted.length === 0) {
		reasons.push(...findings.map((f) => f.text));
		fix ??= findings[0]?.fix;
		reasons.push(...bridgeTrap(trace, evidence));
	}
	// A tunnel that carries nothing is certain to lose every echo: first. Else where it goes, after the rest.
	if (crossing?.cause) reasons.unshift(crossing.text);
	reasons.push(...unreadFirewalls(evidence));
	if (crossing && !crossing.cause && reasons.length > 0) reasons.push(crossing.text);
	const firstCause = reasons.length;
	if (firstCause === 0 && outcome.icmpErrors.some((e) => /Host Unreachable|Address unreachable/i.test(e))) {
		const out = trace?.there.hops.at(-1)?.out;
		reasons.push(`nothing on ${out?.name ?? 'the link'} answered for ${ip.address} (Destination Host Unreachable: no neighbour has that address)`);
	}
	if (reasons.length === 0) {
		const last = trace?.there.hops.at(-1);
		const holder = addressHolder(world, ip.address);
		const where = holder ? `${ip.address} is on ${holder.ns.id}/${holder.link.name}` : crossing ? `its way goes on to ${crossing.host}` : `no namespace nsdeck can see holds ${ip.address}`;
		reasons.push(...genericLoss(outcome, target, where));
		if (crossing) reasons.push(crossing.text);
		else if (trace?.there.leaves && last?.route) reasons.push(`the echo leaves what nsdeck sees at ${last.out?.name ?? '?'} in ${last.ns.id} (${shortRoute(last.route)})${last.route.gateway && !/^169\.254\.|^fe[89ab]/i.test(last.route.gateway) && last.nextAddress === last.route.gateway ? `: the gateway ${last.route.gateway} is in no namespace nsdeck can see` : ''}`);
	}
	const blamed = counted[0] ?? (broken ? undefined : policy);
	return {reasons, trace, fix, firewall: blamed && {ns: blamed.ns, text: blamed.text}, crossing};
}

/** The reasons alone, as the panel and the tests read them. */
export const diagnosePing = (world: World, nsId: string, target: string, outcome: PingOutcome, evidence?: Evidence): string[] => [
	...explainPing(world, nsId, target, outcome, evidence).reasons,
];

function genericLoss(outcome: PingOutcome, target: string, where: string): string[] {
	const s = outcome.summary;
	if (!s) return outcome.errorText ? [outcome.errorText.split('\n')[0].replace(/^(?!ping:)/, 'ping: ')] : [];
	if (s.received === 0) return [`100% loss, though every interface nsdeck sees on the way is up; ${where}: a firewall may drop ICMP, or nothing answers ${target}`];
	return [`${s.lossPercent}% loss: some replies did not come back in time; ${where}`];
}
