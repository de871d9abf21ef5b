// The guard against locking yourself out: a plan that takes away part of the path of the user's own SSH
// session (model/ssh-session.ts) is flagged with the reason, the name to type before it runs, and whether
// it can be undone by itself (every step has an undo), which the keep-or-undo countdown needs. Judged
// twice: by what the plan says it takes away (touches), and on the world as the plan would leave it
// (its effects applied: model/planned-world.ts), so that a new, more specific route that steals the
// client's path, a rule, or forwarding turned off in a namespace that routes the session is caught too.
import {routeKey} from '../model/format.js';
import {applyPlanned} from '../model/planned-world.js';
import {routeTo, type SessionPath} from '../model/ssh-session.js';
import type {Route, World} from '../model/types.js';
import {findNs} from '../model/validate.js';
import type {Plan, Touch} from './plan.js';

export interface SessionRisk {
	/** In plain words, for the preview, in colour. */
	readonly reason: string;
	/** What the user types to go ahead: the interface's name. */
	readonly confirm: string;
	/** Every step has an undo: after it runs, a countdown undoes it unless kept. */
	readonly undoable: boolean;
}

const WHAT: Readonly<Record<Touch['change'], string>> = {
	down: 'setting it down',
	delete: 'deleting it',
	move: 'moving it to another namespace',
	settings: 'changing its MTU, MAC or name',
	detach: 'taking a port out of it',
	address: 'removing that address',
	route: 'deleting that route',
};

function risk(touch: Touch, path: SessionPath): {link: string; why: string} | undefined {
	if (touch.ns !== path.ns) return undefined;
	const {client, server} = path.session;
	switch (touch.change) {
		case 'address':
			return touch.address === server ? {link: touch.link, why: `${touch.link} holds ${server}, the address your SSH session from ${client} came in on`} : undefined;
		case 'route':
			return path.route && routeKey(touch.route) === routeKey(path.route)
				? {link: touch.route.dev ?? touch.route.dst, why: `the host reaches your SSH client ${client} by this route`}
				: undefined;
		default:
			return path.links.has(touch.link) ? {link: touch.link, why: `your SSH session from ${client} to ${server} runs over ${touch.link}`} : undefined;
	}
}

const routeText = (route: Route | undefined): string => (route ? `${route.dst}${route.gateway ? ` via ${route.gateway}` : ''}${route.dev ? ` dev ${route.dev}` : ''}${route.table !== 'main' ? ` table ${route.table}` : ''}` : 'no route');

/** What the plan's effects do to the path, on the world they would leave. */
function plannedRisk(plan: Plan, path: SessionPath, world: World): {link: string; why: string} | undefined {
	const effects = plan.effects ?? [];
	if (effects.length === 0) return undefined;
	const {client, server} = path.session;
	for (const effect of effects) {
		if ((effect.kind === 'setForwarding' && !effect.enable) || effect.kind === 'deleteNamespace') {
			if (path.hops.has(effect.ns)) return {link: effect.ns, why: `namespace ${effect.ns} routes your SSH session from ${client}`};
		}
	}
	const after = applyPlanned(world, effects);
	const host = findNs(after, path.ns);
	const upBefore = (name: string): boolean => findNs(world, path.ns)?.links.find((l) => l.name === name)?.adminUp === true;
	for (const name of [...path.links].filter(upBefore)) {
		const link = host?.links.find((l) => l.name === name);
		if (!link || !link.adminUp) return {link: name, why: `your SSH session from ${client} to ${server} runs over ${name}, which this takes down or away`};
	}
	const route = host && routeTo(host, client, server);
	const key = (r: Route | undefined): string => (r ? routeKey(r) : '');
	if (key(route) !== key(path.route)) {
		const now = routeText(path.route);
		const why = route ? `the host would reach your SSH client ${client} by ${routeText(route)} instead of ${now}` : `the host would have no route to your SSH client ${client} (it takes ${now} now)`;
		return {link: route?.dev ?? path.route?.dev ?? server, why};
	}
	// The namespace that routes the session must still be there, holding the next hop on an up link.
	const nextHop = path.route?.gateway ?? client;
	for (const hop of path.hops) {
		const holds = findNs(after, hop)?.links.some((l) => l.adminUp && l.addresses.some((a) => a.local === nextHop));
		if (!holds) return {link: hop, why: `namespace ${hop} routes your SSH session from ${client}`};
	}
	return undefined;
}

/** `world`: the world the user saw, to apply the plan's effects to; without it, only touches count. */
export function sessionRisk(plan: Plan, path: SessionPath | undefined, world?: World): SessionRisk | undefined {
	if (!path) return undefined;
	const undoable = plan.steps.every((step) => step.undo !== undefined);
	for (const touch of plan.touches ?? []) {
		const found = risk(touch, path);
		if (found) return {reason: `${found.why}: ${WHAT[touch.change]} can cut off this very session`, confirm: found.link, undoable};
	}
	const planned = world && plannedRisk(plan, path, world);
	return planned ? {reason: `${planned.why}: this can cut off this very session`, confirm: planned.link, undoable} : undefined;
}
