// Hints that fit the context (issue 27): an example address that is free where it would go, a gateway on
// the device's own subnet, ping targets that are not the source itself with "other address…" last; and
// forms that warn, without refusing, of an address already held on the same segment.
import {describe, expect, it} from 'vitest';
import type {World} from '../../source/model/types.js';
import {OTHER_TARGET, pingForm} from '../../source/plans/forms/exec-forms.js';
import {addressForm, bridgeForm, NO_BRIDGE, vethForm} from '../../source/plans/forms/link-forms.js';
import {routeForm} from '../../source/plans/forms/route-forms.js';
import type {FormSpec} from '../../source/plans/forms/form-spec.js';
import {findNs} from '../../source/model/validate.js';
import {initialFormState} from '../../source/state/form/form-state.js';
import {fixtureWorld} from '../support/fixtures.js';
import {WorldBuilder} from '../support/hand-world.js';

const placeholder = (spec: FormSpec | string, id: string): string | undefined => (typeof spec === 'string' ? spec : spec.fields.find((f) => f.id === id)?.placeholder);
const linkIn = (world: World, ns: string, name: string) => findNs(world, ns)?.links.find((l) => l.name === name);

describe('example addresses', () => {
	const world = fixtureWorld('bridge');
	it('in the veth form are on a subnet nobody uses, when the pair joins no bridge', () => {
		const spec = vethForm({world, ns: 'host'});
		expect(initialFormState(spec).values).toMatchObject({bridge1: NO_BRIDGE, bridge2: NO_BRIDGE});
		expect(placeholder(spec, 'address1')).toBe('optional, e.g. 10.1.2.1/24');
		expect(placeholder(spec, 'address2')).toBe('optional, e.g. 10.1.2.2/24');
	});

	it('in the veth form are free addresses of the bridge’s subnet, when an end goes on one', () => {
		const spec = vethForm({world, ns: 'host', link: linkIn(world, 'host', 'br0')});
		expect(initialFormState(spec).values).toMatchObject({bridge1: 'br0'});
		expect([placeholder(spec, 'address1'), placeholder(spec, 'address2')]).toEqual(['optional, e.g. 10.1.1.3/24', 'optional, e.g. 10.1.1.5/24']);
	});

	it('for a, are free on the link’s segment; for a bridge, on a free subnet', () => {
		const link = linkIn(world, 'ns2', 'veth_ns2');
		expect(placeholder(addressForm({world, ns: 'ns2', link}), 'cidr')).toBe('e.g. 10.1.1.3/24 (IPv6 too)');
		expect(placeholder(bridgeForm({world, ns: 'ns1'}), 'address')).toBe('optional, e.g. 10.1.2.1/24');
	});
});

describe('the route form’s gateway', () => {
	it('is on the subnet of the device it opens on: a neighbour’s address, else the first host not its own', () => {
		const world = fixtureWorld('bridge');
		expect(placeholder(routeForm({world, ns: 'ns2', link: linkIn(world, 'ns2', 'veth_ns2')}), 'via')).toBe('e.g. 10.1.1.4 (optional with a device)');
		const lone = new WorldBuilder().namespace('host').namespace('ns1').namespace('ns2').veth('ns1/a', 'ns2/b', {addresses: ['10.0.1.2/24']}).build();
		expect(placeholder(routeForm({world: lone, ns: 'ns1', link: linkIn(lone, 'ns1', 'a')}), 'via')).toBe('e.g. 10.0.1.1 (optional with a device)');
		expect(placeholder(routeForm({world: lone, ns: 'ns2'}), 'via')).toBe('optional with a device');
	});
});

describe('ping targets', () => {
	it('leave out the source’s own addresses and keep "other address…" last', () => {
		const options = pingForm(fixtureWorld('bridge'), 'ns1').fields[0].options ?? [];
		expect(options).toEqual(['10.1.1.2 (ns2/veth_ns2)', '10.1.1.4 (host/br0)', OTHER_TARGET]);
	});
});

describe('an address already on the segment', () => {
	it('is a warning in a’s plan, not a refusal', () => {
		const world = fixtureWorld('bridge');
		const spec = addressForm({world, ns: 'ns2', link: linkIn(world, 'ns2', 'veth_ns2')});
		if (typeof spec === 'string') throw new Error(spec);
		const values = {cidr: '10.1.1.1/24'};
		expect(spec.validate(values, world)).toEqual({});
		const plan = spec.plan(values, world);
		expect(plan.steps.map((s) => s.argv.join(' '))).toEqual(['ip -n ns2 addr add 10.1.1.1/24 dev veth_ns2']);
		expect(plan.consequences).toEqual(['10.1.1.1 is already on ns1/veth_ns1, on the same bridge br0']);
		expect(spec.plan({cidr: '10.1.1.9/24'}, world).consequences).toBeUndefined();
	});

	it('is a warning in the veth form when an end goes on that bridge', () => {
		const world = fixtureWorld('bridge');
		const spec = vethForm({world, ns: 'host', link: linkIn(world, 'host', 'br0')});
		const values = {...spec.initial, ns1: 'host', name1: 'vA', bridge1: 'br0', address1: '', ns2: 'ns2', name2: 'vB', address2: '10.1.1.1/24'};
		expect(spec.validate(values, world)).toEqual({});
		expect(spec.plan(values, world).consequences).toContain('10.1.1.1 is already on ns1/veth_ns1, on the same bridge br0');
	});

	it('held by another link of the same namespace, is a warning too; on the very link, a refusal', () => {
		// ns1 holds 10.1.1.1 on veth_ns1: lo may take it too (the kernel allows it), veth_ns1 may not.
		const world = fixtureWorld('bridge');
		const onLo = addressForm({world, ns: 'ns1', link: linkIn(world, 'ns1', 'lo')});
		const onVeth = addressForm({world, ns: 'ns1', link: linkIn(world, 'ns1', 'veth_ns1')});
		if (typeof onLo === 'string' || typeof onVeth === 'string') throw new Error('no form');
		const values = {cidr: '10.1.1.1/24'};
		expect(onLo.validate(values, world)).toEqual({});
		expect(onLo.plan(values, world).consequences).toEqual(['10.1.1.1 is already on veth_ns1 in ns1: replies may leave by either']);
		expect(onVeth.validate(values, world)).toEqual({cidr: '10.1.1.1 is already on veth_ns1 in ns1'});
		const bridge = bridgeForm({world, ns: 'ns1'});
		const withAddress = {...bridge.initial, name: 'br9', ns: 'ns1', address: '10.1.1.1/24'};
		expect(bridge.validate(withAddress, world)).toEqual({});
		expect(bridge.plan(withAddress, world).consequences).toEqual(['10.1.1.1 is already on veth_ns1 in ns1: replies may leave by either']);
	});
});
