// Reads a tutorial file's JSON into a Tutorial, or says exactly what is wrong: the file, the field (as a
// path like `steps[2].check.address.cidr`) and what was expected. Anyone can write a tutorial, so nothing
// in one is trusted: names and addresses are checked as the forms check them, and setup may only run `ip`.
import {checkInterfaceName, checkNamespaceName, parseCidr, parseIp} from '../validate.js';
import {HOST_ID} from '../types.js';
import {setupCommandProblem} from './setup-command.js';
import type {Check, LinkSelector, Tutorial, TutorialStep} from './types.js';

export class TutorialError extends Error {
	constructor(
		readonly file: string,
		readonly field: string,
		problem: string,
	) {
		super(`${file}: ${field === '' ? '' : `${field}: `}${problem}`);
	}
}

type Json = unknown;

/** Walks one file, remembering where it is, so every complaint names its field. */
class Reader {
	constructor(private readonly file: string) {}

	fail(field: string, problem: string): never {
		throw new TutorialError(this.file, field, problem);
	}

	object(value: Json, field: string, keys: readonly string[], required: readonly string[] = keys): Record<string, Json> {
		if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(field, 'expected an object');
		const record = value as Record<string, Json>;
		for (const key of Object.keys(record)) if (!keys.includes(key)) this.fail(join(field, key), `unknown field (expected one of: ${keys.join(', ')})`);
		for (const key of required) if (!(key in record)) this.fail(join(field, key), 'missing');
		return record;
	}

	string(value: Json, field: string): string {
		if (typeof value !== 'string' || value.trim() === '') this.fail(field, 'expected a non-empty string');
		return value;
	}

	boolean(value: Json, field: string): boolean {
		if (typeof value !== 'boolean') this.fail(field, 'expected true or false');
		return value;
	}

	array(value: Json, field: string, {nonEmpty = false} = {}): readonly Json[] {
		if (!Array.isArray(value)) this.fail(field, 'expected a list');
		if (nonEmpty && value.length === 0) this.fail(field, 'expected at least one item');
		return value;
	}

	strings(value: Json, field: string): string[] {
		return this.array(value, field).map((v, i) => this.string(v, `${field}[${i}]`));
	}

	namespace(value: Json, field: string): string {
		const name = this.string(value, field);
		const problem = name === HOST_ID ? undefined : checkNamespaceName(name);
		if (problem) this.fail(field, problem);
		return name;
	}

	interfaceName(value: Json, field: string): string {
		const name = this.string(value, field);
		const problem = checkInterfaceName(name);
		if (problem) this.fail(field, problem);
		return name;
	}

	ip(value: Json, field: string): string {
		const text = this.string(value, field);
		if (!parseIp(text)) this.fail(field, `"${text}" is not an IPv4 or IPv6 address`);
		return text;
	}

	cidr(value: Json, field: string): string {
		const text = this.string(value, field);
		if (!parseCidr(text)) this.fail(field, `"${text}" is not an address with a prefix, e.g. 10.1.1.1/24`);
		return text;
	}

	linkSelector(value: Json, field: string, extra: readonly string[] = []): Record<string, Json> & LinkSelector {
		const o = this.object(value, field, ['ns', 'name', ...extra], ['name']);
		return {...o, ...(o.ns === undefined ? {} : {ns: this.namespace(o.ns, join(field, 'ns'))}), name: this.interfaceName(o.name, join(field, 'name'))};
	}

	check(value: Json, field: string): Check {
		const kinds = ['namespace', 'link', 'address', 'veth', 'forwarding', 'route', 'ping', 'echoed', 'all', 'any', 'not'];
		const o = this.object(value, field, kinds, []);
		const [kind, ...more] = Object.keys(o);
		if (kind === undefined || more.length > 0) this.fail(field, `expected exactly one of: ${kinds.join(', ')}`);
		const at = join(field, kind);
		const body = o[kind];
		switch (kind) {
			case 'namespace':
				return {namespace: this.namespace(body, at)};
			case 'link': {
				const l = this.linkSelector(body, at, ['kind', 'up', 'state', 'master', 'mtu']);
				if (l.mtu !== undefined && !(Number.isInteger(l.mtu) && (l.mtu as number) > 0)) this.fail(join(at, 'mtu'), 'expected a positive whole number');
				return {
					link: {
						...(l.ns === undefined ? {} : {ns: l.ns}),
						name: l.name,
						...(l.kind === undefined ? {} : {kind: this.string(l.kind, join(at, 'kind'))}),
						...(l.up === undefined ? {} : {up: this.boolean(l.up, join(at, 'up'))}),
						...(l.state === undefined ? {} : {state: this.string(l.state, join(at, 'state'))}),
						...(l.master === undefined ? {} : {master: this.interfaceName(l.master, join(at, 'master'))}),
						...(l.mtu === undefined ? {} : {mtu: l.mtu as number}),
					},
				};
			}
			case 'address': {
				const a = this.object(body, at, ['ns', 'dev', 'cidr'], ['ns', 'cidr']);
				return {address: {ns: this.namespace(a.ns, join(at, 'ns')), ...(a.dev === undefined ? {} : {dev: this.interfaceName(a.dev, join(at, 'dev'))}), cidr: this.cidr(a.cidr, join(at, 'cidr'))}};
			}
			case 'veth': {
				const v = this.object(body, at, ['a', 'b']);
				const end = (key: 'a' | 'b'): LinkSelector => {
					const s = this.linkSelector(v[key], join(at, key));
					return s.ns === undefined ? {name: s.name} : {ns: s.ns, name: s.name};
				};
				return {veth: {a: end('a'), b: end('b')}};
			}
			case 'forwarding': {
				const f = this.object(body, at, ['ns', 'family', 'on'], ['ns', 'on']);
				if (f.family !== undefined && f.family !== 4 && f.family !== 6) this.fail(join(at, 'family'), 'expected 4 or 6');
				return {forwarding: {ns: this.namespace(f.ns, join(at, 'ns')), ...(f.family === undefined ? {} : {family: f.family as 4 | 6}), on: this.boolean(f.on, join(at, 'on'))}};
			}
			case 'route': {
				const r = this.object(body, at, ['ns', 'to', 'via', 'dev'], ['ns', 'to']);
				const to = this.string(r.to, join(at, 'to'));
				if (to !== 'default' && !parseIp(to) && !parseCidr(to)) this.fail(join(at, 'to'), `"${to}" is not 'default', an address or a prefix`);
				return {
					route: {
						ns: this.namespace(r.ns, join(at, 'ns')),
						to,
						...(r.via === undefined ? {} : {via: this.ip(r.via, join(at, 'via'))}),
						...(r.dev === undefined ? {} : {dev: this.interfaceName(r.dev, join(at, 'dev'))}),
					},
				};
			}
			case 'ping': {
				const p = this.object(body, at, ['from', 'to', 'answered'], ['from', 'to']);
				return {ping: {from: this.namespace(p.from, join(at, 'from')), to: this.ip(p.to, join(at, 'to')), ...(p.answered === undefined ? {} : {answered: this.boolean(p.answered, join(at, 'answered'))})}};
			}
			case 'echoed': {
				const e = this.object(body, at, ['ns', 'count'], ['ns']);
				if (e.count !== undefined && !(Number.isInteger(e.count) && (e.count as number) > 0)) this.fail(join(at, 'count'), 'expected a positive whole number');
				return {echoed: {ns: this.namespace(e.ns, join(at, 'ns')), ...(e.count === undefined ? {} : {count: e.count as number})}};
			}
			case 'not':
				return {not: this.check(body, at)};
			default: {
				const list = this.array(body, at, {nonEmpty: true}).map((c, i) => this.check(c, `${at}[${i}]`));
				return kind === 'all' ? {all: list} : {any: list};
			}
		}
	}

	step(value: Json, field: string): TutorialStep {
		const o = this.object(value, field, ['goal', 'explain', 'commands', 'hints', 'check', 'focus'], ['goal', 'commands', 'check']);
		return {
			goal: this.string(o.goal, join(field, 'goal')),
			...(o.explain === undefined ? {} : {explain: this.string(o.explain, join(field, 'explain'))}),
			commands: this.strings(o.commands, join(field, 'commands')),
			hints: o.hints === undefined ? [] : this.strings(o.hints, join(field, 'hints')),
			check: this.check(o.check, join(field, 'check')),
			...(o.focus === undefined ? {} : {focus: this.array(o.focus, join(field, 'focus')).map((f, i) => this.linkSelector(f, `${join(field, 'focus')}[${i}]`))}),
		};
	}

	/** A world file's name, relative to the tutorial's file: a YAML file (`nsdeck save`, netnsplan). */
	worldFile(value: Json, field: string): string {
		const path = this.string(value, field);
		if (/[\u0000-\u001F\u007F]/.test(path)) this.fail(field, 'control characters are not allowed');
		if (!/\.ya?ml$/.test(path)) this.fail(field, `"${path}" is not a world file (FILE.yaml, as nsdeck save writes)`);
		return path;
	}

	setupCommand(value: Json, field: string): string[] {
		const argv = this.strings(value, field);
		// A tutorial from anywhere runs nothing but ip, only inside the lab, and not ip's ways to run programs.
		const problem = setupCommandProblem(argv);
		if (problem) this.fail(field, problem);
		return argv;
	}
}

const join = (field: string, key: string): string => (field === '' ? key : `${field}.${key}`);

/** A tutorial from its file's name (without .json) and parsed JSON; throws TutorialError. */
export function readTutorial(file: string, name: string, json: Json): Tutorial {
	const r = new Reader(file);
	const o = r.object(json, '', ['title', 'summary', 'setup', 'world', 'steps'], ['title', 'summary', 'steps']);
	if (o.setup !== undefined && o.world !== undefined) r.fail('world', 'give setup commands or a world file, not both');
	return {
		name,
		title: r.string(o.title, 'title'),
		summary: r.string(o.summary, 'summary'),
		setup: o.setup === undefined ? [] : r.array(o.setup, 'setup').map((c, i) => r.setupCommand(c, `setup[${i}]`)),
		...(o.world === undefined ? {} : {world: r.worldFile(o.world, 'world')}),
		steps: r.array(o.steps, 'steps', {nonEmpty: true}).map((s, i) => r.step(s, `steps[${i}]`)),
	};
}

/** The same, from the file's text: a JSON syntax error is named too. */
export function parseTutorial(file: string, name: string, text: string): Tutorial {
	let json: Json;
	try {
		json = JSON.parse(text);
	} catch (error) {
		throw new TutorialError(file, '', `not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
	}
	return readTutorial(file, name, json);
}
