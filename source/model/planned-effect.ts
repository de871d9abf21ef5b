// What a plan does to the world, as data: each plan builder (plans/) says it beside the argv it runs, so a
// dry run can show planned objects (planned-world.ts) without parsing commands. Namespaces are ids
// (netns-id.ts), links are names in their namespace, as the plans use them.
import type {Route, Rule} from './types.js';

/** One end of a veth pair: its name, and the namespace it is made in. */
export interface LinkAt {
	readonly ns: string;
	readonly name: string;
}

/** A route as the route form makes it: the kernel fills in the rest. */
export interface NewRoute {
	readonly family: 4 | 6;
	/** 'default' or a prefix. */
	readonly dst: string;
	readonly via?: string;
	readonly dev?: string;
}

export type PlannedEffect =
	| {readonly kind: 'addNamespace'; readonly ns: string}
	| {readonly kind: 'deleteNamespace'; readonly ns: string}
	/** `ip netns attach`: a namespace without a name gets one. */
	| {readonly kind: 'nameNamespace'; readonly ns: string; readonly name: string}
	/**
	 * A device of one kind (bridge, macvlan, vxlan, …). A stacked one names the device it sits on (in any
	 * namespace); a tunnel (vxlan) the device it sends through, which sets its MTU.
	 */
	| {readonly kind: 'addLink'; readonly ns: string; readonly name: string; readonly type: string; readonly lower?: LinkAt; readonly underlay?: LinkAt}
	| {readonly kind: 'addVeth'; readonly ends: readonly [LinkAt, LinkAt]}
	| {readonly kind: 'moveLink'; readonly ns: string; readonly link: string; readonly to: string}
	| {readonly kind: 'deleteLink'; readonly ns: string; readonly link: string}
	| {readonly kind: 'renameLink'; readonly ns: string; readonly link: string; readonly to: string}
	| {readonly kind: 'setLink'; readonly ns: string; readonly link: string; readonly mtu?: number; readonly mac?: string}
	| {readonly kind: 'setUp'; readonly ns: string; readonly link: string; readonly up: boolean}
	| {readonly kind: 'addAddress'; readonly ns: string; readonly link: string; readonly cidr: string}
	| {readonly kind: 'deleteAddress'; readonly ns: string; readonly link: string; readonly cidr: string}
	/** Plug into a bridge (or bond, vrf); no master: detach. */
	| {readonly kind: 'setMaster'; readonly ns: string; readonly link: string; readonly master?: string}
	| {readonly kind: 'addRoute'; readonly ns: string; readonly route: NewRoute}
	| {readonly kind: 'deleteRoute'; readonly ns: string; readonly route: Route}
	| {readonly kind: 'setForwarding'; readonly ns: string; readonly family: 4 | 6; readonly enable: boolean}
	/** A policy rule added or deleted: what routes the namespace's packets (the SSH guard follows them). */
	| {readonly kind: 'addRule'; readonly ns: string; readonly family: 4 | 6; readonly rule: Rule}
	| {readonly kind: 'deleteRule'; readonly ns: string; readonly family: 4 | 6; readonly rule: Rule};

/**
 * What the kernel changes by itself as a plan runs, predicted from the world (plans/kernel-predicted.ts):
 * a bridge's MAC follows its ports, a stacked device's MTU follows its lower device down, an IPv6 route's
 * mtu follows its link's. The preview says them; after the run they are not "the kernel also changed".
 */
export type PredictedChange =
	| {readonly kind: 'linkField'; readonly ns: string; readonly link: string; readonly field: 'mac' | 'mtu'; readonly from: string; readonly to: string}
	| {readonly kind: 'routeMtu'; readonly ns: string; readonly dst: string; readonly dev: string; readonly from: number; readonly to: number};
