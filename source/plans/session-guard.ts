// The guard against locking yourself out: a plan that takes away part of the path of the user's own SSH
// session (model/ssh-session.ts) is flagged with the reason, the name to type before it runs, and whether
// it can be undone by itself (every step has an undo), which the keep-or-undo countdown needs.
import {routeKey} from '../model/format.js';
import type {SessionPath} from '../model/ssh-session.js';
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

export function sessionRisk(plan: Plan, path: SessionPath | undefined): SessionRisk | undefined {
	if (!path) return undefined;
	for (const touch of plan.touches ?? []) {
		const found = risk(touch, path);
		if (found) {
			return {
				reason: `${found.why}: ${WHAT[touch.change]} can cut off this very session`,
				confirm: found.link,
				undoable: plan.steps.every((step) => step.undo !== undefined),
			};
		}
	}
	return undefined;
}
