// Reads what a plan may change in one namespace, exactly as ip prints it (model/kernel-state.ts): before a
// plan runs, after it, and after an undo. One `ip -j -d` batch (addresses with their links, routes of every
// table and both families, IPv4 rules, permanent neighbours), IPv6 rules (batch lines take no -6), nexthop
// objects, and the forwarding switches from inside. A few processes per namespace; a plan touches a handful.
import {readStateLinks, readStateRoutes, stableRecord, type NamespaceState} from '../model/kernel-state.js';
import {inNamespace, type NetnsLocation} from './netns-location.js';
import type {Runner} from './runner.js';

const BATCH = 'addr show\nroute show table all\nrule show\nneigh show nud permanent\n';
const FORWARDING = ['/proc/sys/net/ipv4/ip_forward', '/proc/sys/net/ipv6/conf/all/forwarding'];

const records = (json: string | undefined): Array<Record<string, unknown>> => (json ? (JSON.parse(json) as Array<Record<string, unknown>>) : []);

/** One namespace's state, or undefined when it could not be read (gone). */
export async function readNamespaceState(run: Runner, location: NetnsLocation): Promise<NamespaceState | undefined> {
	const main = await run(inNamespace(location, ['ip', '-j', '-d', '-b', '-']), {input: BATCH, timeoutMs: 10_000});
	const docs = main.stdout.split('\n').filter((line) => line.startsWith('['));
	if (docs.length !== 4) return undefined;
	const rules6 = await run(inNamespace(location, ['ip', '-6', '-j', 'rule', 'show']), {timeoutMs: 10_000});
	// Apart from the batch: a kernel without nexthop objects refuses the command, and the rest still counts.
	const nexthops = await run(inNamespace(location, ['ip', '-j', 'nexthop', 'show']), {timeoutMs: 10_000});
	const forwarding = await run(inNamespace(location, ['cat', ...FORWARDING]), {timeoutMs: 10_000});
	const [v4, v6] = forwarding.stdout.split('\n').map((l) => l.trim() === '1');
	return {
		id: location.id,
		links: readStateLinks(docs[0]),
		routes: readStateRoutes(docs[1]),
		rules: [...records(docs[2]).map((r) => ({...stableRecord(r), family: 4})), ...records(rules6.stdout.trim() || '[]').map((r) => ({...stableRecord(r), family: 6}))],
		neighbours: records(docs[3]).map(stableRecord),
		nexthops: nexthops.exitCode === 0 ? records(nexthops.stdout.trim() || '[]').map(stableRecord) : [],
		...(forwarding.exitCode === 0 ? {forwarding: {4: v4 ?? false, 6: v6 ?? false}} : {}),
	};
}

export interface LinkNow {
	readonly ifindex: number;
	readonly name: string;
}

/** The namespace's links by ifindex and name, read right before a step; undefined when it is gone. */
export async function readLinkNames(run: Runner, location: NetnsLocation): Promise<readonly LinkNow[] | undefined> {
	const result = await run(inNamespace(location, ['ip', '-j', 'link', 'show']), {timeoutMs: 10_000});
	if (result.exitCode !== 0) return undefined;
	try {
		return records(result.stdout).map((l) => ({ifindex: Number(l.ifindex), name: String(l.ifname)}));
	} catch {
		return undefined;
	}
}
