// A new device stacked on an interface (its lower device): macvlan, macvtap, ipvlan and vlan take it as
// `link PARENT`, vxlan sends through it as `dev PARENT`; each kind's own arguments are its kind's
// (model/link-kinds/). Made directly in the namespace it is meant for (`netns NS` in the same `ip link
// add`: the kernel creates it there, on a lower device in the parent's namespace), so nothing passes
// through the parent's namespace and its name only needs to be free there.
import {creationOf} from '../model/link-kinds/index.js';
import type {StackedCreation, StackedValues} from '../model/link-kinds/creation.js';
import {ipIn, netnsArg, type Plan, type Step} from './plan.js';

export type {StackedValues} from '../model/link-kinds/creation.js';

/** How the registry makes `kind` (link-kinds/); a kind it cannot make is a mistake of the caller's. */
function creation(kind: string): StackedCreation {
	const found = creationOf(kind);
	if (!found) throw new Error(`nsdeck does not make ${kind} devices`);
	return found;
}

/** The `ip link add` that makes it, in the parent's namespace (where `link`/`dev` name the parent). */
export function stackedAddArgv(v: StackedValues): string[] {
	const elsewhere = v.into !== v.parentNs;
	const netns = elsewhere ? ['netns', netnsArg(v.into)] : [];
	const how = creation(v.kind);
	// A vxlan names its underlay among its own arguments (`dev PARENT`), after `type`.
	const lower = how.lower === 'link' ? ['link', v.parent] : [];
	return ipIn(v.parentNs, 'link', 'add', ...lower, 'name', v.name, ...netns, 'type', v.kind, ...how.typeArgs(v));
}

export function stackedDevicePlan(v: StackedValues): Plan {
	// Every step is undone by deleting the new device wherever it lives: nothing else was changed.
	const group = `stacked:${v.into}:${v.name}`;
	const undo = ipIn(v.into, 'link', 'del', 'dev', v.name);
	const steps: Step[] = [{argv: stackedAddArgv(v), undo, group}];
	if (v.up) steps.push({argv: ipIn(v.into, 'link', 'set', 'dev', v.name, 'up'), undo, group});
	const elsewhere = v.into !== v.parentNs;
	const how = creation(v.kind);
	const consequences = how.consequences?.(v) ?? [];
	return {
		title: `Add ${v.kind} ${v.name} on ${v.parent} in ${v.parentNs}${elsewhere ? `, into ${v.into}` : ''}`,
		dangerous: false,
		steps,
		consequences: consequences.length > 0 ? consequences : undefined,
		affects: [...new Set([v.parentNs, v.into])],
		select: {ns: v.into, link: v.name},
		effects: [
			// A vxlan's `dev` is the device it sends through, not a lower device it is stacked on.
			{kind: 'addLink', ns: v.into, name: v.name, type: v.kind, ...(how.lower === 'dev' ? {underlay: {ns: v.parentNs, name: v.parent}} : {lower: {ns: v.parentNs, name: v.parent}})},
			...(v.up ? [{kind: 'setUp' as const, ns: v.into, link: v.name, up: true}] : []),
		],
	};
}
