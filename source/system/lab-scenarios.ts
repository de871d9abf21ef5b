// Lab scenarios: the seed tutorials' worlds, as world files, and the shapes of real servers, as the exact
// commands that build them (a world file cannot say that a process holds a namespace).
import bridgeWorld from '../../examples/worlds/bridge.yaml';
import pairWorld from '../../examples/worlds/pair.yaml';

export type Argv = readonly string[];

/**
 * A command to run, or a namespace to hand to a process: `hold` starts `sleep infinity` inside the named
 * namespace and leaves it running (for as long as the lab lives), so that the name can then be removed and
 * the namespace lives on held only by that process, as a container's or a Mininet host's does.
 */
export type ScenarioStep = Argv | {readonly hold: string};

/** A world file's text, and the name its mistakes are told by. */
export interface WorldText {
	readonly path: string;
	readonly text: string;
}

export type Scenario = {readonly name: string; readonly description: string} & ({readonly commands: readonly ScenarioStep[]} | {readonly world: WorldText});

const ip = (...args: string[]): Argv => ['ip', ...args];

// Described once, as world files (examples/worlds/), bundled as text and applied as `nsdeck apply` does.
const bridge: Scenario = {
	name: 'bridge',
	description: 'ns1 and ns2 on bridge br0 in the host (10.1.1.1, 10.1.1.2, br0 10.1.1.4)',
	world: {path: 'examples/worlds/bridge.yaml', text: bridgeWorld},
};

const pair: Scenario = {
	name: 'pair',
	description: 'namespaces client and server joined by a veth pair (10.0.0.1, 10.0.0.2)',
	world: {path: 'examples/worlds/pair.yaml', text: pairWorld},
};

/** A container on docker0, as Docker makes it: a veth to the bridge, eth0 inside, a default route. */
function dockerContainer(id: string, address: string, hostEnd: string): ScenarioStep[] {
	const made = `made-${id}`;
	const mount = `/run/docker/netns/${id}`;
	return [
		ip('netns', 'add', made),
		ip('link', 'add', 'name', hostEnd, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', made),
		ip('link', 'set', 'dev', hostEnd, 'master', 'docker0'),
		ip('link', 'set', 'dev', hostEnd, 'up'),
		ip('-n', made, 'link', 'set', 'dev', 'lo', 'up'),
		ip('-n', made, 'addr', 'add', address, 'dev', 'eth0'),
		ip('-n', made, 'link', 'set', 'dev', 'eth0', 'up'),
		ip('-n', made, 'route', 'add', 'default', 'via', '172.17.0.1'),
		{hold: made},
		['touch', mount],
		['mount', '--bind', `/run/netns/${made}`, mount],
		ip('netns', 'del', made),
	];
}

/** A Mininet host on switch s1: its namespace is held only by its process (Mininet's `mnexec -n`). */
function mininetHost(host: string, port: string, address: string): ScenarioStep[] {
	return [
		ip('netns', 'add', host),
		ip('link', 'add', 'name', port, 'type', 'veth', 'peer', 'name', `${host}-eth0`, 'netns', host),
		ip('link', 'set', 'dev', port, 'master', 's1'),
		ip('link', 'set', 'dev', port, 'up'),
		ip('-n', host, 'link', 'set', 'dev', 'lo', 'up'),
		ip('-n', host, 'addr', 'add', address, 'dev', `${host}-eth0`),
		ip('-n', host, 'link', 'set', 'dev', `${host}-eth0`, 'up'),
		{hold: host},
		ip('netns', 'del', host),
	];
}

const containers: Scenario = {
	name: 'containers',
	description: 'a Docker host (docker0, two containers under /run/docker/netns) and Mininet hosts h1, h2 on s1, held only by processes',
	commands: [
		ip('link', 'add', 'name', 'docker0', 'type', 'bridge'),
		ip('addr', 'add', '172.17.0.1/16', 'dev', 'docker0'),
		ip('link', 'set', 'dev', 'docker0', 'up'),
		['mkdir', '-p', '/run/docker/netns'],
		...dockerContainer('4f1c9a7e2b3d', '172.17.0.2/16', 'veth1a2b3c4'),
		...dockerContainer('9e8d7c6b5a41', '172.17.0.3/16', 'veth5d6e7f8'),
		ip('link', 'add', 'name', 's1', 'type', 'bridge'),
		ip('link', 'set', 'dev', 's1', 'up'),
		...mininetHost('h1', 's1-eth1', '10.0.0.1/8'),
		...mininetHost('h2', 's1-eth2', '10.0.0.2/8'),
	],
};

const empty: Scenario = {name: 'empty', description: 'nothing but the lab host', commands: []};

export const SCENARIOS: readonly Scenario[] = [bridge, pair, containers, empty];
export const DEFAULT_SCENARIO = 'bridge';

export const findScenario = (name: string): Scenario | undefined => SCENARIOS.find((s) => s.name === name);
