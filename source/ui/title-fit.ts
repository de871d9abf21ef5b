// What the title bar says at a given width, pure. It is one line at every width: read-only, dry run and
// partial sight say themselves in full where they fit beside the message, and fold into badges (RO, DRY,
// 219 unseen) where they do not; the message and the note are cut, never wrapped. The full text of each
// is in the help overlay (titleDetails), so folding loses nothing. A wrapped title pushed the panes down
// and the screen up by a line (issue 27).
import {textWidth, truncateWidth} from '../model/text-width.js';

export interface TitleFacts {
	readonly lab: boolean;
	readonly dryRun?: boolean;
	readonly readOnlyReason?: string;
	/** Something about this world worth knowing (a slow reader), shown while there is no message. */
	readonly note?: string;
	/** What discovery could not look at, by reason: `{'no rights to see a process': 12}`. */
	readonly unseen?: Readonly<Record<string, number>>;
	readonly loading: boolean;
	/** Namespaces read so far while a large world loads. */
	readonly progress?: {readonly done: number; readonly total: number};
	readonly message?: {readonly text: string; readonly tone: 'info' | 'error'};
}

export type TitleTone = 'plain' | 'lab' | 'warn' | 'muted' | 'good' | 'bad';

export interface TitlePiece {
	readonly text: string;
	readonly tone: TitleTone;
	readonly bold?: boolean;
	readonly inverse?: boolean;
}

/** `12 unseen: no rights to see a process`, one reason after another. */
export function unseenText(unseen: Readonly<Record<string, number>> | undefined): string | undefined {
	const parts = Object.entries(unseen ?? {}).map(([reason, count]) => `${count} unseen: ${reason}`);
	return parts.length > 0 ? parts.join(', ') : undefined;
}

const unseenCount = (unseen: Readonly<Record<string, number>> | undefined): number => Object.values(unseen ?? {}).reduce((a, b) => a + b, 0);

const LAB_DETAIL = 'private sandbox: the host is untouched';
const DRY_DETAIL = 'dry run: every change is planned and logged, none runs';
/** Columns kept for the message before the states fold into badges: enough to read what happened. */
const MESSAGE_ROOM = 30;

/** Every state the title bar may fold or cut, in full: what the help overlay lists (LAB needs no more words). */
export function titleDetails(facts: Pick<TitleFacts, 'dryRun' | 'readOnlyReason' | 'note' | 'unseen'>): string[] {
	return [facts.dryRun ? DRY_DETAIL : undefined, facts.readOnlyReason, unseenText(facts.unseen), facts.note].filter(
		(line): line is string => line !== undefined && line !== '',
	);
}

function states(facts: TitleFacts, folded: boolean): TitlePiece[] {
	const pieces: TitlePiece[] = [];
	if (facts.dryRun) pieces.push({text: folded ? ' DRY' : ' DRY RUN', tone: 'warn', bold: true});
	if (facts.readOnlyReason) pieces.push({text: folded ? ' RO' : ` ${facts.readOnlyReason}`, tone: 'warn', bold: folded});
	const unseen = unseenText(facts.unseen);
	if (unseen) pieces.push({text: folded ? ` ${unseenCount(facts.unseen)} unseen` : ` ${unseen}`, tone: 'warn'});
	if (facts.progress) pieces.push({text: ` reading ${facts.progress.done}/${facts.progress.total}`, tone: 'muted'});
	else if (facts.loading) pieces.push({text: ' reading…', tone: 'muted'});
	return pieces;
}

const widthOf = (pieces: readonly TitlePiece[]): number => pieces.reduce((n, p) => n + textWidth(p.text), 0);

/** Pieces cut to `width` columns in all: whatever does not fit is left off, the last one cut short. */
function cut(pieces: readonly TitlePiece[], width: number): TitlePiece[] {
	const out: TitlePiece[] = [];
	let left = width;
	for (const piece of pieces) {
		if (left <= 0) break;
		const text = truncateWidth(piece.text, left);
		out.push({...piece, text});
		left -= textWidth(text);
	}
	return out;
}

/** The title bar's pieces at `width` columns: never wider, so never more than one line. */
export function titlePieces(facts: TitleFacts, width: number): TitlePiece[] {
	return fit(facts, width).pieces;
}

/** What the help says under its header: every state in full, when the title at `width` folds or cuts one. */
export function foldedDetails(facts: TitleFacts, width: number): string[] {
	return fit(facts, width).whole ? [] : titleDetails(facts);
}

function fit(facts: TitleFacts, width: number): {pieces: TitlePiece[]; whole: boolean} {
	const head: TitlePiece[] = [{text: 'nsdeck ', tone: 'plain', bold: true}, facts.lab ? {text: ' LAB ', tone: 'lab', bold: true, inverse: true} : {text: '[host]', tone: 'plain', bold: true}];
	const tail: TitlePiece | undefined = facts.message
		? {text: ` ${facts.message.text}`, tone: facts.message.tone === 'error' ? 'bad' : 'good'}
		: !facts.lab && !facts.note
			? undefined
			: {text: ` ${[facts.lab ? LAB_DETAIL : undefined, facts.note].filter(Boolean).join(' · ')}`, tone: 'muted'};
	// A message keeps room to be read; a note is only cut.
	const room = facts.message && tail ? Math.min(textWidth(tail.text), MESSAGE_ROOM) : 0;
	const full = [...head, ...states(facts, false)];
	const folded = widthOf(full) + room > width;
	const fixed = folded ? [...head, ...states(facts, true)] : full;
	const all = tail ? [...fixed, tail] : fixed;
	// Whole: nothing folded, and the note (not a passing message) not cut.
	return {pieces: cut(all, width), whole: !folded && (facts.message !== undefined || widthOf(all) <= width)};
}
