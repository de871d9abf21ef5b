// Moves a source map's mappings along when text is inserted into the generated code on one line. In the
// "mappings" string, lines are separated by ";" and segments by ","; each segment starts with its generated
// column, as a base64 VLQ relative to the segment before it on the same line. Shifting every segment at or
// after the inserted column therefore changes one number: the first such segment's column delta.

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The first VLQ number of a segment, and how many characters it takes. */
function decodeFirst(segment) {
	let value = 0;
	let shift = 0;
	for (let i = 0; i < segment.length; i++) {
		const digit = BASE64.indexOf(segment[i]);
		if (digit < 0) throw new Error(`not a source map segment: ${segment}`);
		value += (digit & 31) * 2 ** shift;
		shift += 5;
		if ((digit & 32) === 0) return {number: value & 1 ? -(value - 1) / 2 : value / 2, length: i + 1};
	}
	throw new Error(`unfinished VLQ in source map segment: ${segment}`);
}

function encode(number) {
	let value = number < 0 ? -number * 2 + 1 : number * 2;
	let text = '';
	do {
		const digit = value % 32;
		value = Math.floor(value / 32);
		text += BASE64[value > 0 ? digit | 32 : digit];
	} while (value > 0);
	return text;
}

/** `mappings` with every segment of generated line `line` (0-based) at or after `column` moved right by `by`. */
export function shiftMappings(mappings, line, column, by) {
	const lines = mappings.split(';');
	if (line >= lines.length || lines[line] === '') return mappings;
	const segments = lines[line].split(',');
	let at = 0;
	for (let i = 0; i < segments.length; i++) {
		const {number, length} = decodeFirst(segments[i]);
		at += number;
		if (at >= column) {
			segments[i] = encode(number + by) + segments[i].slice(length);
			break;
		}
	}
	lines[line] = segments.join(',');
	return lines.join(';');
}
