// Command-line words → subcommand, arguments and flags, with node's own parseArgs: meow would add 244 KB
// (package.json normalisation) to a bundle that is parsed on every start.
import {parseArgs} from 'node:util';
import {DEFAULT_SCENARIO, SCENARIOS} from './system/lab-scenarios.js';
import {FLEET_SCENARIO} from './system/fleet-lab.js';

/** The subcommands and what each does: one table, so the descriptions start in one column. */
const USAGE: ReadonlyArray<readonly [string, string]> = [
	['nsdeck', "explore and change this machine's network namespaces (root or CAP_NET_ADMIN to change)"],
	['nsdeck lab [scenario]', 'the same app in a private, throwaway network world (no root needed)'],
	['nsdeck tutorial [NAME]', 'a guided tutorial in the lab that checks each step as you go (--list: which)'],
	['nsdeck show [--json]', 'print every namespace, interface, peer and route once, for scripts'],
	['nsdeck show --dot', 'the topology as a Graphviz graph (nsdeck show --dot | dot -Tsvg > net.svg)'],
	['nsdeck show --mermaid', 'the topology as a Mermaid flowchart, for Markdown documents'],
	['nsdeck --host DEST', "the app on a server over the system's ssh (repeat --host: several, one screen)"],
	['nsdeck show --host DEST', "print a server's namespaces over ssh (repeat --host for more; --json, --dot, --mermaid)"],
	['nsdeck lab FILE', 'the lab, built from a world file (nsdeck save writes one)'],
	['nsdeck save FILE|-', 'write the world as a file (YAML): namespaces, links, addresses, routes, rules'],
	['nsdeck diff FILE', 'print the plan that would make the world match FILE (exit 0 same, 2 changes)'],
	['nsdeck apply FILE', 'show that plan, ask, run it (rolled back if a step fails); netnsplan files too'],
	['nsdeck destroy FILE', 'remove exactly what FILE declares, and nothing else'],
	['nsdeck sandbox -- CMD', 'run CMD in a fresh private sandbox (what the tests use)'],
];

function usage(rows: ReadonlyArray<readonly [string, string]>): string {
	const width = Math.max(...rows.map(([command]) => command.length)) + 2;
	return rows.map(([command, what]) => `    $ ${command.padEnd(width)}${what}`).join('\n');
}

export const HELP = `
  Usage
${usage(USAGE)}

  Lab scenarios
${[...SCENARIOS, FLEET_SCENARIO].map((s) => `    ${s.name.padEnd(10)} ${s.description}${s.name === DEFAULT_SCENARIO ? ' (default)' : ''}`).join('\n')}

  Options
    --json      with show: JSON in ip -j -d's keys, nsdeck's findings (peer, lower, ports, label) under "nsdeck"
    --dot       with show: Graphviz DOT, one edge per veth pair and per bridge port
    --mermaid   with show: a Mermaid flowchart of the same graph
    --show      with lab: build the scenario, print it as show does, and leave
    --list      with tutorial: list the tutorials
    --ns NAME   with save: only this namespace (again for more; host is the host)
    --macs      with save: every made link's MAC address too (the kernel does
                not say which were set by hand; random ones change on apply)
    --yes       with apply, destroy: run without asking (for scripts)
    --prune     with apply, diff: also delete links, routes and rules that the
                file's namespaces hold and the file does not declare
    --dry-run   change nothing: plans show what they make, marked planned;
                the log's w writes them all as one script
    --log FILE  append every command nsdeck runs to FILE, as a shell script
    --host DEST     the server DEST (what ssh takes: an alias, [user@]host[:port]), over the system's
                    OpenSSH: the app on it, or with show, repeated, several servers. Nothing is installed there: the
                    helper is sent to ~/.cache/nsdeck (checked by sha256 before each run), or ip -j is used
    --no-upload     with --host: never write on a server (read with ip -j)
    --sudo          with --host: run every remote command through sudo -n
    --ssh-config F  with --host: ssh's configuration file F instead of ~/.ssh/config
    --help      this text
    --version   the version

  Environment
    NSDECK_GUARD_SECONDS=N  seconds a change on your SSH session's path waits for k
                            before it is reverted (1-3600, default 30)

  In the app, press ? for every key.
`;

export interface CliFlags {
	readonly json: boolean;
	readonly dot: boolean;
	readonly mermaid: boolean;
	readonly show: boolean;
	readonly list: boolean;
	readonly ns: readonly string[];
	readonly yes: boolean;
	readonly macs: boolean;
	readonly prune: boolean;
	readonly dryRun: boolean;
	readonly log?: string;
	/** --host DEST, in the order given (repeatable). */
	readonly hosts: readonly string[];
	readonly noUpload: boolean;
	readonly sudo: boolean;
	readonly sshConfig?: string;
	readonly help: boolean;
	readonly version: boolean;
}

export interface Cli {
	/** The subcommand and its arguments ('' for the app). */
	readonly input: readonly string[];
	readonly flags: CliFlags;
}

/**
 * node's parseArgs says more than a person needs (`To specify a positional argument starting with a '-',
 * place it after the end of options…`): its errors, by code, in one short clause. cli.tsx adds `; see
 * nsdeck --help`.
 */
function parseError(error: unknown): Error {
	const message = error instanceof Error ? error.message : String(error);
	const code = (error as {code?: unknown} | undefined)?.code;
	const option = /'(-{1,2}[^'\s]*)/.exec(message)?.[1];
	if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return new Error(`unknown option ${option}`);
	if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
		return new Error(/argument missing/.test(message) ? `${option} needs a value` : `${option} takes no value`);
	}
	return error instanceof Error ? error : new Error(message);
}

/** Throws with a message for people on an unknown flag or a missing value. */
export function parseCli(argv: readonly string[]): Cli {
	try {
		return parseOwn(argv);
	} catch (error) {
		throw parseError(error);
	}
}

function parseOwn(argv: readonly string[]): Cli {
	const dashes = argv.indexOf('--');
	// Words after `--` belong to `nsdeck sandbox -- CMD…`: never read them as our flags.
	const own = dashes < 0 ? argv : argv.slice(0, dashes);
	const {values, positionals} = parseArgs({
		args: [...own],
		allowPositionals: true,
		strict: true,
		options: {
			json: {type: 'boolean', default: false},
			dot: {type: 'boolean', default: false},
			mermaid: {type: 'boolean', default: false},
			show: {type: 'boolean', default: false},
			list: {type: 'boolean', default: false},
			ns: {type: 'string', multiple: true},
			yes: {type: 'boolean', default: false},
			macs: {type: 'boolean', default: false},
			prune: {type: 'boolean', default: false},
			'dry-run': {type: 'boolean', default: false},
			log: {type: 'string'},
			host: {type: 'string', multiple: true},
			'no-upload': {type: 'boolean', default: false},
			sudo: {type: 'boolean', default: false},
			'ssh-config': {type: 'string'},
			help: {type: 'boolean', short: 'h', default: false},
			version: {type: 'boolean', short: 'v', default: false},
		},
	});
	return {
		input: positionals,
		flags: {
			json: values.json === true,
			dot: values.dot === true,
			mermaid: values.mermaid === true,
			show: values.show === true,
			list: values.list === true,
			ns: values.ns ?? [],
			yes: values.yes === true,
			macs: values.macs === true,
			prune: values.prune === true,
			dryRun: values['dry-run'] === true,
			log: values.log,
			hosts: values.host ?? [],
			noUpload: values['no-upload'] === true,
			sudo: values.sudo === true,
			sshConfig: values['ssh-config'],
			help: values.help === true,
			version: values.version === true,
		},
	};
}

/**
 * NSDECK_GUARD_SECONDS: how long a change on the SSH session's path waits for k before the revert job
 * undoes it (default 30). A whole number of seconds, 1 to 3600; anything else is refused at start.
 */
export function guardSeconds(env: NodeJS.ProcessEnv = process.env): number | undefined {
	const value = env.NSDECK_GUARD_SECONDS;
	if (value === undefined || value === '') return undefined;
	if (!/^[0-9]{1,4}$/.test(value) || Number(value) < 1 || Number(value) > 3600) {
		throw new Error(`NSDECK_GUARD_SECONDS must be a whole number of seconds from 1 to 3600, not "${value}"`);
	}
	return Number(value);
}
