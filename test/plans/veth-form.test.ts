// The veth form as data: its defaults (so the seed tutorials take few keys), its validation against the
// namespace each end goes to, and the plan its values make. The keys themselves are tested in test/ui.
import {describe, expect, it} from 'vitest';
import type {World} from '../../source/model/types.js';
import {hasErrors, type FormValues} from '../../source/plans/forms/form-spec.js';
import {NO_BRIDGE, vethForm} from '../../source/plans/forms/link-forms.js';
import {nextAddress, suggestEndName} from '../../source/plans/forms/veth-defaults.js';
import {findNs} from '../../source/model/validate.js';
import {formReducer, initialFormState, type FormState} from '../../source/state/form/form-state.js';
import {WorldBuilder} from '../support/hand-world.js';

const commands = (world: World, values: FormValues): string[] => {
	const spec = vethForm({world, ns: 'host'});
	return spec.plan(values, world).steps.map((s) => s.argv.join(' '));
};

function typed(state: FormState, world: World, ns: string, text: string, link?: string): FormState {
	const spec = vethForm({world, ns, link: link ? findNs(world, ns)?.links.find((l) => l.name === link) : undefined});
	return formReducer(spec, state, {kind: 'type', text});
}

describe('veth form defaults', () => {
	it('tutorial A: after n ns1, n ns2 (ns2 selected) the pair goes ns1 ⇄ ns2, named veth_ns1 and veth_ns2, up; the cursor is on the first address, the second follows it', () => {
		const world = new WorldBuilder().namespace('host').namespace('ns1').namespace('ns2').build();
		const spec = vethForm({world, ns: 'ns2'});
		let state = initialFormState(spec);
		expect(state.values).toMatchObject({ns1: 'ns1', name1: 'veth_ns1', ns2: 'ns2', name2: 'veth_ns2', bridge1: NO_BRIDGE, bridge2: NO_BRIDGE, up: true});
		expect(spec.fields[state.focus].id).toBe('address1');
		state = typed(state, world, 'ns2', '10.1.1.1/24');
		expect(state.values.address2).toBe('10.1.1.2/24');
		expect(spec.validate(state.values, world)).toEqual({});
		expect(spec.plan(state.values, world).steps.map((s) => s.argv.join(' '))).toEqual([
			'ip link add name veth_ns1 netns ns1 type veth peer name veth_ns2 netns ns2',
			'ip -n ns1 addr add 10.1.1.1/24 dev veth_ns1',
			'ip -n ns2 addr add 10.1.1.2/24 dev veth_ns2',
			'ip -n ns1 link set dev veth_ns1 up',
			'ip -n ns2 link set dev veth_ns2 up',
		]);
	});

	it('tutorial B: with br0 selected in the host, the host end is plugged into br0 and named veth_ns1_br0; the cursor is on the namespace end’s address', () => {
		const world = new WorldBuilder().namespace('host').namespace('ns1').namespace('ns2').bridge('host/br0', [], '10.1.1.4/24').build();
		const br0 = findNs(world, 'host')?.links.find((l) => l.name === 'br0');
		const spec = vethForm({world, ns: 'host', link: br0});
		const state = initialFormState(spec);
		expect(state.values).toMatchObject({ns1: 'host', name1: 'veth_ns1_br0', bridge1: 'br0', ns2: 'ns1', name2: 'veth_ns1', bridge2: NO_BRIDGE});
		expect(spec.fields[state.focus].id).toBe('address2');
	});

	it('tutorial B, second pair: a port of br0 selected, the next fresh namespace (ns2) joins br0 too', () => {
		const world = new WorldBuilder()
			.namespace('host')
			.namespace('ns1')
			.namespace('ns2')
			.veth('host/veth_ns1_br0', 'ns1/veth_ns1')
			.bridge('host/br0', ['veth_ns1_br0'])
			.build();
		const port = findNs(world, 'host')?.links.find((l) => l.name === 'veth_ns1_br0');
		const state = initialFormState(vethForm({world, ns: 'host', link: port}));
		expect(state.values).toMatchObject({ns1: 'host', name1: 'veth_ns2_br0', bridge1: 'br0', ns2: 'ns2', name2: 'veth_ns2'});
	});

	it('names follow the namespaces until edited; typing replaces a suggestion', () => {
		const world = new WorldBuilder().namespace('host').namespace('ns1').namespace('ns2').namespace('ns3').build();
		const spec = vethForm({world, ns: 'ns1'});
		let state = initialFormState(spec);
		state = formReducer(spec, {...state, focus: spec.fields.findIndex((f) => f.id === 'ns2')}, {kind: 'right'});
		expect(state.values).toMatchObject({ns2: 'ns3', name2: 'veth_ns3'});
		state = formReducer(spec, {...state, focus: spec.fields.findIndex((f) => f.id === 'name2')}, {kind: 'type', text: 'x'});
		expect(state.values.name2).toBe('x');
		state = formReducer(spec, {...state, focus: spec.fields.findIndex((f) => f.id === 'ns2')}, {kind: 'left'});
		expect(state.values).toMatchObject({ns2: 'ns2', name2: 'x'});
	});

	it('a suggested name taken where the end goes gets a number; 15 bytes at most', () => {
		const world = new WorldBuilder().namespace('host').namespace('ns1').veth('ns1/veth_ns1', 'ns1/veth_ns1b').namespace('a-very-long-namespace').build();
		expect(suggestEndName(world, {ns: 'ns1', bridge: ''}, {ns: 'host'}, 'a')).toBe('veth_ns1_2');
		expect(suggestEndName(world, {ns: 'a-very-long-namespace', bridge: ''}, {ns: 'host'}, 'a')).toBe('veth_a-very-lon');
		expect(suggestEndName(world, {ns: 'host', bridge: ''}, {ns: 'ns1'}, 'a')).toBe('veth_ns1_host');
		expect(suggestEndName(world, {ns: 'ns1', bridge: ''}, {ns: 'ns1'}, 'b', 'veth_ns1_a')).toBe('veth_ns1_b');
		expect(suggestEndName(world, {ns: 'host', bridge: ''}, {ns: 'host'}, 'a')).toBe('veth0');
		expect(suggestEndName(world, {ns: 'host', bridge: ''}, {ns: 'host'}, 'b', 'veth0')).toBe('veth1');
	});

	it.each([
		['10.1.1.1/24', '10.1.1.2/24'],
		['10.1.1.254/24', '10.1.1.253/24'],
		['fd00::1/64', 'fd00::2/64'],
		['10.1.1.1/32', ''],
		['nonsense', ''],
	])('the address after %s is %s', (cidr, next) => {
		expect(nextAddress(cidr)).toBe(next);
	});
});

describe('veth form validation: each end against the namespace it goes to', () => {
	const world = new WorldBuilder().namespace('host').veth('host/eth9', 'host/eth9p').namespace('ns1').namespace('ns2').bridge('ns2/br5', []).build();
	const values = (over: Record<string, string | boolean>): FormValues => ({
		ns1: 'ns1',
		name1: 'a',
		address1: '',
		bridge1: NO_BRIDGE,
		ns2: 'ns2',
		name2: 'b',
		address2: '',
		bridge2: NO_BRIDGE,
		up: true,
		...over,
	});
	const errors = (over: Record<string, string | boolean>) => vethForm({world, ns: 'ns1'}).validate(values(over), world);

	it('an end named like a host link is fine when it goes into a namespace (refused before: made in the host first)', () => {
		expect(errors({name1: 'eth9'})).toEqual({});
		expect(commands(world, values({name1: 'eth9'}))[0]).toBe('ip link add name eth9 netns ns1 type veth peer name b netns ns2');
	});

	it('the same name for both ends is fine in two namespaces, not in one', () => {
		expect(errors({name1: 'eth0', name2: 'eth0'})).toEqual({});
		expect(errors({name1: 'eth0', name2: 'eth0', ns2: 'ns1'}).name2).toMatch(/different names in one namespace/);
	});

	it('a name taken where the end goes is refused; the host counts only for a host end', () => {
		expect(errors({ns1: 'host', name1: 'eth9'}).name1).toBe('eth9 already exists in host');
	});

	it('a bridge must be a bridge in that end’s namespace', () => {
		expect(errors({bridge2: 'br5'})).toEqual({});
		expect(errors({bridge1: 'br5'}).bridge1).toBe('no bridge br5 in ns1');
		expect(hasErrors(errors({bridge1: 'br5'}))).toBe(true);
	});
});
