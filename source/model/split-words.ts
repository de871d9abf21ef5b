// Splits a typed command line into an argv, without a shell: words are separated by blanks, and "…" or
// '…' keep blanks inside one word. Nothing else is special — no globbing, no $ expansion, no pipes or
// redirection, no backslash escapes — so what is typed is exactly what runs. A line that has any of those
// goes to sh instead (model/shell-line.ts decides).

export type Split = {readonly words: readonly string[]} | {readonly error: string};

export function splitWords(line: string): Split {
	const words: string[] = [];
	let word = '';
	let inWord = false;
	let quote: '"' | "'" | undefined;
	for (const char of line) {
		if (quote) {
			if (char === quote) quote = undefined;
			else word += char;
			continue;
		}
		if (char === '"' || char === "'") {
			quote = char;
			inWord = true;
		} else if (char === ' ' || char === '\t') {
			if (inWord) words.push(word);
			word = '';
			inWord = false;
		} else {
			word += char;
			inWord = true;
		}
	}
	if (quote) return {error: `a ${quote} quote is not closed`};
	if (inWord) words.push(word);
	return {words};
}
