// A bundle-time change to string-width 8 (ink measures every text with it). Its fast path covers printable
// ASCII only; any other character goes through Intl.Segmenter and /\p{RGI_Emoji}/v, and that regex alone
// costs ~20 ms to create, at module load. nsdeck's frames are full of box-drawing characters, arrows and
// ellipses, so every start paid for it. The patch widens the fast path to characters that string-width
// itself measures as one column each (test/string-width-patch.test.ts checks every one of them), and creates
// the emoji regex the first time it is needed.

/** A regex character class body: characters each of width 1 (ambiguous ones narrow), each its own grapheme. */
export const NARROW = '\\u00A1-\\u00AC\\u00AE-\\u00FF\\u2010-\\u2027\\u2030-\\u205E\\u2190-\\u22FF\\u2400-\\u2426\\u2500-\\u25FC\\u2713\\u2717';

const REPLACEMENTS = [
	['const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;', 'let rgiEmojiRegex;'],
	['if (rgiEmojiRegex.test(segment)', 'if ((rgiEmojiRegex ??= /^\\p{RGI_Emoji}$/v).test(segment)'],
	// Wide ambiguous characters (ambiguousIsNarrow: false) keep the slow path.
	['if (/^[\\u0020-\\u007E]*$/.test(string)) {', `if ((ambiguousIsNarrow ? /^[\\u0020-\\u007E${NARROW}]*$/ : /^[\\u0020-\\u007E]*$/).test(string)) {`],
];

/** string-width's index.js, patched; throws if it changed so that a replacement no longer applies. */
export function patchStringWidth(source) {
	return REPLACEMENTS.reduce((text, [from, to]) => {
		if (!text.includes(from)) throw new Error(`string-width changed: "${from}" not found; check scripts/string-width-patch.mjs`);
		return text.replace(from, to);
	}, source);
}
