// How many rows a text takes when ink wraps it: what a form budgets for a message, a command or a line
// of what a plan takes along.
import {wrappedRows} from '../../model/text-width.js';

/** How many rows a text takes when ink wraps it at spaces in `width` columns (a word longer than a row is cut into rows). */
export const rowsOf = (text: string, width: number): number => wrappedRows(text, Math.max(width, 1));
