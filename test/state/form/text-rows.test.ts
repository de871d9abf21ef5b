// How many rows a wrapped message or command takes in a form: what the form budgets for it.
import {describe, expect, it} from 'vitest';
import {rowsOf} from '../../../source/state/form/text-rows.js';

describe('rowsOf', () => {
	it.each([
		['', 10, 1],
		['short', 10, 1],
		['exactly 10', 10, 1],
		['two words that wrap', 10, 2],
		['ip link add name veth_ns1 netns ns1 type veth peer name veth_ns2 netns ns2', 60, 2],
		['ip link add name veth_ns1 netns ns1 type veth peer name veth_ns2 netns ns2', 74, 1],
		['a' + 'b'.repeat(25), 10, 3],
	])('%j in %i columns takes %i rows', (text, width, rows) => {
		expect(rowsOf(text, width)).toBe(rows);
	});
});
