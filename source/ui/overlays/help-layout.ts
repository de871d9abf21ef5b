// The help's content and its columns, pure: every binding of keymap.ts grouped by scope, each entry
// wrapped to its column's width and kept whole in one column, so nothing overlaps and scrolling moves
// every column together (an item never jumps from one column to the next).
import {KEYMAP, SCOPE_TITLES, displayKey, type Binding, type Scope} from '../../state/keys/keymap.js';
import {textWidth, wrapByWidth} from '../../model/text-width.js';

export interface HelpLine {
	/** A scope's title, a binding's first line, a wrapped description's next line, or a gap between scopes. */
	readonly kind: 'title' | 'entry' | 'more' | 'gap';
	readonly keys?: string;
	readonly text: string;
	readonly unavailable?: boolean;
}

export interface HelpLayout {
	readonly columns: readonly (readonly HelpLine[])[];
	readonly columnWidth: number;
	/** Lines each column shows at once. */
	readonly rows: number;
	readonly start: number;
	readonly maxScroll: number;
}

/** The scopes in the order people meet them; a scope added to keymap.ts later still shows, at the end. */
const ORDER: readonly Scope[] = ['global', 'lists', 'namespaces', 'interfaces', 'routes', 'filter', 'overlay', 'log', 'map', 'form', 'ping', 'output', 'capture', 'keep'];
/** Below this many columns the help is one column: two would wrap every description. */
export const ONE_COLUMN_BELOW = 100;
const MIN_COLUMN = 46;
export const GAP = 2;
/** The keys' cell; longer keys take a line of their own. */
export const KEYS_WIDTH = 12;
const UNAVAILABLE = ' (read-only: unavailable)';

const scopeOrder = (): Scope[] => [...ORDER, ...(Object.keys(SCOPE_TITLES) as Scope[]).filter((s) => !ORDER.includes(s))];

/** One block per scope title and per binding: a block is never split between columns. */
export function helpBlocks(width: number, keymap: readonly Binding[] = KEYMAP, unavailable: (b: Binding) => boolean = () => false): HelpLine[][] {
	const blocks: HelpLine[][] = [];
	const textColumns = Math.max(width - KEYS_WIDTH, 10);
	for (const scope of scopeOrder()) {
		const bindings = keymap.filter((b) => b.scope === scope);
		if (bindings.length === 0) continue;
		blocks.push([{kind: 'title', text: SCOPE_TITLES[scope]}]);
		for (const [index, b] of bindings.entries()) {
			// Rows that say the same (one per key, handled apart: ↑ pans up, ↓ down) read as one line.
			const same = (x: Binding | undefined): boolean => x !== undefined && x.description === b.description && x.dangerous === b.dangerous;
			if (same(bindings[index - 1])) continue;
			const end = bindings.findIndex((x, i) => i > index && !same(x));
			const run = bindings.slice(index, end < 0 ? undefined : end);
			const keys = run.flatMap((x) => x.keys).map(displayKey).join(' ');
			const off = unavailable(b);
			const text = b.description + (b.dangerous ? ' (asks first)' : '') + (off ? UNAVAILABLE : '');
			const wrapped = wrapByWidth(text, textColumns);
			const block: HelpLine[] =
				textWidth(keys) < KEYS_WIDTH
					? [{kind: 'entry', keys, text: wrapped[0], unavailable: off}, ...wrapped.slice(1).map((t): HelpLine => ({kind: 'more', text: t, unavailable: off}))]
					: [{kind: 'entry', keys, text: '', unavailable: off}, ...wrapped.map((t): HelpLine => ({kind: 'more', text: t, unavailable: off}))];
			blocks.push(block);
		}
	}
	return blocks;
}

/** Lines of the scope whose title is block `from`: the title and its entries, up to the next title. */
function sectionLength(blocks: readonly HelpLine[][], from: number): number {
	let length = 0;
	for (let i = from; i < blocks.length && (i === from || blocks[i][0]?.kind !== 'title'); i++) length += blocks[i].length;
	return length;
}

/**
 * Blocks into columns of at most `height` lines, in order. A scope that fits in one column starts a new
 * column rather than break across two (the reader looks for "Ping panel" in one place); a longer one
 * breaks between entries, its title kept with the entry under it.
 */
function pack(blocks: readonly HelpLine[][], height: number, wholeScopes = true): HelpLine[][] {
	const columns: HelpLine[][] = [[]];
	for (const [i, block] of blocks.entries()) {
		let column = columns.at(-1) ?? [];
		const isTitle = block[0]?.kind === 'title';
		const lead = isTitle && column.length > 0 ? [{kind: 'gap', text: ''} satisfies HelpLine] : [];
		const section = isTitle ? sectionLength(blocks, i) : 0;
		const keepWith = isTitle ? (wholeScopes && section <= height ? section - block.length : (blocks[i + 1]?.length ?? 0)) : 0;
		if (column.length > 0 && column.length + lead.length + block.length + keepWith > height) {
			column = [];
			columns.push(column);
			column.push(...block);
		} else column.push(...lead, ...block);
	}
	return columns;
}

export function helpLayout(width: number, height: number, scroll: number, keymap: readonly Binding[] = KEYMAP, unavailable?: (b: Binding) => boolean): HelpLayout {
	const inner = Math.max(width - 4, 10);
	const rows = Math.max(height - 3, 1);
	const most = width < ONE_COLUMN_BELOW ? 1 : Math.max(1, Math.floor((inner + GAP) / (MIN_COLUMN + GAP)));
	let chosen: {columns: HelpLine[][]; columnWidth: number} | undefined;
	// All at once in the fewest columns (the widest), scopes whole if they can be there; only then scrolled.
	for (let count = 1; count <= most && !chosen; count++) {
		const columnWidth = Math.floor((inner - GAP * (count - 1)) / count);
		const blocks = helpBlocks(columnWidth, keymap, unavailable);
		for (const wholeScopes of [true, false]) {
			const columns = pack(blocks, rows, wholeScopes);
			if (!chosen && columns.length <= count) chosen = {columns, columnWidth};
		}
	}
	if (!chosen) {
		// Everything does not fit at once: the most columns, each as tall as it must be, scrolled together.
		const columnWidth = Math.floor((inner - GAP * (most - 1)) / most);
		const blocks = helpBlocks(columnWidth, keymap, unavailable);
		// Its lines and a gap before each title but the first: counted per block, the first guess was so tall
		// that at 120x40 one column held nearly all and scrolled 77 lines.
		const total = blocks.reduce((n, b, i) => n + b.length + (i > 0 && b[0]?.kind === 'title' ? 1 : 0), 0);
		let tall = Math.max(rows, Math.ceil(total / most));
		let columns = pack(blocks, tall);
		while (columns.length > most) columns = pack(blocks, ++tall);
		chosen = {columns, columnWidth};
	}
	const longest = Math.max(...chosen.columns.map((c) => c.length));
	const maxScroll = Math.max(longest - rows, 0);
	return {...chosen, rows, start: Math.min(Math.max(scroll, 0), maxScroll), maxScroll};
}
