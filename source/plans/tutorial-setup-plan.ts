// A tutorial opened from the lab's picker builds its starting world as any change does: a plan of the
// exact `ip` commands, shown before it runs. (`nsdeck tutorial NAME` runs the same commands while the lab
// is made, before anything is on screen.) In a lab whose world does not fit the tutorial's start
// (model/tutorial/fit.ts), the plan first deletes what is there: the lab is reset to the tutorial's world.
import {netnsName} from '../model/netns-id.js';
import {buildTopology, linkKey} from '../model/topology.js';
import type {Tutorial} from '../model/tutorial/types.js';
import {HOST_ID, type Link, type World} from '../model/types.js';
import type {WorldFile} from '../model/world-file/types.js';
import {diffWorld} from './world-diff.js';
import type {Plan, Step} from './plan.js';
import {FORWARDING_KEYS} from './route-plans.js';

/** The lab nsdeck starts from: the host and its loopback, nothing else. */
const LOOPBACK: Link = {ifindex: 1, name: 'lo', kind: 'loopback', state: 'UNKNOWN', flags: ['LOOPBACK', 'UP'], adminUp: true, noCarrier: false, mac: '00:00:00:00:00:00', mtu: 65536, addresses: []};
const EMPTY_LAB: World = {namespaces: [{id: HOST_ID, kind: 'host', path: '/proc/1/ns/net', links: [LOOPBACK], routes: [], nsids: [], forwarding: {4: false, 6: false}}]};

/**
 * A tutorial that names its world as a file: its setup is the plan that makes that world from the empty
 * lab (the same plan `nsdeck apply` would run there), so it is shown, checked for fit and run as any
 * tutorial's setup. What cannot be planned is an error naming the file.
 */
export function tutorialWithWorld(tutorial: Tutorial, file: WorldFile): Tutorial {
	const diff = diffWorld(file, EMPTY_LAB, {title: `Set up tutorial ${shortName(tutorial)}`});
	if (diff.problems.length > 0) throw new Error(`${tutorial.world ?? tutorial.name}: ${diff.problems.join('; ')}`);
	return {...tutorial, setup: (diff.plan?.steps ?? []).map((s) => s.argv)};
}

/** Short enough for a header at 80 columns: a built-in tutorial by its number, another by its file's name. */
const shortName = (tutorial: Tutorial): string => /^\d+(?=-)/.exec(tutorial.name)?.[0] ?? tutorial.name;

export function tutorialSetupPlan(tutorial: Tutorial): Plan {
	return {
		title: `Set up tutorial ${shortName(tutorial)}`,
		steps: tutorial.setup.map((argv) => ({argv})),
		dangerous: false,
		affects: [HOST_ID],
	};
}

/**
 * The host's interfaces to delete, each once: not lo, not a veth whose other end (in the host) is deleted
 * already, and not a device stacked on another host device (it goes with it). A second delete of what went
 * with the first would fail, and stop the plan.
 */
function hostLinksToDelete(world: World): string[] {
	const host = world.namespaces.find((n) => n.id === HOST_ID);
	if (!host) return [];
	const topology = buildTopology(world);
	const gone = new Set<string>();
	const names: string[] = [];
	for (const link of host.links) {
		if (link.kind === 'loopback' || link.name === 'lo' || gone.has(link.name)) continue;
		const lower = topology.lowers.get(linkKey(HOST_ID, link.ifindex));
		if (lower?.ns === HOST_ID) continue;
		names.push(link.name);
		gone.add(link.name);
		const peer = topology.peers.get(linkKey(HOST_ID, link.ifindex));
		if (peer?.ns === HOST_ID) gone.add(peer.name);
	}
	return names;
}

/**
 * Reset the lab to the tutorial's world: delete the host's interfaces (a veth's other end goes with its
 * end, wherever it is), then the named namespaces, turn the host's forwarding back off, then the setup.
 * Namespaces without a name (held by a process, or mounted elsewhere) cannot be deleted by `ip`: they stay.
 */
export function tutorialResetPlan(tutorial: Tutorial, world: World): Plan {
	const links = hostLinksToDelete(world);
	const named = world.namespaces.flatMap((n) => netnsName(n.id) ?? []);
	const host = world.namespaces.find((n) => n.id === HOST_ID);
	const forwarding = ([4, 6] as const).filter((family) => host?.forwarding?.[family] === true);
	const steps: Step[] = [
		...links.map((name) => ({argv: ['ip', 'link', 'delete', 'dev', name]})),
		...named.map((name) => ({argv: ['ip', 'netns', 'delete', name]})),
		...forwarding.map((family) => ({argv: ['sysctl', '-w', `${FORWARDING_KEYS[family]}=0`]})),
		...tutorial.setup.map((argv) => ({argv})),
	];
	const unnamed = world.namespaces.filter((n) => n.id !== HOST_ID && netnsName(n.id) === undefined).length;
	const consequences = [
		...(links.length > 0 ? [`the host's interfaces are deleted: ${links.join(', ')}`] : []),
		...(named.length > 0 ? [`the namespaces are deleted, with all they hold: ${named.join(', ')}`] : []),
		...(forwarding.length > 0 ? ["the host's forwarding goes back off"] : []),
		...(unnamed > 0 ? [`${unnamed} namespace${unnamed === 1 ? '' : 's'} without a name (held by a process) stay${unnamed === 1 ? 's' : ''}`] : []),
		tutorial.setup.length > 0 ? `then the tutorial's world is built (${tutorial.setup.length} commands)` : 'then the tutorial starts from the empty lab',
	];
	return {
		title: `Reset the lab for tutorial ${shortName(tutorial)}`,
		steps,
		dangerous: true,
		destructive: true,
		consequences,
		affects: world.namespaces.map((n) => n.id),
	};
}
