// How the command log overlay scrolls: it shows the newest commands at the bottom and counts back from
// there. Shared by the overlay (what it draws) and the keys (where scrolling stops).

/** Entries the overlay shows at once in `height` rows (its border and title take the rest). */
export const logRows = (height: number): number => Math.max(height - 4, 1);

/** How far back (in entries from the end) the log can scroll: there, the top shows the first command. */
export const logMostBack = (entries: number, height: number): number => Math.max(entries - logRows(height), 0);
