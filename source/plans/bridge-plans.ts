// Add a bridge, and connect an interface to one.
import type {PlannedEffect} from '../model/planned-effect.js';
import {ipIn, type Plan, type Step} from './plan.js';

export interface BridgeValues {
	readonly name: string;
	readonly ns: string;
	readonly address: string;
	readonly up: boolean;
}

export function bridgePlan(v: BridgeValues): Plan {
	const group = `bridge:${v.name}`;
	const undo = ipIn(v.ns, 'link', 'del', 'dev', v.name);
	const steps: Step[] = [{argv: ipIn(v.ns, 'link', 'add', 'name', v.name, 'type', 'bridge'), undo, group}];
	if (v.up) steps.push({argv: ipIn(v.ns, 'link', 'set', 'dev', v.name, 'up'), undo, group});
	if (v.address) steps.push({argv: ipIn(v.ns, 'addr', 'add', v.address, 'dev', v.name), undo, group});
	const effects: PlannedEffect[] = [{kind: 'addLink', ns: v.ns, name: v.name, type: 'bridge'}];
	if (v.up) effects.push({kind: 'setUp', ns: v.ns, link: v.name, up: true});
	if (v.address) effects.push({kind: 'addAddress', ns: v.ns, link: v.name, cidr: v.address});
	return {title: `Add bridge ${v.name} in ${v.ns}`, dangerous: false, steps, affects: [v.ns], select: {ns: v.ns, link: v.name}, effects};
}

export interface ConnectValues {
	readonly ns: string;
	readonly link: string;
	readonly bridge: string;
}

export function connectPlan(v: ConnectValues): Plan {
	return {
		title: `Connect ${v.link} to bridge ${v.bridge} in ${v.ns}`,
		dangerous: false,
		steps: [{argv: ipIn(v.ns, 'link', 'set', 'dev', v.link, 'master', v.bridge), undo: ipIn(v.ns, 'link', 'set', 'dev', v.link, 'nomaster')}],
		affects: [v.ns],
		select: {ns: v.ns, link: v.link},
		effects: [{kind: 'setMaster', ns: v.ns, link: v.link, master: v.bridge}],
	};
}

export interface DetachValues {
	readonly ns: string;
	readonly link: string;
	/** The bridge it is on now: undo plugs it back in. */
	readonly bridge: string;
}

/** Take a port out of its bridge. It takes something away (the port's traffic stops crossing the bridge), so it asks twice. */
export function detachPlan(v: DetachValues): Plan {
	return {
		title: `Detach ${v.link} from bridge ${v.bridge} in ${v.ns}`,
		dangerous: false,
		destructive: true,
		touches: [{ns: v.ns, link: v.bridge, change: 'detach', port: v.link}],
		consequences: [`${v.link} leaves ${v.bridge}: traffic between it and ${v.bridge}'s other ports stops`],
		steps: [{argv: ipIn(v.ns, 'link', 'set', 'dev', v.link, 'nomaster'), undo: ipIn(v.ns, 'link', 'set', 'dev', v.link, 'master', v.bridge)}],
		affects: [v.ns],
		select: {ns: v.ns, link: v.link},
		effects: [{kind: 'setMaster', ns: v.ns, link: v.link}],
	};
}
