// Text broken into lines of at most `width` characters at spaces; a word longer than a line is split.
export function wrapWords(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		let rest = word;
		while ([...rest].length > width) {
			if (line) lines.push(line);
			line = '';
			lines.push([...rest].slice(0, width).join(''));
			rest = [...rest].slice(width).join('');
		}
		if (!line) line = rest;
		else if ([...line].length + 1 + [...rest].length <= width) line += ` ${rest}`;
		else {
			lines.push(line);
			line = rest;
		}
	}
	lines.push(line);
	return lines;
}
