// Every command a form will run is on screen before Enter runs it. Where the form leaves too little room
// for the whole plan ("… N more"), Enter first shows all of it; only the next Enter runs it.
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/app.js';
import {createFakeSystem} from '../support/fake-system.js';
import {fixtureWorld} from '../support/fixtures.js';
import {KEYS, press, settle, waitForFrame} from '../support/ink.js';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

async function vethFormIn(rows: number) {
	const system = createFakeSystem(fixtureWorld('bridge'), []);
	const app = render(<App system={system} size={{columns: 80, rows}} />);
	unmount = app.unmount;
	await waitForFrame(app, /Namespaces \(3\)/);
	await settle();
	await press(app, 'v');
	await waitForFrame(app, 'Add a veth pair');
	for (const char of '10.9.9.1/24') await press(app, char);
	await waitForFrame(app, 'ip link add name');
	return {app, system};
}

describe('a plan too long for its form', () => {
	it('is shown whole at the first Enter, and nothing runs until the next', async () => {
		const {app, system} = await vethFormIn(20);
		expect(app.lastFrame()).toMatch(/… \d+ more/);
		await press(app, KEYS.enter);
		const review = await waitForFrame(app, 'Enter runs these');
		expect(review).not.toMatch(/… \d+ more/);
		expect(review).toContain('10.9.9.1/24');
		expect(review).toMatch(/link set dev \S+ up/);
		expect(system.calls).toEqual([]);
		// Esc goes back to the form, not away.
		await press(app, KEYS.escape);
		await waitForFrame(app, 'Add a veth pair');
		expect(app.lastFrame()).toMatch(/… \d+ more/);
		expect(system.calls).toEqual([]);
	});

	it('runs at once where it fits: one Enter, as before', async () => {
		const {app, system} = await vethFormIn(40);
		expect(app.lastFrame()).not.toMatch(/… \d+ more/);
		await press(app, KEYS.enter);
		await settle();
		expect(system.calls.length).toBeGreaterThan(0);
	});
});
