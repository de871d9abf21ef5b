// x with shell syntax over a fake system (issue 27 item 5): `ip a | grep inet` reached ip as the words
// `ip a '|' grep inet`. Now the line runs through `sh -c` in the namespace, the preview says so, the log
// shows it quoted as one word, and the next x offers the line as it was typed.
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/app.js';
import {createFakeSystem} from '../support/fake-system.js';
import {fixtureWorld} from '../support/fixtures.js';
import {KEYS, press, settle, waitForFrame} from '../support/ink.js';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

describe('x: a line with shell syntax', () => {
	it('runs through sh -c inside the namespace, says so first, and logs it quoted', async () => {
		const system = createFakeSystem(fixtureWorld('bridge'));
		const app = render(<App system={system} size={{columns: 80, rows: 24}} />);
		unmount = app.unmount;
		await waitForFrame(app, 'Namespaces (3)');
		await settle();
		await press(app, 'j'); // ns1
		await waitForFrame(app, 'Interfaces in ns1');
		const calls: Array<readonly string[]> = [];
		system.stream = async (argv, options) => {
			calls.push(argv);
			options.onLine('    inet 10.1.1.1/24 scope global veth_ns1', 'stdout');
			return {argv, exitCode: 0, stdout: '', stderr: ''};
		};
		await press(app, 'x');
		let frame = await waitForFrame(app, 'Run one command in ns1');
		expect(frame).toContain('with | > $( ) * it runs through sh -c');
		await press(app, 'ip a | grep inet');
		frame = await waitForFrame(app, "ip netns exec ns1 sh -c 'ip a | grep inet'");
		expect(frame).toContain('! runs through sh -c because of its shell syntax: |');
		await press(app, KEYS.enter);
		frame = await waitForFrame(app, '✓ exit status 0');
		expect(frame).toContain('inet 10.1.1.1/24');
		expect(calls).toEqual([['ip', 'netns', 'exec', 'ns1', 'sh', '-c', 'ip a | grep inet']]);
		await press(app, KEYS.escape);
		await waitForFrame(app, 'Interfaces in ns1');
		await press(app, 'l');
		frame = await waitForFrame(app, 'Command log (1)');
		expect(frame).toContain("ip netns exec ns1 sh -c 'ip a | grep inet'");
		await press(app, KEYS.escape);
		await waitForFrame(app, 'Interfaces in ns1');
		await press(app, 'x');
		frame = await waitForFrame(app, 'Run one command in ns1');
		// Offered as typed, not as the sh -c it became.
		expect(frame).toMatch(/Command +ip a \| grep inet {2}\(Enter runs it/);
		await press(app, KEYS.enter);
		await waitForFrame(app, '✓ exit status 0');
		expect(calls).toHaveLength(2);
		expect(calls[1]).toEqual(calls[0]);
	});
});
