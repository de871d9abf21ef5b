// A veth pair with each end made directly in its namespace (or the host), optional addresses, each end
// optionally plugged into a bridge there, brought up: the seed tutorials' "two namespaces joined by a
// veth pair" and "namespaces on a bridge" in one plan each.
import {nsDisplayName} from '../model/netns-id.js';
import {HOST_ID} from '../model/types.js';
import {ipIn, netnsArg, type Plan, type Step} from './plan.js';
import {vethEffects} from './veth-effects.js';

export interface VethValues {
	readonly name1: string;
	readonly ns1: string;
	readonly address1: string;
	/** A bridge in ns1 to plug end 1 into; '' for none. */
	readonly bridge1?: string;
	readonly name2: string;
	readonly ns2: string;
	readonly address2: string;
	readonly bridge2?: string;
	readonly up: boolean;
}

/**
 * `netns NS` places an end as it is made: nothing passes through the host, so an end may be named like a
 * host link, and the same name may be used in two namespaces. The host end takes no `netns`: ip runs in
 * the host. A namespace without a name goes by its path, which ip opens as it is (iproute2's
 * netns_get_fd takes any argument with a '/' as a path: checked with iproute2 6.1).
 */
const placed = (ns: string): string[] => (ns === HOST_ID ? [] : ['netns', netnsArg(ns)]);

export function vethPlan(v: VethValues): Plan {
	// Every step's undo removes the pair from where end 1 is: deleting one end deletes both.
	const group = `veth:${v.name1}`;
	const undo = ipIn(v.ns1, 'link', 'del', 'dev', v.name1);
	const steps: Step[] = [];
	const add = (argv: string[]): void => {
		steps.push({argv, undo, group});
	};
	add(['ip', 'link', 'add', 'name', v.name1, ...placed(v.ns1), 'type', 'veth', 'peer', 'name', v.name2, ...placed(v.ns2)]);
	if (v.address1) add(ipIn(v.ns1, 'addr', 'add', v.address1, 'dev', v.name1));
	if (v.address2) add(ipIn(v.ns2, 'addr', 'add', v.address2, 'dev', v.name2));
	if (v.bridge1) add(ipIn(v.ns1, 'link', 'set', 'dev', v.name1, 'master', v.bridge1));
	if (v.bridge2) add(ipIn(v.ns2, 'link', 'set', 'dev', v.name2, 'master', v.bridge2));
	if (v.up) {
		add(ipIn(v.ns1, 'link', 'set', 'dev', v.name1, 'up'));
		add(ipIn(v.ns2, 'link', 'set', 'dev', v.name2, 'up'));
	}
	const end = (name: string, ns: string, bridge?: string): string => `${name} (${nsDisplayName(ns)}${bridge ? ` on ${bridge}` : ''})`;
	return {
		title: `Add veth pair ${end(v.name1, v.ns1, v.bridge1)} ⇄ ${end(v.name2, v.ns2, v.bridge2)}`,
		dangerous: false,
		steps,
		affects: [...new Set([HOST_ID, v.ns1, v.ns2])],
		select: {ns: v.ns1, link: v.name1},
		effects: vethEffects(
			[
				{ns: v.ns1, name: v.name1, address: v.address1, bridge: v.bridge1},
				{ns: v.ns2, name: v.name2, address: v.address2, bridge: v.bridge2},
			],
			v.up,
		),
	};
}
