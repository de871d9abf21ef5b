// A bundle-time change to @alcalzone/ansi-tokenize, which ink uses to turn each frame's grid of styled
// cells back into text. For every cell it computes the codes that lead from the previous cell's style to
// this one's, building three Sets and several arrays, even when both styles are the same (blank cells, a
// run of border or text in one colour: nearly all of a frame). That was a third of the first frame's
// render (~15 ms). The patch skips the computation when the styles are equal, where it yields nothing
// (test/ansi-tokenize-patch.test.ts).

/** Same codes in the same order: diffAnsiCodes(a, b) is then empty. Its source goes into the bundle. */
export function sameStyles(a, b) {
	return a === b || (a.length === b.length && a.every((code, i) => code.code === b[i].code));
}

const FROM = `        else {
            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));`;
const TO = `        else if (!sameStyles(chars[i - 1].styles, char.styles)) {
            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));`;

/** build/styledChars.js, patched; throws if it changed so that the patch no longer applies. */
export function patchStyledChars(source) {
	if (!source.includes(FROM)) throw new Error('@alcalzone/ansi-tokenize changed: check scripts/ansi-tokenize-patch.mjs');
	return `${source.replace(FROM, TO)}\n${sameStyles}\n`;
}
