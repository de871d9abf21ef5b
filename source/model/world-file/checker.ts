// Reading a file's values with its YamlSource at hand: each check that fails throws one WorldFileError
// naming the file, the line and the field (`namespaces.ns1.links.veth0.mtu`).
import type {Path, YamlSource} from './yaml-source.js';
import {WorldFileError} from './types.js';

export type Fields = Readonly<Record<string, unknown>>;

const fieldName = (path: Path): string => path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replaceAll('.[', '[');

export class Checker {
	constructor(private readonly source: YamlSource) {}

	fail(path: Path, reason: string): never {
		throw new WorldFileError(this.source.file, this.source.lineOf(path), fieldName(path), reason);
	}

	/** A mapping whose keys are all among `known`. */
	fields(value: unknown, path: Path, known: readonly string[]): Fields {
		if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(path, 'must be a mapping (key: value lines)');
		for (const key of Object.keys(value)) {
			if (!known.includes(key)) this.fail([...path, key], `unknown key; known here: ${known.join(', ')}`);
		}
		return value as Fields;
	}

	/** A mapping of names to anything (namespaces, links); an empty or absent one is empty. */
	named(value: unknown, path: Path): Array<[string, unknown]> {
		if (value === undefined || value === null) return [];
		if (typeof value !== 'object' || Array.isArray(value)) this.fail(path, 'must be a mapping of names');
		return Object.entries(value);
	}

	list(value: unknown, path: Path): unknown[] {
		if (value === undefined || value === null) return [];
		if (!Array.isArray(value)) this.fail(path, 'must be a list (lines starting with -)');
		return value;
	}

	text(value: unknown, path: Path, check?: (text: string) => string | undefined): string | undefined {
		if (value === undefined || value === null) return undefined;
		// A number is text too where ip takes words (table 100, fwmark 1).
		if (typeof value !== 'string' && typeof value !== 'number') this.fail(path, 'must be a word or a number');
		const text = String(value);
		const problem = check?.(text);
		if (problem) this.fail(path, problem);
		return text;
	}

	whole(value: unknown, path: Path, min: number, max: number): number | undefined {
		if (value === undefined || value === null) return undefined;
		if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) this.fail(path, `must be a whole number from ${min} to ${max}`);
		return value;
	}

	flag(value: unknown, path: Path): boolean | undefined {
		if (value === undefined || value === null) return undefined;
		if (typeof value !== 'boolean') this.fail(path, 'must be true or false');
		return value;
	}

	texts(value: unknown, path: Path, check?: (text: string) => string | undefined): string[] {
		return this.list(value, path).map((item, i) => this.text(item, [...path, i], check) ?? this.fail([...path, i], 'must not be empty'));
	}
}
