// a on ns2's veth with the address ns1 holds on the same bridge: the form says where it is, and Enter
// still runs the plan (issue 27: it said nothing).
import {render} from 'ink-testing-library';
import {describe, expect, it, onTestFinished} from 'vitest';
import {App} from '../../source/app.js';
import {createFakeSystem} from '../support/fake-system.js';
import {fixtureWorld} from '../support/fixtures.js';
import {KEYS, press, settle, waitForFrame} from '../support/ink.js';

describe.each([
	{columns: 80, rows: 24},
	{columns: 200, rows: 50},
])('an address already on the same bridge, at $columns x $rows', (size) => {
	it('is a warning in the form, naming where, and Enter runs the plan', async () => {
		const system = createFakeSystem(fixtureWorld('bridge'), [{argv: ['ip', '-n', 'ns2', 'addr', 'add', '10.1.1.1/24', 'dev', 'veth_ns2']}]);
		const app = render(<App system={system} size={size} />);
		onTestFinished(() => app.unmount());
		await waitForFrame(app, 'Namespaces (3)');
		await settle();
		await press(app, 'j');
		await press(app, 'j');
		await press(app, KEYS.tab);
		await press(app, 'j');
		await press(app, 'a');
		await waitForFrame(app, 'Add an address to veth_ns2 in ns2');
		await press(app, '10.1.1.1/24');
		const frame = await waitForFrame(app, 'ip -n ns2 addr add 10.1.1.1/24 dev veth_ns2');
		expect(frame.replaceAll(/[│║\n ]+/g, ' ')).toContain('! 10.1.1.1 is already on ns1/veth_ns1, on the same bridge br0');
		expect(frame).not.toContain('✗');
		await press(app, KEYS.enter);
		await waitForFrame(app, '✓ Add 10.1.1.1/24 to veth_ns2 in ns2');
		expect(system.pending()).toEqual([]);
	});
});
