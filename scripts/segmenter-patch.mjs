// A bundle-time change to the four modules in ink's output path that create an Intl.Segmenter when they
// load (two copies of string-width, slice-ansi, @alcalzone/ansi-tokenize). The first Segmenter a process
// creates loads ICU's break-iterator data: ~13 ms at start, before the first frame, although nsdeck's
// frames hardly ever need it. The patch has them create it the first time they segment a string.
//
// ansi-tokenize splits every string ink writes into graphemes. For a string in which every UTF-16 unit is
// a grapheme of its own, which is what nsdeck draws (ASCII, box drawing, arrows: string-width-patch.mjs's
// NARROW set, escape codes), the patch walks the units instead, with the same indices and segments
// (test/segmenter-patch.test.ts compares both).
import {NARROW} from './string-width-patch.mjs';

/** The module's source with each Segmenter made on first use; throws if the module no longer makes one. */
export function patchLazySegmenter(source) {
	if (!source.includes('new Intl.Segmenter(')) throw new Error('no Intl.Segmenter is created here any more: check scripts/segmenter-patch.mjs');
	// Each one is used only through .segment(): the lazy stand-in offers that and nothing else.
	if (/segmenter\.(?!segment\()/i.test(source.replace(/Intl\.Segmenter/g, ''))) throw new Error('a Segmenter is used beyond segment(): check scripts/segmenter-patch.mjs');
	return `${source.replaceAll('new Intl.Segmenter(', 'lazySegmenter(')}\n${lazySegmenter}\n`;
}

/** What replaces `new Intl.Segmenter(…)`; its source goes into the bundle. */
export function lazySegmenter(...options) {
	let segmenter;
	return {segment: (text) => (segmenter ??= new Intl.Segmenter(...options)).segment(text)};
}

/**
 * Printable ASCII, C0 controls but CR (CR LF is one grapheme), and NARROW: each unit its own grapheme, so
 * nothing can join two of them.
 */
export const ONE_UNIT_GRAPHEMES = new RegExp(`^[\\u0000-\\u000C\\u000E-\\u007E${NARROW}]*$`);

/** Segments as Intl.Segmenter gives them ({segment, index}), one per unit, for strings ONE_UNIT_GRAPHEMES matches. */
export function* unitSegments(text) {
	for (let index = 0; index < text.length; index++) yield {segment: text[index], index};
}

const TOKENIZE_LOOP = 'for (const { segment, index } of segmenter.segment(str)) {';

/** ansi-tokenize's build/tokenize.js, made lazy and given the fast path; throws if it changed. */
export function patchAnsiTokenize(source) {
	if (!source.includes(TOKENIZE_LOOP)) throw new Error('@alcalzone/ansi-tokenize changed: check scripts/segmenter-patch.mjs');
	const fast = 'for (const { segment, index } of (ONE_UNIT_GRAPHEMES.test(str) ? unitSegments(str) : segmenter.segment(str))) {';
	return `${patchLazySegmenter(source.replace(TOKENIZE_LOOP, fast))}\nconst ONE_UNIT_GRAPHEMES = ${ONE_UNIT_GRAPHEMES};\n${unitSegments}\n`;
}
