// Which of the kernel's changes a plan said it would make (or its preview predicted): the rest — routes dropped with a link, IPv6
// addresses removed on down, a bridge's MAC, a vxlan deleted with its underlay in another namespace,
// neighbours — is shown after the run as "the kernel also changed: …" (transaction.ts).
import type {StateChange} from '../model/kernel-diff.js';
import type {PlannedEffect} from '../model/planned-effect.js';
import type {Plan} from './plan.js';

const cidrOf = (c: Extract<StateChange, {kind: 'address'}>): string => `${c.address.local}/${c.address.prefixlen}`;

function linkNamed(effect: PlannedEffect, ns: string, name: string): boolean {
	switch (effect.kind) {
		case 'addLink':
			return effect.ns === ns && effect.name === name;
		case 'addVeth':
			return effect.ends.some((e) => e.ns === ns && e.name === name);
		case 'moveLink':
			return (effect.ns === ns || effect.to === ns) && effect.link === name;
		case 'deleteLink':
			return effect.ns === ns && effect.link === name;
		case 'renameLink':
			return effect.ns === ns && (effect.link === name || effect.to === name);
		default:
			return false;
	}
}

/** Links the plan makes, deletes, moves or renames, and those it says go with them (a veth's other end). */
function madeOrGone(plan: Plan, ns: string, name: string): boolean {
	const effects = plan.effects ?? [];
	return effects.some((e) => linkNamed(e, ns, name)) || (plan.touches ?? []).some((t) => 'link' in t && t.ns === ns && t.link === name && (t.change === 'delete' || t.change === 'move'));
}

/** What the preview said the kernel would change by itself (kernel-predicted.ts). */
function predicted(plan: Plan, c: StateChange): boolean {
	return (plan.predicted ?? []).some((p) =>
		p.kind === 'linkField' ? c.kind === 'linkField' && c.ns === p.ns && c.link === p.link && c.field === p.field : c.kind === 'route' && c.ns === p.ns && c.record.dst === p.dst && c.record.dev === p.dev,
	);
}

function explained(plan: Plan, c: StateChange): boolean {
	if (predicted(plan, c)) return true;
	const effects = plan.effects ?? [];
	switch (c.kind) {
		case 'namespace':
			return effects.some((e) => (e.kind === 'addNamespace' || e.kind === 'deleteNamespace') && e.ns === c.ns);
		case 'link':
			return madeOrGone(plan, c.ns, c.link.name);
		case 'linkField':
			// The carrier follows the link and its other end: the kernel's, and only said when a rollback cannot restore it.
			if (c.field === 'carrier') return true;
			return effects.some(
				(e) =>
					(e.kind === 'setUp' && c.field === 'up' && e.ns === c.ns && e.link === c.link) ||
					(e.kind === 'setLink' && e.ns === c.ns && e.link === c.link && ((c.field === 'mtu' && e.mtu !== undefined) || (c.field === 'mac' && e.mac !== undefined))) ||
					(e.kind === 'setMaster' && c.field === 'master' && e.ns === c.ns && e.link === c.link),
			) || madeOrGone(plan, c.ns, c.link);
		case 'address':
			// Link-local addresses the kernel makes and drops with the link: not worth a line.
			if (c.address.kernelMade) return true;
			return (
				madeOrGone(plan, c.ns, c.link) ||
				effects.some((e) => (e.kind === 'addAddress' || e.kind === 'deleteAddress') && e.ns === c.ns && e.link === c.link && e.cidr === cidrOf(c))
			);
		case 'route':
			// The kernel's own routes follow the addresses and links, which are said.
			if (c.record.protocol === 'kernel') return true;
			return effects.some(
				(e) => (e.kind === 'addRoute' && e.ns === c.ns && e.route.dst === c.record.dst) || (e.kind === 'deleteRoute' && e.ns === c.ns && e.route.dst === c.record.dst),
			);
		case 'forwarding':
			return effects.some((e) => e.kind === 'setForwarding' && e.ns === c.ns && e.family === c.family);
		case 'rule':
			// By its priority and what it looks up (or does): ip prints both back as the plan wrote them.
			return effects.some(
				(e) =>
					(e.kind === 'addRule' || e.kind === 'deleteRule') &&
					e.ns === c.ns &&
					String(e.rule.priority) === String(c.record.priority) &&
					String(e.rule.table ?? e.rule.action ?? '') === String(c.record.table ?? c.record.action ?? ''),
			);
		case 'neighbour':
		case 'nexthop':
			return false;
	}
}

/** What the kernel changed that the plan did not say it would. */
export function unexpectedChanges(plan: Plan, changes: readonly StateChange[]): StateChange[] {
	return changes.filter((c) => !explained(plan, c));
}
