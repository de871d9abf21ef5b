// A ping check judges the pings the learner ran. A step "see it fail" stays ✓ once the failure was seen,
// even after the learner fixed the world and the same ping is answered: otherwise a tutorial whose first
// step is a failing ping and whose last is the same ping answered (5 and 6) could never hold whole.
import {describe, expect, it} from 'vitest';
import {checkContext, holds} from '../../source/model/tutorial/checks.js';
import type {Check, PingRecord} from '../../source/model/tutorial/types.js';
import {WorldBuilder} from '../support/hand-world.js';

const world = new WorldBuilder().namespace('host').namespace('ns1').build();
const fails: Check = {ping: {from: 'ns1', to: '10.0.2.2', answered: false}};
const answers: Check = {ping: {from: 'ns1', to: '10.0.2.2'}};
const judged = (check: Check, pings: PingRecord[]): boolean => holds(check, checkContext(world, pings));
const failed: PingRecord = {from: 'ns1', to: '10.0.2.2', answered: false};
const answered: PingRecord = {from: 'ns1', to: '10.0.2.2', answered: true};

describe('ping checks', () => {
	it('hold for no ping at all: neither seen failing nor answered', () => {
		expect(judged(fails, [])).toBe(false);
		expect(judged(answers, [])).toBe(false);
	});

	it('"seen failing" holds once a ping failed, even after the same ping is answered', () => {
		expect(judged(fails, [failed])).toBe(true);
		expect(judged(fails, [failed, answered])).toBe(true);
		expect(judged(fails, [answered])).toBe(false);
	});

	it('"answered" holds while the last such ping was answered, and turns back when one fails again', () => {
		expect(judged(answers, [failed, answered])).toBe(true);
		expect(judged(answers, [answered, failed])).toBe(false);
	});

	it('counts only pings from that namespace to that address', () => {
		expect(judged(fails, [{...failed, from: 'ns2'}, {...failed, to: '10.0.2.3'}])).toBe(false);
	});
});
