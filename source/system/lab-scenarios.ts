// Lab scenarios: the seed tutorials' worlds, as the exact `ip` commands that build them.

export type Argv = readonly string[];

export interface Scenario {
	readonly name: string;
	readonly description: string;
	readonly commands: readonly Argv[];
}

const ip = (...args: string[]): Argv => ['ip', ...args];

const bridge: Scenario = {
	name: 'bridge',
	description: 'ns1 and ns2 on bridge br0 in the host (10.1.1.1, 10.1.1.2, br0 10.1.1.4)',
	commands: [
		ip('netns', 'add', 'ns1'),
		ip('netns', 'add', 'ns2'),
		ip('link', 'add', 'br0', 'type', 'bridge'),
		ip('link', 'set', 'br0', 'up'),
		ip('link', 'add', 'veth_ns1', 'type', 'veth', 'peer', 'name', 'veth_ns1_br0'),
		ip('link', 'add', 'veth_ns2', 'type', 'veth', 'peer', 'name', 'veth_ns2_br0'),
		ip('link', 'set', 'veth_ns1', 'netns', 'ns1'),
		ip('link', 'set', 'veth_ns1_br0', 'master', 'br0'),
		ip('link', 'set', 'veth_ns2', 'netns', 'ns2'),
		ip('link', 'set', 'veth_ns2_br0', 'master', 'br0'),
		ip('-n', 'ns1', 'link', 'set', 'lo', 'up'),
		ip('-n', 'ns2', 'link', 'set', 'lo', 'up'),
		ip('-n', 'ns1', 'link', 'set', 'veth_ns1', 'up'),
		ip('link', 'set', 'veth_ns1_br0', 'up'),
		ip('-n', 'ns2', 'link', 'set', 'veth_ns2', 'up'),
		ip('link', 'set', 'veth_ns2_br0', 'up'),
		ip('-n', 'ns1', 'addr', 'add', '10.1.1.1/24', 'dev', 'veth_ns1'),
		ip('-n', 'ns2', 'addr', 'add', '10.1.1.2/24', 'dev', 'veth_ns2'),
		ip('addr', 'add', '10.1.1.4/24', 'dev', 'br0'),
	],
};

const pair: Scenario = {
	name: 'pair',
	description: 'namespaces client and server joined by a veth pair (10.0.0.1, 10.0.0.2)',
	commands: [
		ip('netns', 'add', 'client'),
		ip('netns', 'add', 'server'),
		ip('link', 'add', 'pair-server', 'type', 'veth', 'peer', 'name', 'pair-client'),
		ip('link', 'set', 'pair-server', 'netns', 'server'),
		ip('link', 'set', 'pair-client', 'netns', 'client'),
		ip('-n', 'client', 'link', 'set', 'lo', 'up'),
		ip('-n', 'server', 'link', 'set', 'lo', 'up'),
		ip('-n', 'client', 'addr', 'add', '10.0.0.1/24', 'dev', 'pair-client'),
		ip('-n', 'server', 'addr', 'add', '10.0.0.2/24', 'dev', 'pair-server'),
		ip('-n', 'client', 'link', 'set', 'pair-client', 'up'),
		ip('-n', 'server', 'link', 'set', 'pair-server', 'up'),
	],
};

const empty: Scenario = {name: 'empty', description: 'nothing but the lab host', commands: []};

export const SCENARIOS: readonly Scenario[] = [bridge, pair, empty];
export const DEFAULT_SCENARIO = 'bridge';

export const findScenario = (name: string): Scenario | undefined => SCENARIOS.find((s) => s.name === name);
