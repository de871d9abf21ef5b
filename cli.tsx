// Flags and subcommands, preflight, the choice of System, and <App>.
// These three stay the first imports: see each.
import './source/without-fetch.js';
import './source/lazy-segmenter.js';
import {early, earlyShow} from './source/early-start.js';
import {constants} from 'node:os';
import {setFlagsFromString} from 'node:v8';
import {setTimeout as delay} from 'node:timers/promises';
import packageJson from './package.json' with {type: 'json'};
import {guardSeconds, HELP, parseCli, type Cli} from './source/cli-args.js';
import {shown} from './source/model/display.js';
import {hostsToDot, hostsToMermaid, toDot, toMermaid} from './source/model/graph-export.js';
import {buildTopology} from './source/model/topology.js';
import {keepNoRecords} from './source/model/raw-records.js';
import {jsonText, readShownQdiscs, worldToJson, worldToText} from './source/show.js';
import {loadIprouteNames} from './source/system/netdump.js';
import {hostsToJson, hostsToText, readHosts} from './source/show-hosts.js';
import {destinationsProblem, repeatedDestination} from './source/model/ssh-destination.js';
import {closeAllMasters} from './source/system/ssh-control.js';
import {connectServers} from './source/connect-servers.js';
import {buildFleetLab, FLEET_SCENARIO} from './source/system/fleet-lab.js';
import {builtinTutorials, findTutorial} from './source/plans/builtin-tutorials.js';
import type {Tutorial} from './source/model/tutorial/types.js';
import {buildLab} from './source/lab-build.js';
import {isTutorialFile, readTutorialFile} from './source/system/tutorial-file.js';
import {DEFAULT_SCENARIO, SCENARIOS, findScenario} from './source/system/lab-scenarios.js';
import {checkLogFile} from './source/system/log-file.js';
import {isWorldFileArgument, readWorldFile} from './source/system/world-file-io.js';
import {tutorialWithWorld} from './source/plans/tutorial-setup-plan.js';
import {kindsThisKernelCannotMake} from './source/system/link-kind-probe.js';
import {diffCommand, runFileCommand, saveCommand, type WorldCommandOptions} from './source/world-commands.js';
import {runAttached, runCommand} from './source/system/runner.js';
import {insideSandbox, prepareSandbox, runInSandbox} from './source/system/sandbox.js';
import {selfArgv} from './source/system/self.js';
import {readFirst, type FirstRead} from './source/system/first-read.js';
import type {World} from './source/model/types.js';
import type {FleetServer} from './source/state/fleet-sync.js';
import {checkToolsInstalled, createRealSystem, type System} from './source/system/system.js';
import {createSuspend, enterFullScreen, leaveFullScreen} from './source/system/terminal.js';

/** One line on stderr: shown() makes what it quotes (a file's text, an argument) safe for the terminal. */
function fail(message: string, code = 2): never {
	console.error(`nsdeck: ${shown(message)}`);
	process.exit(code);
}

const cli = ((): Cli => {
	try {
		return parseCli(process.argv.slice(2));
	} catch (error) {
		return fail(`${error instanceof Error ? error.message : String(error)}; see nsdeck --help`);
	}
})();

/** `show --host …`: the servers' worlds; a server that failed is a line on stderr, and the exit status 1. */
async function showHosts(hosts = cli.flags.hosts, configFile = cli.flags.sshConfig): Promise<void> {
	const {json, dot, mermaid} = cli.flags;
	if ([json, dot, mermaid].filter(Boolean).length > 1) fail('choose one of --json, --dot and --mermaid');
	const twice = repeatedDestination(hosts);
	if (twice) fail(twice);
	const read = await readHosts(hosts, {configFile, sudo: cli.flags.sudo, upload: !cli.flags.noUpload});
	for (const {problem} of read) if (problem) console.error(`nsdeck: ${shown(problem)}`);
	if (dot || mermaid) {
		const worlds = read.flatMap((r) => (r.world ? [{host: r.dest, world: r.world}] : []));
		process.stdout.write(dot ? hostsToDot(worlds) : hostsToMermaid(worlds));
	} else process.stdout.write(json ? jsonText(hostsToJson(read)) + '\n' : hostsToText(read));
	if (read.some((r) => r.problem)) process.exitCode = 1;
}

/**
 * `nsdeck --host DEST…`: the app on one server, or on several (one world each). A DEST that is no
 * destination stops nsdeck; a server that cannot be reached is one line, and the others still open.
 */
async function openServers(dests: readonly string[], configFile = cli.flags.sshConfig, lab = false): Promise<void> {
	const invalid = destinationsProblem(dests);
	if (invalid) fail(invalid);
	try {
		const {servers, problems} = await connectServers(dests, {configFile, sudo: cli.flags.sudo, upload: !cli.flags.noUpload, lab});
		if (servers.length === 0) fail(problems.length === 1 ? problems[0] : `no server could be reached: ${problems.join('; ')}`, 1);
		for (const problem of problems) console.error(`nsdeck: ${shown(problem)}`);
		// The first server's list and host are read while the UI's modules load, as early-start.ts does here.
		const first = readFirst(servers[0].system).catch(() => undefined);
		await startApp(servers[0].system, first, undefined, servers);
	} finally {
		// The masters are child processes: they would keep Node running after the app ends.
		closeAllMasters();
	}
}

const keepSeconds = ((): number | undefined => {
	try {
		return guardSeconds();
	} catch (error) {
		return fail(error instanceof Error ? error.message : String(error));
	}
})();

async function showOnce(system: System, read?: Promise<World>): Promise<void> {
	const {json, dot, mermaid} = cli.flags;
	if ([json, dot, mermaid].filter(Boolean).length > 1) fail('choose one of --json, --dot and --mermaid');
	const world = await (read ?? system.readWorld());
	const topology = buildTopology(world);
	if (dot) process.stdout.write(toDot(world, topology));
	else if (mermaid) process.stdout.write(toMermaid(world, topology));
	else if (json) process.stdout.write(jsonText(worldToJson(world, topology, loadIprouteNames(), await readShownQdiscs(system, world))) + '\n');
	else process.stdout.write(worldToText(world, topology));
}

/** How long the first frame waits for the first read (it usually takes ~30 ms): a slow `ip` must not keep the screen blank. */
const FIRST_READ_WAIT_MS = 250;

async function startApp(system: System, firstRead?: Promise<FirstRead | undefined>, tutorial?: Tutorial, servers?: readonly FleetServer[]): Promise<void> {
	if (!process.stdin.isTTY || !process.stdout.isTTY) fail('the app needs a terminal; for scripts and pipes use `nsdeck show [--json]`');
	keepNoRecords();
	// After each full collection V8 lets the old generation grow by a factor it picks (up to 4x for a small
	// heap); loading 1,000 namespaces leaves many short-lived records there, and the heap grew to ~125 MB
	// around ~35 MB of live objects. Growing by 1.3x, the app's peak RSS there fell from 189-204 MB to
	// 123-135 MB, the load no slower (two runs each). V8 reads it after every full collection, so it can be
	// set now; not on the #! line, where it made `show --json` at 1,000 namespaces 17% slower.
	setFlagsFromString('--heap-growing-percent=30');
	// Loaded here, not at the top: show, save and diff never pay for ink, React and yoga (the bundle keeps
	// what is imported only here lazy). Started before the first read is awaited, so they overlap.
	const ui = Promise.all([import('ink'), import('./source/app.js')]);
	enterFullScreen();
	const first = firstRead && (await Promise.race([firstRead, delay(FIRST_READ_WAIT_MS, undefined, {ref: false})]));
	const [{render}, {App}] = await ui;
	// The shell (s) hands the terminal over; afterwards ink must draw the whole frame again.
	const suspend = createSuspend(() => app.clear());
	// A first read slower than the wait is not made again: the app takes it when it comes.
	const late = first ? undefined : firstRead;
	const app = render(<App system={system} firstRead={first} lateFirstRead={late} dryRun={cli.flags.dryRun} logFile={cli.flags.log} suspend={suspend} tutorial={tutorial} keepSeconds={keepSeconds} servers={servers} />, {
		exitOnCtrlC: false,
		incrementalRendering: true,
		patchConsole: true,
	});
	await app.waitUntilExit();
	app.cleanup();
	leaveFullScreen();
}

function worldOptions(lab: boolean): WorldCommandOptions {
	const system = createRealSystem({lab});
	return {
		readWorld: () => system.readWorld(),
		run: (argv) => runCommand(argv),
		out: (text) => process.stdout.write(text),
		err: (text) => process.stderr.write(text),
		yes: cli.flags.yes,
		prune: cli.flags.prune,
		dryRun: cli.flags.dryRun,
		log: cli.flags.log,
		only: cli.flags.ns.length > 0 ? cli.flags.ns : undefined,
		macs: cli.flags.macs,
		canMake: (kinds) => kindsThisKernelCannotMake(kinds, runCommand),
		readQdiscs: (world) => readShownQdiscs(system, world),
	};
}

/** `nsdeck save|diff|apply|destroy FILE`: exits with the command's code. */
async function worldCommand(command: string, path: string | undefined): Promise<never> {
	if (path === undefined) fail(`usage: nsdeck ${command} FILE${command === 'save' ? '|-' : ''}; see nsdeck --help`);
	const o = worldOptions(false);
	const code = command === 'save' ? await saveCommand(path, o) : command === 'diff' ? await diffCommand(path, o) : await runFileCommand(path, o, command === 'destroy');
	process.exit(code);
}

/** `nsdeck lab FILE`: the lab built by applying a world file, as `nsdeck apply --yes` would. */
async function labFromFile(path: string): Promise<void> {
	if (!insideSandbox()) process.exit(await runInSandbox([...selfArgv(), ...process.argv.slice(2)]));
	await prepareSandbox(runCommand);
	const code = await runFileCommand(path, {...worldOptions(true), yes: true, out: () => undefined}, false);
	if (code !== 0) process.exit(code);
	const system = createRealSystem({lab: true});
	if (cli.flags.show) await showOnce(system);
	else await startApp(system);
}

/** `nsdeck lab fleet`: two servers with their own sshd in the sandbox, and the app on both over ssh. */
async function fleetLab(): Promise<void> {
	if (!insideSandbox()) process.exit(await runInSandbox([...selfArgv(), ...process.argv.slice(2)]));
	await prepareSandbox(runCommand);
	const made = await buildFleetLab(runCommand).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error), 1));
	try {
		if (cli.flags.show) await showHosts(made.hosts, made.config);
		else await openServers(made.hosts, made.config, true);
	} finally {
		closeAllMasters();
		await made.stop();
	}
}

/** Everything below the lab's entry runs inside the sandbox, in a second copy of this program. */
async function lab(scenarioName: string): Promise<void> {
	if (scenarioName === FLEET_SCENARIO.name) return fleetLab();
	if (isWorldFileArgument(scenarioName)) return labFromFile(scenarioName);
	const scenario = findScenario(scenarioName);
	if (!scenario) fail(`no lab scenario "${scenarioName}"; choose one of: ${[...SCENARIOS, FLEET_SCENARIO].map((s) => s.name).join(', ')}`);
	if (!insideSandbox()) process.exit(await runInSandbox([...selfArgv(), ...process.argv.slice(2)]));
	await prepareSandbox(runCommand);
	const system = createRealSystem({lab: true});
	await buildLab(scenario, runCommand, () => system.readWorld());
	if (cli.flags.show) await showOnce(system);
	else await startApp(system);
}

/** The tutorial a `nsdeck tutorial` argument names: a built-in's number or name, or a file. */
function chooseTutorial(argument: string): Tutorial {
	if (isTutorialFile(argument)) {
		try {
			const read = readTutorialFile(argument);
			return read.world === undefined ? read : tutorialWithWorld(read, readWorldFile(read.world));
		} catch (error) {
			return fail(error instanceof Error ? error.message : String(error));
		}
	}
	return findTutorial(argument) ?? fail(`no tutorial "${argument}"; see nsdeck tutorial --list`);
}

function listTutorials(): void {
	for (const t of builtinTutorials()) process.stdout.write(`${t.name.padEnd(24)} ${t.title} (${t.steps.length} steps)\n`);
}

/** `nsdeck tutorial [NAME]`: the lab, built as the tutorial starts, with the tutorial beside the panes. */
async function tutorial(argument: string): Promise<void> {
	if (cli.flags.list) return listTutorials();
	const chosen = chooseTutorial(argument);
	if (!insideSandbox()) process.exit(await runInSandbox([...selfArgv(), ...process.argv.slice(2)]));
	await prepareSandbox(runCommand);
	for (const argv of chosen.setup) await runCommand(argv);
	await startApp(createRealSystem({lab: true}), undefined, chosen);
}

/** `nsdeck sandbox -- CMD…`: run a command in a fresh sandbox (the tests use it). */
async function sandbox(command: readonly string[]): Promise<void> {
	if (command.length === 0) fail('usage: nsdeck sandbox -- COMMAND [ARGS…]');
	if (!insideSandbox()) process.exit(await runInSandbox([...selfArgv(), ...process.argv.slice(2)]));
	await prepareSandbox(runCommand);
	process.exit(await runAttached(command));
}

/**
 * What nsdeck prints (show, --help, tutorial --list) may have nowhere to go: a reader that left early
 * (`nsdeck show | head`) ends it quietly, as SIGPIPE ends other tools; any other failure is one line.
 */
function onOutputError(error: NodeJS.ErrnoException): void {
	if (error.code === 'EPIPE') process.exit(128 + constants.signals.SIGPIPE);
	fail(`cannot write the output: ${error.code ?? error.message}`, 1);
}

async function main(): Promise<void> {
	process.stdout.on('error', onOutputError);
	if (cli.flags.help) return void process.stdout.write(HELP.slice(1));
	if (cli.flags.version) return void process.stdout.write(`${packageJson.version}\n`);
	const [command = '', ...args] = cli.input;
	const ipMissing = checkToolsInstalled();
	if (ipMissing) fail(ipMissing, 127);
	// Said once, before anything runs: a log that fails later is reported, but a plan never stops for it.
	const logProblem = cli.flags.log && checkLogFile(cli.flags.log);
	if (logProblem) fail(`cannot write the log ${cli.flags.log}: ${logProblem}`);
	switch (command) {
		case '':
			if (cli.flags.hosts.length > 0) return openServers(cli.flags.hosts);
			return early ? startApp(early.system, early.firstRead) : startApp(createRealSystem({lab: false}));
		case 'show':
			if (cli.flags.hosts.length > 0) return showHosts(cli.flags.hosts);
			return earlyShow ? showOnce(earlyShow.system, earlyShow.world) : showOnce(createRealSystem({lab: false}));
		case 'lab':
			return lab(args[0] ?? DEFAULT_SCENARIO);
		case 'save':
		case 'diff':
		case 'apply':
		case 'destroy':
			return worldCommand(command, args[0]);
		case 'tutorial':
			return tutorial(args[0] ?? builtinTutorials()[0].name);
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
