// Flags and subcommands, preflight, the choice of System, and <App>.
import {render} from 'ink';
import meow from 'meow';
import {App} from './source/app.js';
import {toDot, toMermaid} from './source/model/graph-export.js';
import {buildTopology} from './source/model/topology.js';
import {worldToJson, worldToText} from './source/show.js';
import {buildScenario} from './source/system/lab.js';
import {DEFAULT_SCENARIO, SCENARIOS, findScenario} from './source/system/lab-scenarios.js';
import {runAttached, runCommand} from './source/system/runner.js';
import {insideSandbox, prepareSandbox, runInSandbox} from './source/system/sandbox.js';
import {checkToolsInstalled, createRealSystem, type System} from './source/system/system.js';
import {enterFullScreen, leaveFullScreen} from './source/terminal.js';

const cli = meow(
	`
  Usage
    $ nsdeck                 explore and change this machine's network namespaces (root or CAP_NET_ADMIN to change)
    $ nsdeck lab [scenario]  the same app in a private, throwaway network world (no root needed)
    $ nsdeck show [--json]   print every namespace, interface, peer and route once, for scripts
    $ nsdeck show --dot      the topology as a Graphviz graph (nsdeck show --dot | dot -Tsvg > net.svg)
    $ nsdeck show --mermaid  the topology as a Mermaid flowchart, for Markdown documents

  Lab scenarios
${SCENARIOS.map((s) => `    ${s.name.padEnd(8)} ${s.description}${s.name === DEFAULT_SCENARIO ? ' (default)' : ''}`).join('\n')}

  Options
    --json      with show: JSON, with each veth's peer and each bridge's ports
    --dot       with show: Graphviz DOT, one edge per veth pair and per bridge port
    --mermaid   with show: a Mermaid flowchart of the same graph
    --show      with lab: build the scenario, print it as show does, and leave
    --dry-run   show and log every plan as "not run"; change nothing
    --log FILE  append every command nsdeck runs to FILE, as a shell script
    --help      this text
    --version   the version

  In the app, press ? for every key.
`,
	{
		importMeta: import.meta,
		flags: {
			json: {type: 'boolean', default: false},
			show: {type: 'boolean', default: false},
			dryRun: {type: 'boolean', default: false},
			log: {type: 'string'},
			dot: {type: 'boolean', default: false},
			mermaid: {type: 'boolean', default: false},
		},
	},
);

function fail(message: string, code = 2): never {
	console.error(`nsdeck: ${message}`);
	process.exit(code);
}

async function showOnce(system: System): Promise<void> {
	const {json, dot, mermaid} = cli.flags;
	if ([json, dot, mermaid].filter(Boolean).length > 1) fail('choose one of --json, --dot and --mermaid');
	const world = await system.readWorld();
	const topology = buildTopology(world);
	if (dot) process.stdout.write(toDot(world, topology));
	else if (mermaid) process.stdout.write(toMermaid(world, topology));
	else process.stdout.write(json ? JSON.stringify(worldToJson(world, topology), null, 2) + '\n' : worldToText(world, topology));
}

async function startApp(system: System): Promise<void> {
	if (!process.stdin.isTTY || !process.stdout.isTTY) fail('the app needs a terminal; for scripts and pipes use `nsdeck show [--json]`');
	enterFullScreen();
	const app = render(<App system={system} dryRun={cli.flags.dryRun} logFile={cli.flags.log} />, {exitOnCtrlC: false, incrementalRendering: true, patchConsole: true});
	await app.waitUntilExit();
	app.cleanup();
	leaveFullScreen();
}

/** Everything below the lab's entry runs inside the sandbox, in a second copy of this program. */
async function lab(scenarioName: string): Promise<void> {
	const scenario = findScenario(scenarioName);
	if (!scenario) fail(`no lab scenario "${scenarioName}"; choose one of: ${SCENARIOS.map((s) => s.name).join(', ')}`);
	if (!insideSandbox()) process.exit(await runInSandbox([process.execPath, ...process.argv.slice(1)]));
	await prepareSandbox(runCommand);
	await buildScenario(runCommand, scenario);
	const system = createRealSystem({lab: true});
	if (cli.flags.show) await showOnce(system);
	else await startApp(system);
}

/** `nsdeck sandbox -- CMD…`: run a command in a fresh sandbox (the tests use it). */
async function sandbox(command: readonly string[]): Promise<void> {
	if (command.length === 0) fail('usage: nsdeck sandbox -- COMMAND [ARGS…]');
	if (!insideSandbox()) process.exit(await runInSandbox([process.execPath, ...process.argv.slice(1)]));
	await prepareSandbox(runCommand);
	process.exit(await runAttached(command));
}

async function main(): Promise<void> {
	const [command = '', ...args] = cli.input;
	const ipMissing = checkToolsInstalled();
	if (ipMissing) fail(ipMissing, 127);
	switch (command) {
		case '':
			return startApp(createRealSystem({lab: false}));
		case 'show':
			return showOnce(createRealSystem({lab: false}));
		case 'lab':
			return lab(args[0] ?? DEFAULT_SCENARIO);
		case 'sandbox': {
			const dashes = process.argv.indexOf('--');
			return sandbox(dashes < 0 ? [] : process.argv.slice(dashes + 1));
		}
		default:
			fail(`unknown command "${command}"; see nsdeck --help`);
	}
}

main().catch((error: unknown) => {
	leaveFullScreen();
	fail(error instanceof Error ? error.message : String(error), 1);
});
