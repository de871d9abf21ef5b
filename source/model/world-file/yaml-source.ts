// A YAML file read with the `yaml` package, keeping where each key and item is, so that a mistake found
// later (an unknown key, a bad address) names its line. No hand-written parser: YAML has too many corners.
import {LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Node} from 'yaml';
import {WorldFileError} from './types.js';

export type Path = ReadonlyArray<string | number>;

export interface YamlSource {
	readonly file: string;
	readonly value: unknown;
	/** The line (1-based) of the deepest part of `path` the file has. */
	readonly lineOf: (path: Path) => number | undefined;
}

const pathKey = (path: Path): string => path.map(String).join('\u0000');

function record(node: unknown, path: Path, lineAt: (offset: number) => number, lines: Map<string, number>): void {
	if (isMap(node)) {
		for (const pair of node.items) {
			if (!isPair(pair) || !isScalar(pair.key)) continue;
			const keyPath = [...path, String(pair.key.value)];
			if (pair.key.range) lines.set(pathKey(keyPath), lineAt(pair.key.range[0]));
			record(pair.value, keyPath, lineAt, lines);
		}
	} else if (isSeq(node)) {
		node.items.forEach((item, index) => {
			const itemPath = [...path, index];
			const range = (item as Node | null)?.range;
			if (range) lines.set(pathKey(itemPath), lineAt(range[0]));
			record(item, itemPath, lineAt, lines);
		});
	}
}

/** Throws WorldFileError for a YAML error (the first one, on one line) or a file with anchors and aliases gone wrong. */
export function readYaml(file: string, text: string): YamlSource {
	const counter = new LineCounter();
	// uniqueKeys (the default) makes a key written twice an error, not a silent overwrite.
	const doc = parseDocument(text, {lineCounter: counter, prettyErrors: false});
	const error = doc.errors[0];
	if (error) {
		const line = counter.linePos(error.pos[0]).line;
		throw new WorldFileError(file, line, '', `not valid YAML: ${error.message.split('\n')[0]}`);
	}
	const lines = new Map<string, number>();
	const lineAt = (offset: number): number => counter.linePos(offset).line;
	record(doc.contents, [], lineAt, lines);
	const lineOf = (path: Path): number | undefined => {
		for (let n = path.length; n > 0; n--) {
			const line = lines.get(pathKey(path.slice(0, n)));
			if (line !== undefined) return line;
		}
		return doc.contents?.range ? lineAt(doc.contents.range[0]) : undefined;
	};
	return {file, value: doc.toJS({maxAliasCount: 100}), lineOf};
}
