import {describe, expect, it} from 'vitest';
import {fit, listWindow} from '../../source/ui/list-window.js';

describe('listWindow renders only visible rows', () => {
	it.each([
		[0, 5, 10, {start: 0, end: 5}],
		[0, 1000, 10, {start: 0, end: 10}],
		[500, 1000, 10, {start: 495, end: 505}],
		[999, 1000, 10, {start: 990, end: 1000}],
		[3, 0, 10, {start: 0, end: 0}],
	])('selected %i of %i in %i rows', (selected, count, height, expected) => {
		expect(listWindow(selected, count, height)).toEqual(expected);
	});

	it('fits text to a width with an ellipsis', () => {
		expect(fit('abc', 5)).toBe('abc  ');
		expect(fit('abcdef', 4)).toBe('abc…');
	});
});
