// A veth pair with each end placed in a namespace (or the host), optional addresses, brought up:
// the seed tutorial's "two namespaces joined by a veth pair" in one plan.
import {HOST_ID} from '../model/types.js';
import {ipIn, type Plan, type Step} from './plan.js';
import {vethEffects} from './veth-effects.js';

export interface VethValues {
	readonly name1: string;
	readonly ns1: string;
	readonly address1: string;
	readonly name2: string;
	readonly ns2: string;
	readonly address2: string;
	readonly up: boolean;
}

export function vethPlan(v: VethValues): Plan {
	// Every step's undo removes the pair from where end 1 is by then: deleting one end deletes both.
	let end1At: string = HOST_ID;
	const group = `veth:${v.name1}`;
	const steps: Step[] = [];
	const add = (argv: string[]): void => {
		steps.push({argv, undo: ipIn(end1At, 'link', 'del', 'dev', v.name1), group});
	};
	steps.push({argv: ['ip', 'link', 'add', 'name', v.name1, 'type', 'veth', 'peer', 'name', v.name2], undo: ['ip', 'link', 'del', 'dev', v.name1], group});
	if (v.ns1 !== HOST_ID) {
		end1At = v.ns1;
		add(['ip', 'link', 'set', 'dev', v.name1, 'netns', v.ns1]);
	}
	if (v.ns2 !== HOST_ID) add(['ip', 'link', 'set', 'dev', v.name2, 'netns', v.ns2]);
	if (v.address1) add(ipIn(v.ns1, 'addr', 'add', v.address1, 'dev', v.name1));
	if (v.address2) add(ipIn(v.ns2, 'addr', 'add', v.address2, 'dev', v.name2));
	if (v.up) {
		add(ipIn(v.ns1, 'link', 'set', 'dev', v.name1, 'up'));
		add(ipIn(v.ns2, 'link', 'set', 'dev', v.name2, 'up'));
	}
	return {
		title: `Add veth pair ${v.name1} (${v.ns1}) ⇄ ${v.name2} (${v.ns2})`,
		dangerous: false,
		steps,
		affects: [...new Set([HOST_ID, v.ns1, v.ns2])],
		select: {ns: v.ns1, link: v.name1},
		effects: vethEffects(
			[
				{ns: v.ns1, name: v.name1, address: v.address1},
				{ns: v.ns2, name: v.name2, address: v.address2},
			],
			v.up,
		),
	};
}
