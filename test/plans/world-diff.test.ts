// A world file against a world: the plan's exact argv, in the order that works (namespaces, then links,
// lower devices before what stacks on them, then settings, addresses, up, then routes and rules), and
// what cannot be planned said as problems, with no plan.
import {describe, expect, it} from 'vitest';
import {parseWorldFile} from '../../source/model/world-file/parse.js';
import {destroyPlan} from '../../source/plans/world-destroy.js';
import {diffWorld, kindsToMake} from '../../source/plans/world-diff.js';
import {WorldBuilder} from '../support/hand-world.js';

const file = (...lines: string[]): ReturnType<typeof parseWorldFile> => parseWorldFile('w.yaml', lines.join('\n') + '\n');
const argvs = (plan: {steps: ReadonlyArray<{argv: readonly string[]}>} | undefined): string[] => (plan?.steps ?? []).map((s) => s.argv.join(' '));

const PAIR = file(
	'nsdeck: 1',
	'namespaces:',
	'  a:',
	'    links:',
	'      lo: {external: true, up: true}',
	'      mv0: {kind: macvlan, lower: va, mode: private}',
	'      va: {kind: veth, peer: b/vb, up: true, mtu: 9000, addresses: [10.0.0.1/24]}',
	'    routes:',
	'      - {to: 10.9.0.0/16, via: 10.0.0.2, table: 100}',
	'    rules:',
	'      - {priority: 50, from: 10.0.0.0/24, table: 100}',
	'    forwarding: {ipv4: true}',
	'  b:',
	'    links:',
	'      vb: {kind: veth, peer: a/va, up: true, addresses: ["fd00::2/64"]}',
);

describe('diffWorld', () => {
	it('makes an empty world match, in an order the kernel takes', () => {
		const world = new WorldBuilder().namespace('host').build();
		const diff = diffWorld(PAIR, world);
		expect(diff.problems).toEqual([]);
		expect(argvs(diff.plan)).toEqual([
			'ip netns add a',
			'ip netns add b',
			'ip link add name va netns a type veth peer name vb netns b',
			'ip -n a link add link va name mv0 type macvlan mode private',
			'ip -n a link set dev va mtu 9000',
			'ip -n a addr add 10.0.0.1/24 dev va',
			'ip -n b addr add fd00::2/64 dev vb',
			'ip -n a link set dev lo up',
			'ip -n a link set dev va up',
			'ip -n b link set dev vb up',
			'ip -n a route add 10.9.0.0/16 table 100 proto boot via 10.0.0.2',
			'ip -n a rule add priority 50 from 10.0.0.0/24 table 100',
			'ip netns exec a sysctl -w net.ipv4.ip_forward=1',
		]);
		// A failed step undoes the ones before it: the namespaces go last.
		expect(diff.plan?.steps[0].undo).toEqual(['ip', 'netns', 'del', 'a']);
	});

	it('changes only what differs, and leaves undeclared links alone unless pruning', () => {
		const world = new WorldBuilder().namespace('host').namespace('a').namespace('b').veth('a/va', 'b/vb', {up: [true, true], addresses: ['10.0.0.1/24']}).veth('a/extra', 'b/extra2').build();
		const diff = diffWorld(PAIR, world);
		expect(argvs(diff.plan)).not.toContain('ip -n a link del dev extra');
		expect(argvs(diff.plan)).toContain('ip -n b addr add fd00::2/64 dev vb');
		expect(argvs(diff.plan)).not.toContain('ip -n a addr add 10.0.0.1/24 dev va');
		expect(argvs(diffWorld(PAIR, world, {prune: true}).plan)[0]).toBe('ip -n a link del dev extra');
	});

	it('says what it cannot plan, and plans nothing', () => {
		const world = new WorldBuilder().namespace('host').namespace('a').bridge('a/va', []).build();
		const diff = diffWorld(PAIR, world);
		expect(diff.plan).toBeUndefined();
		expect(diff.problems).toContain('a/va: is a bridge, the file declares a veth');
		const missing = diffWorld(file('nsdeck: 1', 'namespaces:', '  host:', '    links:', '      eth7: {external: true}'), world);
		expect(missing.problems).toEqual(['host/eth7: an external link that is not there (nsdeck does not make it)']);
	});

	it('destroy deletes the declared namespaces and nothing else', () => {
		const world = new WorldBuilder().namespace('host').namespace('a').namespace('b').namespace('c').veth('a/va', 'b/vb').build();
		expect(argvs(destroyPlan(PAIR, world))).toEqual(['ip netns del a', 'ip netns del b']);
	});

	it('refuses a file that needs a kind this kernel cannot make, naming the link and why; asks only about links not there', () => {
		const world = new WorldBuilder().namespace('host').build();
		expect(kindsToMake(PAIR, world).sort()).toEqual(['macvlan', 'veth', 'veth']);
		const diff = diffWorld(PAIR, world, {cannotMake: new Map([['macvlan', 'Error: Unknown device type.']])});
		expect(diff.plan).toBeUndefined();
		expect(diff.problems).toEqual(['a/mv0: this kernel cannot make a macvlan link (Error: Unknown device type.)']);
		const there = new WorldBuilder().namespace('host').namespace('a').namespace('b').veth('a/va', 'b/vb').build();
		expect(kindsToMake(PAIR, there)).toEqual(['macvlan']);
	});

	it('prunes nexthop objects the file does not declare, groups first, and destroy takes the host\'s declared ones', () => {
		const built = new WorldBuilder().namespace('host').build();
		const nexthops = [
			{id: 5, gateway: '10.0.0.2', dev: 'eth0', flags: []},
			{id: 7, group: [{id: 5, weight: 1}], flags: []},
			{id: 9, blackhole: true, flags: []},
		];
		const world = {namespaces: built.namespaces.map((n) => ({...n, nexthops}))};
		const declared = file('nsdeck: 1', 'namespaces:', '  host:', '    nexthops:', '      - {id: 9, blackhole: true}');
		expect(argvs(diffWorld(declared, world, {prune: true}).plan)).toEqual(['ip nexthop del id 7', 'ip nexthop del id 5']);
		expect(diffWorld(declared, world, {prune: true}).plan?.steps[1].undo).toEqual(['ip', 'nexthop', 'add', 'id', '5', 'via', '10.0.0.2', 'dev', 'eth0']);
		expect(diffWorld(declared, world).plan).toBeUndefined();
		expect(argvs(destroyPlan(declared, world))).toEqual(['ip nexthop del id 9']);
	});
});
