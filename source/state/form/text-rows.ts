// How many rows a text takes when ink wraps it: what a form budgets for a message, a command or a line
// of what a plan takes along.

/** How many rows a text takes when ink wraps it at spaces in `width` columns (a word longer than a row is cut into rows). */
export function rowsOf(text: string, width: number): number {
	const room = Math.max(width, 1);
	let rows = 1;
	let used = 0;
	for (const word of text.split(' ')) {
		const need = used === 0 ? word.length : used + 1 + word.length;
		if (need <= room) used = need;
		else {
			rows += used === 0 ? 0 : 1;
			rows += Math.max(Math.ceil(word.length / room) - 1, 0);
			used = word.length % room || (word.length === 0 ? 0 : room);
		}
	}
	return rows;
}
